public import EthicsCore
import Synchronization

/// The register of one run, opened the first time something is recorded or journalled, so
/// commands that record and publish nothing never create a database.
///
/// A failure to open is not remembered: the next use tries again and reports it again.
public final class LazyRecordStore: RecordRegister {
    /// The register's path, whether or not it exists yet.
    public let path: String
    private let workspace: String
    private let opened = Mutex<RecordStore?>(nil)

    public init(workspace: String) {
        self.workspace = workspace
        path = workspace + "/" + RecordStore.fileName
    }

    /// The register, opened (and created) now if it was not yet.
    public func store() throws -> RecordStore {
        try opened.withLock { store in
            if let store { return store }
            let opening = try RecordStore(workspace: workspace)
            store = opening
            return opening
        }
    }

    /// The register when one exists on disk, without creating it; nil otherwise.
    public func existingStore() throws -> RecordStore? {
        try opened.withLock { store in
            if let store { return store }
            let opening = try RecordStore.openExisting(workspace: workspace)
            store = opening
            return opening
        }
    }

    public func record(_ draft: RecordDraft) throws -> RecordVersion {
        try store().record(draft)
    }

    public func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        try store().addVersion(of: id, draft)
    }

    public func fetch(_ id: String, version: Int?) throws -> RecordVersion? {
        try existingStore()?.fetch(id, version: version)
    }

    public func link(from: String, to: String, _ relation: RecordLink.Relation) throws {
        try store().link(from: from, to: to, relation)
    }

    public func links(of id: String) throws -> [RecordLink] {
        try existingStore()?.links(of: id) ?? []
    }

    public func history(of id: String) throws -> [RecordVersion] {
        try existingStore()?.history(of: id) ?? []
    }

    public func latestVersions(kind: RecordKind?) throws -> [RecordVersion] {
        try existingStore()?.latestVersions(kind: kind) ?? []
    }
}

/// Journals every event published on the bus it is attached to, each in its own transaction.
/// `document.rendering` goes in as its summary (title, format, number of blocks), which is how
/// that event encodes itself.
public struct RegisterJournalSink: EventSink {
    private let register: LazyRecordStore

    public init(register: LazyRecordStore) {
        self.register = register
    }

    public func receive<E: Event>(_ event: E) throws {
        try register.store().journal(event)
    }
}
