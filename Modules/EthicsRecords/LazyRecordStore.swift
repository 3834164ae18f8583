public import EthicsCore
import EthicsDiagnostics
import Synchronization

/// The council's SQLite register as the engine behind ``Register``: opened the first time
/// something is read or kept, and created only by a write, so reading commands never create a
/// database and commands that keep nothing never touch one.
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
        guard !workspace.isEmpty else {
            throw DiagnosticError.error(
                "there is no private place to keep the register: neither XDG_DATA_HOME nor HOME is set",
                suggestion: "set 'workspace:' in the configuration, or XDG_DATA_HOME, to a folder of your own")
        }
        return try opened.withLock { store in
            if let open = store, !open.isReadOnly {
                try open.migrateIfNeeded()
                return open
            }
            // Opened for reading so far: the first write opens it for writing.
            store = nil
            let opening = try RecordStore(workspace: workspace)
            store = opening
            return opening
        }
    }

    /// The register when one exists on disk, without creating it; nil otherwise.
    public func existingStore() throws -> RecordStore? {
        guard !workspace.isEmpty else { return nil }
        return try opened.withLock { store in
            if let store { return store }
            // A register whose creation was cut short holds nothing: read it as none.
            guard let opening = try RecordStore.openExisting(workspace: workspace), try opening.hasSchema() else { return nil }
            store = opening
            return opening
        }
    }

    /// The journal's head after this run's last write, to print for the record; nil when the run
    /// wrote nothing.
    public var lastWrittenHead: JournalHead? {
        opened.withLock { $0?.lastWrittenHead }
    }

    public func write<T: Sendable>(_ body: @Sendable (any RegisterTransaction) throws -> T) async throws -> T {
        try store().transaction(body)
    }

    public func fetch(_ id: String, version: Int?) async throws -> RecordVersion? {
        try existingStore()?.fetch(id, version: version)
    }

    public func links(of id: String) async throws -> [RecordLink] {
        try existingStore()?.links(of: id) ?? []
    }

    public func history(of id: String) async throws -> [RecordVersion] {
        try existingStore()?.history(of: id) ?? []
    }

    public func latestVersions(kind: String?) async throws -> [RecordVersion] {
        try existingStore()?.latestVersions(kind: kind) ?? []
    }
}
