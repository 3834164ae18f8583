public import Foundation
import Synchronization

/// A register that keeps records in memory only, with the same ids, versions and links as the
/// host's SQLite register but no journal: the deterministic stand-in for plugin tests.
public final class InMemoryRecordRegister: RecordRegister {
    private struct State {
        var versions: [String: [RecordVersion]] = [:]
        var links: [RecordLink] = []
        var serials: [String: Int] = [:]
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> Date

    /// - Parameter now: the clock stamped into versions; tests pass a fixed one.
    public init(now: @escaping @Sendable () -> Date = Date.init) {
        self.now = now
    }

    public func record(_ draft: RecordDraft) throws -> RecordVersion {
        try draft.validate()
        let time = now()
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: time).year ?? 1970
        return state.withLock { state in
            let key = "\(draft.kind.idPrefix)-\(year)"
            let serial = (state.serials[key] ?? 0) + 1
            state.serials[key] = serial
            let version = Self.version(of: draft, id: draft.kind.recordID(year: year, serial: serial), number: 1, created: time, updated: time)
            state.versions[version.id] = [version]
            return version
        }
    }

    public func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        try draft.validate()
        let time = now()
        return try state.withLock { state throws(RecordRegisterError) in
            guard let first = state.versions[id]?.first, let last = state.versions[id]?.last else {
                throw RecordRegisterError("there is no record '\(id)'")
            }
            guard first.kind == draft.kind else {
                throw RecordRegisterError("record '\(id)' is a \(first.kind.rawValue), not a \(draft.kind.rawValue)")
            }
            let version = Self.version(of: draft, id: id, number: last.version + 1, created: first.created, updated: time)
            state.versions[id, default: []].append(version)
            return version
        }
    }

    public func fetch(_ id: String, version: Int?) throws -> RecordVersion? {
        state.withLock { state in
            guard let versions = state.versions[id] else { return nil }
            guard let version else { return versions.last }
            return versions.first { $0.version == version }
        }
    }

    public func link(from: String, to: String, _ relation: RecordLink.Relation) throws {
        try state.withLock { state throws(RecordRegisterError) in
            for id in [from, to] where state.versions[id] == nil {
                throw RecordRegisterError("there is no record '\(id)'")
            }
            if from == to { throw RecordRegisterError("record '\(from)' cannot be linked to itself") }
            let link = RecordLink(from: from, to: to, relation: relation)
            if !state.links.contains(link) { state.links.append(link) }
        }
    }

    public func links(of id: String) throws -> [RecordLink] {
        state.withLock { $0.links.filter { $0.from == id || $0.to == id } }
    }

    public func history(of id: String) throws -> [RecordVersion] {
        state.withLock { $0.versions[id] ?? [] }
    }

    public func latestVersions(kind: RecordKind?) throws -> [RecordVersion] {
        state.withLock { state in
            state.versions.values.compactMap(\.last)
                .filter { kind == nil || $0.kind == kind }
                .sorted { ($0.created, $0.id) < ($1.created, $1.id) }
        }
    }

    private static func version(of draft: RecordDraft, id: String, number: Int, created: Date, updated: Date) -> RecordVersion {
        RecordVersion(
            id: id, kind: draft.kind, version: number, title: draft.title, author: draft.author, status: draft.status,
            reviewBy: draft.reviewBy, tags: draft.tags, attributes: draft.attributes, body: draft.body,
            created: created, updated: updated)
    }
}
