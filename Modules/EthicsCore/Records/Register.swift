import EthicsDiagnostics

/// The register as a plugin sees it, in its context: reads, and writes that keep records, links
/// and facts together in one transaction.
///
/// ```swift
/// let kept = try await context.register.write { write in
///     let version = try write.record(draft)
///     try write.publish(ScanRecorded(recordID: version.id, title: draft.title))
///     return version
/// }
/// ```
///
/// A fact published in a write is journalled in that write's transaction and delivered on the bus
/// only after it has committed, so nobody hears of what was rolled back. The topic must be one the
/// plugin's manifest lists under `publishes`.
public struct Register: Sendable {
    /// The engine the records are kept in.
    public let engine: any RecordRegister
    private let bus: EventBus
    /// The plugin writing, whose manifest says what it may publish; nil for the host's own commands.
    private let publisher: PluginDescriptor?

    public init(engine: any RecordRegister, bus: EventBus, publisher: PluginDescriptor? = nil) {
        self.engine = engine
        self.bus = bus
        self.publisher = publisher
    }

    /// The same register, writing on behalf of `plugin`.
    func publishing(as plugin: PluginDescriptor) -> Register {
        Register(engine: engine, bus: bus, publisher: plugin)
    }

    /// Runs `body` as one transaction (see ``RecordRegister/write(_:)``), then delivers the facts
    /// it published, in order.
    public func write<T: Sendable>(_ body: @Sendable (inout RegisterWrite) throws -> T) async throws -> T {
        let publisher = publisher
        let (result, facts) = try await engine.write { transaction in
            var write = RegisterWrite(transaction: transaction, publisher: publisher)
            let result = try body(&write)
            return (result, write.facts)
        }
        for fact in facts {
            await bus.deliver(fact)
        }
        return result
    }

    public func fetch(_ id: String, version: Int? = nil) async throws -> RecordVersion? {
        try await engine.fetch(id, version: version)
    }

    public func links(of id: String) async throws -> [RecordLink] {
        try await engine.links(of: id)
    }

    public func history(of id: String) async throws -> [RecordVersion] {
        try await engine.history(of: id)
    }

    public func latestVersions(kind: RecordKind?) async throws -> [RecordVersion] {
        try await engine.latestVersions(kind: kind?.id)
    }

    /// A page of the latest versions `query` selects, and how many it selects in all.
    public func latestVersions(_ query: RecordQuery, offset: Int, limit: Int) async throws -> RecordPage {
        try await engine.latestVersions(query, offset: offset, limit: limit)
    }
}

/// What the body of a ``Register/write(_:)`` may do: keep records and links, and state facts.
public struct RegisterWrite {
    private let transaction: any RegisterTransaction
    private let publisher: PluginDescriptor?
    /// The facts published so far, delivered after the commit.
    fileprivate(set) var facts: [any Event] = []

    init(transaction: any RegisterTransaction, publisher: PluginDescriptor?) {
        self.transaction = transaction
        self.publisher = publisher
    }

    public func record(_ draft: RecordDraft) throws -> RecordVersion {
        try transaction.record(draft)
    }

    public func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        try transaction.addVersion(of: id, draft)
    }

    public func link(from: String, to: String, _ relation: RecordLink.Relation) throws {
        try transaction.link(from: from, to: to, relation)
    }

    /// Journals `event` in this transaction and delivers it on the bus after the commit.
    /// - Throws: ``UndeclaredTopic`` when the plugin's manifest does not list the topic under
    ///   `publishes` (a fault in the plugin, not in the user's input).
    public mutating func publish<E: Event>(_ event: E) throws {
        if let publisher, !publisher.publishes.contains(E.topic) {
            throw UndeclaredTopic(plugin: publisher.id, topic: E.topic, key: "publishes")
        }
        try transaction.journal(topic: E.topic, payload: EventJSON.encode(event))
        facts.append(event)
    }
}

/// A plugin published or listened to a topic its manifest does not declare.
public struct UndeclaredTopic: Error, CustomStringConvertible {
    public let plugin: String
    public let topic: String
    /// `publishes` or `listens`.
    public let key: String

    public var description: String {
        "plugin '\(plugin)' uses the topic '\(topic)', which its plugin.yaml does not list under '\(key)'"
    }
}
