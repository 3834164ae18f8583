public import EthicsCore
public import Foundation
import EthicsRender
import Synchronization

/// A plugin context for tests: an in-memory register whose facts are recorded, a fixed clock,
/// the five attributes, a real renderer with the hooks given, and output captured instead of
/// printed.
public struct TestContext: Sendable {
    public let plugin: PluginContext
    /// Every fact delivered on the bus, oldest first.
    public let facts: FactRecorder
    public let register: InMemoryRecordRegister
    public let bus: EventBus
    public let hooks: DocumentHooks
    private let captured: @Sendable () -> String

    /// Everything the plugin wrote to its output so far.
    public var output: String { captured() }

    /// 1 March 2026, 10:00 in London: the day every test runs on unless it says otherwise.
    public static let fixedNow = Date(timeIntervalSince1970: 1_772_359_200)

    public static func make(
        council: Council = Council(id: "testshire", name: "Testshire Council"),
        attributes: [Attribute] = TestContext.fiveAttributes,
        workspace: String = "/tmp/ethics-tests",
        configFile: String = "test.yaml",
        terminal: (any Terminal)? = nil,
        actor: Person? = Person(name: "Test Officer", source: "test"),
        now: Date = TestContext.fixedNow,
        plugin: PluginDescriptor? = nil
    ) -> TestContext {
        let bus = EventBus()
        let facts = FactRecorder()
        _ = try? bus.subscribe(topic: "*", name: "test.facts") { facts.record($0) }
        let hooks = DocumentHooks()
        let register = InMemoryRecordRegister(now: { now })
        let (sink, contents) = OutputSink.buffer()
        var context = PluginContext(
            model: DataModel(council: council, attributes: AttributeCatalog(attributes)),
            renderer: Renderer(hooks: hooks), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            register: Register(engine: register, bus: bus), clock: .fixed(now), terminal: terminal, actor: actor,
            workspace: workspace, configFile: configFile, output: sink, notices: sink)
        if let plugin { context = context.forPlugin(plugin) }
        return TestContext(plugin: context, facts: facts, register: register, bus: bus, hooks: hooks, captured: contents)
    }

    /// Activates `plugin` on this context's bus, hooks and capabilities, as the host does.
    public func activate<P: EthicsPlugin>(_ plugin: P) throws {
        try plugin.activate(PluginActivation(
            plugin: P.descriptor, bus: bus, hooks: hooks, capabilities: self.plugin.capabilities))
    }

    /// The five attributes of ethical practice, as the shipped content pack names them.
    public static let fiveAttributes: [Attribute] = [
        Attribute(id: "beneficence", name: "Beneficence", summary: "Do good."),
        Attribute(id: "non-maleficence", name: "Non-maleficence", summary: "Do no harm."),
        Attribute(id: "autonomy", name: "Autonomy", summary: "People decide for themselves."),
        Attribute(id: "justice", name: "Justice", summary: "Share benefits and burdens fairly."),
        Attribute(id: "explicability", name: "Explicability", summary: "Be understandable and accountable."),
    ]
}

/// Keeps every fact the bus delivers, so a test can assert on what a plugin published.
public final class FactRecorder: Sendable {
    private let recorded = Mutex<[any Event]>([])

    public init() {}

    func record(_ event: any Event) {
        recorded.withLock { $0.append(event) }
    }

    public var events: [any Event] { recorded.withLock { $0 } }

    public var topics: [String] { events.map { type(of: $0).topic } }

    public func events<E: Event>(of type: E.Type) -> [E] {
        events.compactMap { $0 as? E }
    }
}
