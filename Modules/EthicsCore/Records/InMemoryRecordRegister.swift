public import Foundation
import Synchronization

/// A register that keeps records in memory only, with the same ids, versions, links and
/// all-or-nothing writes as the host's SQLite register: the deterministic stand-in for plugin tests.
///
/// Its journal holds the topic and payload of every record write and fact, so a test can check
/// that a command journalled exactly what it kept, and nothing when it failed.
public final class InMemoryRecordRegister: RecordRegister {
    struct State: Sendable {
        var versions: [String: [RecordVersion]] = [:]
        var links: [RecordLink] = []
        var serials: [String: Int] = [:]
        var journal: [(topic: String, payload: String)] = []
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> Date

    /// - Parameter now: the clock stamped into versions; tests pass a fixed one.
    public init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    /// The topics journalled so far, oldest first.
    public var journalTopics: [String] {
        state.withLock { $0.journal.map(\.topic) }
    }

    public func write<T: Sendable>(_ body: @Sendable (any RegisterTransaction) throws -> T) async throws -> T {
        let time = now()
        return try state.withLock { state in
            // Work on a copy and keep it only if the body succeeds: all or nothing.
            let transaction = InMemoryTransaction(state: state, time: time)
            let result = try body(transaction)
            state = transaction.state
            return result
        }
    }

    public func fetch(_ id: String, version: Int?) async throws -> RecordVersion? {
        state.withLock { state in
            guard let versions = state.versions[id] else { return nil }
            guard let version else { return versions.last }
            return versions.first { $0.version == version }
        }
    }

    public func links(of id: String) async throws -> [RecordLink] {
        state.withLock { $0.links.filter { $0.from == id || $0.to == id } }
    }

    public func history(of id: String) async throws -> [RecordVersion] {
        state.withLock { $0.versions[id] ?? [] }
    }

    public func latestVersions(kind: String?) async throws -> [RecordVersion] {
        state.withLock { state in
            state.versions.values.compactMap(\.last)
                .filter { kind == nil || $0.kind == kind }
                .sorted { ($0.created, $0.id) < ($1.created, $1.id) }
        }
    }

    public func latestVersions(_ query: RecordQuery, offset: Int, limit: Int) async throws -> RecordPage {
        let selected = try await latestVersions(kind: query.kind).filter(query.selects)
        return RecordPage(versions: Array(selected.dropFirst(offset).prefix(limit)), total: selected.count)
    }
}

/// One write to an ``InMemoryRecordRegister``, on its own copy of the state.
private final class InMemoryTransaction: RegisterTransaction {
    var state: InMemoryRecordRegister.State
    let time: Date

    init(state: InMemoryRecordRegister.State, time: Date) {
        self.state = state
        self.time = time
    }

    func record(_ draft: RecordDraft) throws -> RecordVersion {
        try draft.validate()
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: time).year ?? 1970
        let key = "\(draft.kind.prefix)-\(year)"
        let serial = (state.serials[key] ?? 0) + 1
        state.serials[key] = serial
        let version = Self.version(of: draft, id: draft.kind.recordID(year: year, serial: serial), number: 1, created: time, updated: time)
        state.versions[version.id] = [version]
        state.journal.append(("record.created", version.id))
        return version
    }

    func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        try draft.validate(previousTitle: state.versions[id]?.last?.title)
        guard let first = state.versions[id]?.first, let last = state.versions[id]?.last else {
            throw RecordRegisterError("there is no record '\(id)'")
        }
        guard first.kind == draft.kind.id else {
            throw RecordRegisterError("record '\(id)' is a \(first.kind), not a \(draft.kind.id)")
        }
        let version = Self.version(of: draft, id: id, number: last.version + 1, created: first.created, updated: time)
        state.versions[id, default: []].append(version)
        state.journal.append(("record.versioned", id))
        return version
    }

    func link(from: String, to: String, _ relation: RecordLink.Relation) throws {
        for id in [from, to] where state.versions[id] == nil {
            throw RecordRegisterError("there is no record '\(id)'")
        }
        if from == to { throw RecordRegisterError("record '\(from)' cannot be linked to itself") }
        let link = RecordLink(from: from, to: to, relation: relation)
        if !state.links.contains(link) {
            state.links.append(link)
            state.journal.append(("record.linked", "\(from) \(relation.rawValue) \(to)"))
        }
    }

    func journal(topic: String, payload: String) throws {
        state.journal.append((topic, payload))
    }

    private static func version(of draft: RecordDraft, id: String, number: Int, created: Date, updated: Date) -> RecordVersion {
        RecordVersion(
            id: id, kind: draft.kind.id, version: number, title: draft.title, author: draft.author, status: draft.status,
            reviewBy: draft.reviewBy, tags: draft.tags, attributes: draft.attributes, body: draft.body,
            created: created, updated: updated)
    }
}
