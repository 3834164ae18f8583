public import EthicsCore
import EthicsDiagnostics
import Synchronization

/// The council's register as the engine behind ``Register``: opened the first time something is
/// read or kept, and (for SQLite) created only by a write, so reading commands never create a
/// database and commands that keep nothing never touch one.
///
/// A failure to open is not remembered: the next use tries again and reports it again.
public final class LazyRecordStore: RecordRegister {
    /// How the register is named to the user: the SQLite file's path (whether or not it exists
    /// yet), or the server's URL without its password.
    public let path: String
    private let engine: Engine
    private let opened = Mutex<(any RegisterStore)?>(nil)

    private enum Engine: Sendable {
        case sqlite(workspace: String)
        /// A server that holds the register whether or not anything was written: opening it
        /// reads, and never creates anything.
        case server(open: @Sendable () throws -> any RegisterStore)
    }

    /// The SQLite register in `workspace`.
    public init(workspace: String) {
        engine = .sqlite(workspace: workspace)
        path = workspace + "/" + RecordStore.fileName
    }

    /// A register on a server, named to the user as `location`, connected by `open` on first use.
    public init(location: String, open: @escaping @Sendable () throws -> any RegisterStore) {
        engine = .server(open: open)
        path = location
    }

    /// Whether the register is the SQLite file in the workspace (which has a file beside it, a
    /// head note, a backup by file copy).
    public var isSQLite: Bool {
        if case .sqlite = engine { return true }
        return false
    }

    /// The register, opened (and created) now if it was not yet.
    public func store() throws -> any RegisterStore {
        switch engine {
        case .server(let open):
            return try opened.withLock { store in
                if let store { return store }
                let opening = try open()
                store = opening
                return opening
            }
        case .sqlite(let workspace):
            try Self.refuseNoWorkspace(workspace)
            return try opened.withLock { store in
                if let open = store as? RecordStore, !open.isReadOnly {
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
    }

    /// Neither XDG_DATA_HOME nor HOME names a private place (a bare `env -i`, a service without
    /// a home), and the configuration names no `workspace:`: the register is nowhere, never /tmp.
    private static func refuseNoWorkspace(_ workspace: String) throws {
        guard workspace.isEmpty else { return }
        throw DiagnosticError.error(
            "there is no private place for the register: neither XDG_DATA_HOME nor HOME is set",
            suggestion: "set 'workspace:' in the configuration, or XDG_DATA_HOME, to a folder of your own")
    }

    /// The register when one exists, without creating it; nil otherwise.
    public func existingStore() throws -> (any RegisterStore)? {
        switch engine {
        case .server:
            return try store()
        case .sqlite(let workspace):
            // Not "no records": with no place for a register, there is no telling where one is.
            try Self.refuseNoWorkspace(workspace)
            return try opened.withLock { store in
                if let store { return store }
                // A register whose creation was cut short holds nothing: read it as none.
                guard let opening = try RecordStore.openExisting(workspace: workspace), try opening.hasSchema() else { return nil }
                store = opening
                return opening
            }
        }
    }

    /// The journal's head after this run's last write, to print for the record; nil when the run
    /// wrote nothing.
    public var lastWrittenHead: JournalHead? {
        opened.withLock { $0?.lastWrittenHead }
    }

    /// Runs in place, on the caller's thread, whatever the engine: `body` is a plugin's write,
    /// which may not outlive the call, and writes are few beside reads.
    public func write<T: Sendable>(_ body: @Sendable (any RegisterTransaction) throws -> T) async throws -> T {
        try store().transaction(body)
    }

    /// `body` on the register when one exists (through the engine's ``RegisterStore/run(_:)``);
    /// `none` otherwise.
    private func read<T: Sendable>(_ none: T, _ body: @escaping @Sendable (any RegisterStore) throws -> T) async throws -> T {
        guard let store = try existingStore() else { return none }
        return try await store.run { try body(store) }
    }

    public func fetch(_ id: String, version: Int?) async throws -> RecordVersion? {
        try await read(nil) { try $0.fetch(id, version: version) }
    }

    public func links(of id: String) async throws -> [RecordLink] {
        try await read([]) { try $0.links(of: id) }
    }

    public func history(of id: String) async throws -> [RecordVersion] {
        try await read([]) { try $0.history(of: id) }
    }

    public func latestVersions(kind: String?) async throws -> [RecordVersion] {
        try await read([]) { try $0.latestVersions(kind: kind, since: nil, text: nil) }
    }

    public func latestVersions(_ query: RecordQuery, offset: Int, limit: Int) async throws -> RecordPage {
        try await read(RecordPage(versions: [], total: 0)) { try $0.latestVersions(query, offset: offset, limit: limit) }
    }
}
