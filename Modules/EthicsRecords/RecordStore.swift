public import EthicsCore
import EthicsDiagnostics
public import Foundation
import Glibc
import GRDB
import Synchronization

/// The register: records, their immutable versions and links, and the hash-chained journal, in
/// one SQLite database (`register.sqlite`) in the council's workspace.
///
/// - The database is created on first use, in a folder made readable by its owner only (0700),
///   as a file of mode 0600 (SQLite gives its `-wal` and `-shm` files the same mode).
/// - It runs in WAL mode with `synchronous = FULL` (see ``RegisterDurability``): a committed
///   write survives a crash of the process or the machine, and readers never block the writer.
/// - Every write is one IMMEDIATE transaction that appends its journal entry alongside, with a
///   busy timeout, so two processes writing at once wait for each other and lose nothing.
/// - Triggers refuse UPDATE and DELETE on every table: a new version is a new row.
/// - Any file at the path that is not a register (not SQLite, or SQLite without the register's
///   application id) is refused with an error naming it and is never written to.
public final class RecordStore: RegisterStore {
    /// On one of Dispatch's threads rather than the caller's. A call on the file is quick, but
    /// `ethics serve` answers everyone on Swift's cooperative threads, one a core, and a call run
    /// in place holds one of them: on this 2-core machine the register page's p99 under 64
    /// connections (`Tools/lib/bench-serve`) was 156 to 161 ms in place and is 54 to 55 ms here,
    /// for 9% fewer pages a second.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// The register's file name inside the workspace.
    public static let fileName = "register.sqlite"

    /// The database file.
    public let path: String
    fileprivate let pool: DatabasePool
    /// Held open (with its `flock`) for the store's life: closing any descriptor of the database
    /// file would drop SQLite's own POSIX locks on it.
    private let descriptor: Int32
    private let now: @Sendable () -> Date
    private let written = Mutex<JournalHead?>(nil)
    private let readOnly: Bool

    /// Opens the register in `workspace`, creating the folder and database if they are absent.
    /// - Throws: `DiagnosticError` naming the path when the file there is not a register.
    public convenience init(
        workspace: String, durability: RegisterDurability = .full, now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        try self.init(path: workspace + "/" + Self.fileName, durability: durability, now: now)
    }

    /// Opens (or creates) the register at `path`.
    /// - Parameters:
    ///   - migrate: brings the schema up to date; reading commands pass false, since reading never
    ///     writes (a register at an older schema reads the same), and the first write migrates
    ///     (``migrateIfNeeded()``).
    ///   - readOnly: opens an existing register for reading only, so that a register the user may
    ///     read but not write can still be listed, shown, verified and exported.
    public init(
        path: String, durability: RegisterDurability = .full, migrate: Bool = true, readOnly: Bool = false,
        now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        self.path = path
        self.now = now
        self.readOnly = readOnly
        let folder = (path as NSString).deletingLastPathComponent
        if !readOnly {
            try Self.prepareFolder(folder.isEmpty ? "." : folder, for: path)
        }
        // Never through a symbolic link: the register is the file at its path, nothing else.
        let flags = (readOnly ? O_RDONLY : O_RDWR | O_CREAT) | O_CLOEXEC | O_NOFOLLOW
        let descriptor = Glibc.open(path, flags, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP
                ? "it is a symbolic link, and the register is never opened through one; put the register itself there, or set 'workspace:'"
                : String(cString: strerror(errno))
            throw DiagnosticError.error("cannot open the register: \(reason)", file: path)
        }
        // Creating, checking and migrating happen under an exclusive lock, so two processes that
        // start at once neither both create the schema nor see a half-made file.
        if !readOnly {
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        }
        defer { if !readOnly { flock(descriptor, LOCK_UN) } }
        do {
            let isNew = try Self.checkFile(descriptor: descriptor, path: path, writing: !readOnly)
            if isNew {
                // Stamp the header before WAL is switched on, so it is in the main file for good.
                let queue = try DatabaseQueue(path: path)
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA application_id = \(RegisterSchema.applicationID)")
                }
                try queue.close()
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            configuration.label = "ethics-register"
            configuration.readonly = readOnly
            let pool = try DatabasePool(path: path, configuration: configuration)
            if !readOnly {
                // GRDB sets `synchronous = NORMAL` on the pool's writer when it switches WAL on, after
                // any `prepareDatabase`, so the register's setting is made here, on the one connection
                // that writes.
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = \(durability.pragmaName)")
                }
            }
            let migrator = RegisterSchema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw DiagnosticError.error(
                    "the register was written by a newer version of ethics; use that version to read it", file: path)
            }
            if migrate && !readOnly { try migrator.migrate(pool) }
            self.pool = pool
            self.descriptor = descriptor
        } catch let error as DiagnosticError {
            close(descriptor)
            throw error
        } catch let error as DatabaseError {
            close(descriptor)
            throw RegisterFailure(error, path: path)
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Opens the register in `workspace` for reading when one exists; nil when there is none
    /// yet, so that reading commands never create one. Read-only, so reading cannot write: not a
    /// page, not a log frame (a read-write connection may write the log even for a read).
    public static func openExisting(workspace: String, now: @escaping @Sendable () -> Date = Date.init) throws -> RecordStore? {
        let path = workspace + "/" + fileName
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return try RecordStore(path: path, migrate: false, readOnly: true, now: now)
    }

    /// The head noted beside the register at `path` after its last write, if any: evidence that
    /// a register was there, even when its database is gone.
    public static func notedHead(register path: String) -> JournalHead? {
        HeadNote(register: path).read()
    }

    /// Whether the register's schema was ever made: a register whose creation was cut short (the
    /// process killed before its first write committed) holds nothing yet.
    public func hasSchema() throws -> Bool {
        try pool.read { try $0.tableExists("journal") }
    }

    /// Whether this store was opened for reading only.
    public var isReadOnly: Bool { readOnly }

    /// Brings the schema up to date before a write, when the register was opened for reading.
    public func migrateIfNeeded() throws {
        let migrator = RegisterSchema.migrator
        if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
        try migrator.migrate(pool)
    }

    deinit {
        try? pool.close()
        close(descriptor)
    }

    // MARK: - Opening

    /// Creates the register's folder readable by its owner only, or checks the one that is there:
    /// a folder others may write to, or that someone else owns, could have the register swapped
    /// underneath the council, so it is refused with how to fix it.
    private static func prepareFolder(_ folder: String, for path: String) throws(DiagnosticError) {
        var status = stat()
        if lstat(folder, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw .error("the register's folder \(folder) is not a folder", file: path)
            }
            if status.st_uid != geteuid() {
                throw .error(
                    "the register's folder \(folder) belongs to someone else; the register is kept only in a folder of your own",
                    file: path, suggestion: "set 'workspace:' in the configuration to a folder you own")
            }
            if status.st_mode & 0o022 != 0 {
                // A folder everyone shares (/tmp, with its sticky bit) is not to be made private.
                let shared = status.st_mode & S_ISVTX != 0 || ["/", "/tmp", "/var/tmp", "/dev/shm"].contains(folder)
                throw .error(
                    "the register's folder \(folder) may be written by others (mode \(String(status.st_mode & 0o777, radix: 8))); it was left as it is",
                    file: path, suggestion: shared
                        ? "it is a folder everyone shares: set 'workspace:' in the configuration to a folder of your own, such as ~/ethics-records"
                        : "make it private with: chmod 700 \(folder)")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(folder, 0o700)
        } catch {
            throw .error("cannot create the register's folder \(folder): \(error.localizedDescription)", file: path)
        }
    }

    /// True when the file is empty (new); throws when it holds anything but a register, when it
    /// is not the user's own with mode 0600 (for a write), or when it is empty but a write-ahead
    /// log beside it holds data (a register whose main file was lost or truncated).
    /// Reads the first 100 bytes only (the SQLite header), and never writes.
    private static func checkFile(descriptor: Int32, path: String, writing: Bool) throws(DiagnosticError) -> Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw DiagnosticError.error("the register's path is not a regular file; it was left as it is", file: path)
        }
        if status.st_size == 0 {
            var log = stat()
            if stat(path + "-wal", &log) == 0, log.st_size > 0 {
                throw .error(
                    "the register's file is empty, but its write-ahead log (\(path)-wal) holds data: the main file was lost or cut short; both were left as they are",
                    file: path, suggestion: "restore the register from a backup ('ethics records backup' makes one)")
            }
            // An empty file becomes the register: make it private first.
            if writing && status.st_uid == geteuid() { fchmod(descriptor, 0o600) }
            return true
        }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 100, 0) }
        let magic = Array("SQLite format 3\0".utf8)
        guard count == 100, Array(header[0..<16]) == magic else {
            throw DiagnosticError.error(
                "this file is not an ethics register (it is not a SQLite database); it was left as it is. "
                    + "Move it away, or set 'workspace:' in the configuration to another folder", file: path)
        }
        let applicationID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard applicationID == UInt32(bitPattern: RegisterSchema.applicationID) else {
            throw DiagnosticError.error(
                "this file is a SQLite database but not an ethics register; it was left as it is. "
                    + "Move it away, or set 'workspace:' in the configuration to another folder", file: path)
        }
        if writing {
            if status.st_uid != geteuid() {
                throw .error(
                    "the register belongs to someone else; it was left as it is", file: path,
                    suggestion: "keep the council's register in a workspace of your own")
            }
            if status.st_mode & 0o077 != 0 {
                throw .error(
                    "the register may be read or written by others (mode \(String(status.st_mode & 0o777, radix: 8))); it was left as it is",
                    file: path, suggestion: "make it private with: chmod 600 \(path)")
            }
        }
        return false
    }

    /// The durability the writer really runs with, read back from SQLite.
    public func effectiveDurability() throws -> RegisterDurability? {
        try pool.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA synchronous").flatMap(RegisterDurability.init(rawValue:))
        }
    }

    // MARK: - Writing

    public var location: String { path }

    /// Keeps every draft as a new record in one transaction, then journals the event `announcing`
    /// makes of what was kept: all of them are kept, with the event, or none is.
    ///
    /// For bringing many records in at once (a council's existing decision log): one commit, so
    /// one sync to disk, rather than one per record, and an error part-way leaves nothing behind.
    ///
    /// - Parameter unlessJournalled: when given, and an event of the same type already in the
    ///   journal satisfies it (the same file imported before), nothing is kept and
    ///   ``AlreadyJournalled`` is thrown. It is checked inside the transaction, so two processes
    ///   doing the same thing at once cannot both get past it.
    public func recordAll<E: Event>(
        _ drafts: [RecordDraft], unlessJournalled: ((E) -> Bool)?, announcing: ([RecordVersion]) -> E
    ) throws -> [RecordVersion] {
        for draft in drafts { try draft.validate() }
        return try write { writer in
            try writer.recordAll(drafts, unlessJournalled: unlessJournalled, announcing: announcing)
        }
    }

    /// Runs `body` as one IMMEDIATE transaction: every record, version, link and fact it makes
    /// is kept together, or none is. This is how the register's engine protocol writes.
    public func transaction<T>(_ body: (any RegisterTransaction) throws -> T) throws -> T {
        try write { writer in
            try body(RegisterWriteTransaction(writer: writer))
        }
    }

    // MARK: - Lifecycle

    /// Keeps `step` as the next version of record `id`, in one transaction with `link` (when
    /// given) and the step's fact: the same content, the status the step sets, `reviewBy` when
    /// given, and the step itself. A superseded or withdrawn record takes no further step.
    public func keep(
        _ step: LifecycleStep, of id: String, reviewBy: CalendarDate??, link: RecordLink?,
        fact: (RecordVersion) -> any Event
    ) throws -> RecordVersion {
        try write { writer in
            try writer.keep(step, of: id, reviewBy: reviewBy, link: link, fact: fact)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction (the write lock is taken at once, waiting out
    /// another writer within the busy timeout) with the time stamped on what it writes.
    ///
    /// After the commit the write-ahead log is checkpointed into the main file, so the main file is
    /// a complete register on its own (a backup of it alone loses nothing), and the new head is
    /// noted beside the register (``HeadNote``), so that a register later found shorter or
    /// rewritten is caught by `verify`.
    private func write<T>(_ body: (RegisterWriter) throws -> T) throws -> T {
        let time = Timestamp.stamp(now())
        let (result, head) = try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(RegisterWriter(rows: SQLiteRows(db: db), time: time))
                return .commit
            }
            let head = try Self.head(db)
            // Another process reading at this moment can keep the log from being emptied; the next
            // write checkpoints again, and nothing committed is lost either way.
            _ = try? db.checkpoint(.truncate)
            return (result!, head)
        }
        if let head {
            try HeadNote(register: path).record(head)
            written.withLock { $0 = head }
        }
        return result
    }

    /// The last journal entry's sequence and hash, nil when the journal is empty.
    static func head(_ db: Database) throws -> JournalHead? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT sequence, hash FROM journal ORDER BY sequence DESC LIMIT 1"))
            .map { JournalHead(sequence: $0["sequence"], hash: $0["hash"]) }
    }

    /// The head after this store's last write; nil when it has written nothing.
    public var lastWrittenHead: JournalHead? {
        written.withLock { $0 }
    }

    /// The journal's head now.
    public func head() throws -> JournalHead? {
        try pool.read { try Self.head($0) }
    }

    /// Writes a consistent copy of the register to `target` with SQLite's online backup (writers
    /// may go on meanwhile), then opens the copy and verifies it. The copy is made beside the
    /// target and renamed into place, mode 0600; an existing file is never replaced.
    public func backup(to target: String) throws -> RegisterVerification {
        try Self.refuseExisting(backup: target)
        try SafeFile.checkTarget(target)
        SafeFile.removeStaleTemporaries(of: target)
        let temporary = "\(target).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw DiagnosticError.error("cannot write the backup: \(String(cString: strerror(errno)))", file: target)
        }
        close(descriptor)
        var kept = false
        defer { if !kept { unlink(temporary); unlink(temporary + "-wal"); unlink(temporary + "-shm") } }
        do {
            let copy = try DatabaseQueue(path: temporary)
            try pool.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                // A backup stands alone: one file, no write-ahead log beside it.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
            }
            try copy.close()
        } catch let error as DatabaseError {
            throw RegisterFailure(error, path: target)
        }
        try Self.place(backup: temporary, at: target)
        kept = true
        return try RecordStore(path: target, migrate: false, readOnly: true).verify()
    }

    /// Puts a finished backup at `target`, never replacing anything: a hard link fails when a
    /// file appeared at `target` while the backup was being made, where a rename would replace
    /// it. On a file system without hard links, the rename follows one more look.
    package static func place(backup temporary: String, at target: String) throws {
        if Glibc.link(temporary, target) == 0 {
            unlink(temporary)
        } else {
            let linkError = errno
            try refuseExisting(backup: target)
            guard linkError != EEXIST, rename(temporary, target) == 0 else {
                throw DiagnosticError.error("cannot write the backup: \(String(cString: strerror(linkError == EEXIST ? linkError : errno)))", file: target)
            }
        }
        SafeFile.syncFolder(ContentPath.directory(of: target))
    }

    /// A backup never replaces anything: not a file, and not a folder given where a file's name
    /// belongs.
    private static func refuseExisting(backup target: String) throws {
        var status = stat()
        guard lstat(target, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw DiagnosticError.error(
                "this is a folder; a backup is one file", file: target,
                suggestion: "name the file to write, such as \(target.hasSuffix("/") ? target : target + "/")register-backup.sqlite")
        }
        throw DiagnosticError.error("the file already exists; a backup never replaces a file", file: target)
    }

    /// Writes a consistent copy of any register (SQLite or on a server) to the SQLite file
    /// `target`, then verifies it: SQLite's online backup for an SQLite register, its rows copied
    /// as they are otherwise (so the copy's chain is the original's, hash for hash). The copy is
    /// made beside the target and renamed into place; an existing file is never replaced.
    public static func backup(of source: any RegisterStore, to target: String) throws -> RegisterVerification {
        if let sqlite = source as? RecordStore { return try sqlite.backup(to: target) }
        try refuseExisting(backup: target)
        try SafeFile.checkTarget(target)
        let rows = try source.rows()
        let temporary = "\(target).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sqlite"
        var kept = false
        defer {
            if !kept { unlink(temporary); unlink(temporary + "-wal"); unlink(temporary + "-shm") }
            unlink(HeadNote(register: temporary).path)
        }
        do {
            let copy = try RecordStore(path: temporary)
            try copy.load(rows)
            try copy.pool.close()
            // A backup stands alone: one file, no write-ahead log beside it.
            let standalone = try DatabaseQueue(path: temporary)
            try standalone.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
            try standalone.close()
        } catch let error as DatabaseError {
            throw RegisterFailure(error, path: target)
        }
        try place(backup: temporary, at: target)
        kept = true
        return try RecordStore(path: target, migrate: false, readOnly: true).verify()
    }

    // MARK: - Reading

    public func fetch(_ id: String, version: Int?) throws -> RecordVersion? {
        try pool.read { db in
            let row: Row?
            if let version {
                row = try Row.fetchOne(
                    db.cachedStatement(sql: Self.versionQuery + " WHERE v.record_id = ? AND v.version = ?"), arguments: [id, version])
            } else {
                row = try Row.fetchOne(
                    db.cachedStatement(sql: Self.versionQuery + " WHERE v.record_id = ? ORDER BY v.version DESC LIMIT 1"), arguments: [id])
            }
            return try row.map { try StoredVersion(row: $0).recordVersion() }
        }
    }

    public func links(of id: String) throws -> [RecordLink] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT from_id, to_id, relation FROM record_link WHERE from_id = ? OR to_id = ? ORDER BY journal_sequence",
                arguments: [id, id]
            ).compactMap(Self.link(from:))
        }
    }

    /// Every link, oldest first.
    public func allLinks() throws -> [RecordLink] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT from_id, to_id, relation FROM record_link ORDER BY journal_sequence")
                .compactMap(Self.link(from:))
        }
    }

    /// Every version of record `id`, oldest first; empty when there is no such record.
    public func history(of id: String) throws -> [RecordVersion] {
        try pool.read { db in
            try StoredVersion.fetchAll(db, sql: Self.versionQuery + " WHERE v.record_id = ? ORDER BY v.version", arguments: [id])
                .map { try $0.recordVersion() }
        }
    }

    public func latestVersions(_ query: RecordQuery, offset: Int, limit: Int?) throws -> RecordPage {
        // What is asked of the records comes first, then what is asked of their latest versions,
        // the arguments in the same order.
        var onRecords: [String] = []
        var onVersions: [String] = []
        var arguments: StatementArguments = []
        if let kind = query.kind {
            onRecords.append("r.kind = ?")
            arguments += [kind]
        }
        if let since = query.since {
            onVersions.append("substr(v.recorded_at, 1, 10) >= ?")
            arguments += [since.description]
        }
        if let text = query.text, !text.isEmpty {
            // Case is folded by Swift's `lowercased()` (GRDB's `swiftLowercaseString`), as the
            // other engines fold it: SQLite's own `lower` folds ASCII letters only, so "MÔN"
            // would not find "Ynys Môn".
            onVersions.append("""
                instr(swiftLowercaseString(v.title || ' ' || v.author || ' ' || v.status || ' ' || v.tags || ' ' || v.body), ?) > 0
                """)
            arguments += [text.lowercased()]
        }
        func filter(_ conditions: [String]) -> String {
            conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        }
        // From the records in list order (`record_list_order`) to each one's latest version, so a
        // page stops after its own rows rather than sorting every version with its content.
        let from = """
             FROM record r JOIN record_version v
                ON v.record_id = r.id AND v.version = (SELECT MAX(version) FROM record_version WHERE record_id = r.id)
            """ + filter(onRecords + onVersions)
        // Every record is kept with its first version, so when nothing is asked of the versions
        // the records themselves are counted.
        let countSQL = "SELECT COUNT(*)" + (onVersions.isEmpty ? " FROM record r" + filter(onRecords) : from)
        var sql = Self.versionColumns + from + " ORDER BY r.created_at, r.id"
        var pageArguments = arguments
        if let limit {
            sql += " LIMIT ? OFFSET ?"
            pageArguments += [limit, offset]
        } else if offset > 0 {
            sql += " LIMIT -1 OFFSET ?"
            pageArguments += [offset]
        }
        return try pool.read { db in
            let versions = try StoredVersion.fetchAll(db, sql: sql, arguments: pageArguments).map { try $0.recordVersion() }
            // Only a page needs counting: the whole list is its own count.
            let total = limit == nil && offset == 0 ? versions.count
                : try Int.fetchOne(db.cachedStatement(sql: countSQL), arguments: arguments) ?? 0
            return RecordPage(versions: versions, total: total)
        }
    }

    /// The latest version of each record whose review-by date is on or before `cutoff`, soonest first.
    public func due(by cutoff: CalendarDate) throws -> [RecordVersion] {
        try pool.read { db in
            try StoredVersion.fetchAll(
                db,
                sql: Self.versionQuery + """
                     WHERE v.version = (SELECT MAX(version) FROM record_version WHERE record_id = v.record_id)
                    AND v.review_by IS NOT NULL AND v.review_by <= ? AND v.status NOT IN ('superseded', 'withdrawn')
                    ORDER BY v.review_by, r.id
                    """,
                arguments: [cutoff.description]
            ).map { try $0.recordVersion() }
        }
    }

    /// Journal entries, in order, optionally leaving out some topics.
    public func journalEntries(excludingTopics excluded: Set<String>) throws -> [JournalEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY sequence").map(Self.entry(from:))
                .filter { !excluded.contains($0.topic) }
        }
    }

    // MARK: - Verifying

    /// Records whose id does not end with `-YEAR-SERIAL` (the serial of at least four digits), as
    /// ``RecordKind/idSuffix(year:serial:)`` writes it.
    static let misnumberedQuery = """
        SELECT id, year, serial FROM (
            SELECT id, year, serial, '-' || year || '-' || printf('%04d', serial) AS suffix FROM record)
         WHERE substr(id, -length(suffix)) <> suffix ORDER BY id
        """

    /// Checks the whole register both ways and stops at the first problem (see
    /// ``RegisterVerifier``), against the head noted beside the register after its last write
    /// and `pinned` (a head noted elsewhere) when given.
    public func verify(expecting pinned: JournalHead?) throws -> RegisterVerification {
        let noted = HeadNote(register: path).read()
        return try pool.read { db in
            let entries = try Row.fetchCursor(db, sql: "SELECT * FROM journal ORDER BY sequence")
            let versions = try Row.fetchCursor(db, sql: Self.versionQuery + " ORDER BY v.journal_sequence")
            let links = try Row.fetchCursor(db, sql: "SELECT from_id, to_id, relation, journal_sequence FROM record_link ORDER BY journal_sequence")
            var versionColumns: StoredVersion.Columns?
            return try RegisterVerifier.verify(
                RegisterVerifier.Rows(
                    nextEntry: { try entries.next().map(Self.entry(from:)) },
                    nextVersion: {
                        guard let row = try versions.next() else { return nil }
                        return (try StoredVersion(row: row, columns: &versionColumns), row["journal_sequence"])
                    },
                    orphans: {
                        try String.fetchAll(db, sql: "SELECT id FROM record WHERE id NOT IN (SELECT record_id FROM record_version) ORDER BY id")
                    },
                    misnumbered: {
                        try Row.fetchAll(db, sql: Self.misnumberedQuery).map { ($0["id"], $0["year"], $0["serial"]) }
                    },
                    nextLink: {
                        guard let row = try links.next() else { return nil }
                        return (row["from_id"], row["to_id"], row["relation"], row["journal_sequence"])
                    }),
                noted: noted, pinned: pinned)
        }
    }

    // MARK: - Copying

    public func rows() throws -> RegisterRows {
        try pool.read { db in
            var rows = RegisterRows()
            guard try db.tableExists("journal") else { return rows }
            rows.journal = try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY sequence").map(Self.entry(from:))
            rows.records = try Row.fetchAll(db, sql: "SELECT id, kind, year, serial, created_at FROM record ORDER BY created_at, id").map {
                RegisterRows.Record(id: $0["id"], kind: $0["kind"], year: $0["year"], serial: $0["serial"], createdAt: $0["created_at"])
            }
            var columns: StoredVersion.Columns?
            rows.versions = try Row.fetchAll(db, sql: Self.versionQuery + " ORDER BY v.journal_sequence").map {
                RegisterRows.Version(stored: try StoredVersion(row: $0, columns: &columns), sequence: $0["journal_sequence"])
            }
            rows.links = try Row.fetchAll(db, sql: "SELECT * FROM record_link ORDER BY journal_sequence").map {
                RegisterRows.Link(from: $0["from_id"], to: $0["to_id"], relation: $0["relation"], linkedAt: $0["linked_at"],
                                  sequence: $0["journal_sequence"])
            }
            return rows
        }
    }

    public func load(_ copied: RegisterRows) throws {
        try migrateIfNeeded()
        let head = try pool.writeWithoutTransaction { db -> JournalHead? in
            try db.inTransaction(.immediate) {
                if try Self.head(db) != nil || (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0) > 0 {
                    throw RecordRegisterError("the register to copy into already holds records; copy only into an empty register")
                }
                let rows = SQLiteRows(db: db)
                for entry in copied.journal { try rows.insertJournal(entry) }
                for record in copied.records {
                    try rows.insertRecord(id: record.id, kind: record.kind, year: record.year, serial: record.serial, createdAt: record.createdAt)
                }
                for version in copied.versions { try rows.insertVersion(version.stored, sequence: version.sequence) }
                for link in copied.links {
                    try rows.insertLink(from: link.from, to: link.to, relation: link.relation, linkedAt: link.linkedAt, sequence: link.sequence)
                }
                return .commit
            }
            _ = try? db.checkpoint(.truncate)
            return try Self.head(db)
        }
        if let head {
            try HeadNote(register: path).record(head)
            written.withLock { $0 = head }
        }
    }

    // MARK: - Rows

    /// The columns of a version, for a query whose FROM names `record_version v` and `record r`.
    static let versionColumns = "SELECT v.*, r.kind, r.created_at"
    static let versionQuery = versionColumns + " FROM record_version v JOIN record r ON r.id = v.record_id"

    static func entry(from row: Row) -> JournalEntry {
        JournalEntry(
            sequence: row["sequence"], time: row["time"], topic: row["topic"], payload: row["payload"],
            previousHash: row["previous_hash"], hash: row["hash"])
    }

    private static func link(from row: Row) -> RecordLink? {
        guard let relation = RecordLink.Relation(rawValue: row["relation"]) else { return nil }
        return RecordLink(from: row["from_id"], to: row["to_id"], relation: relation)
    }

}

extension StoredVersion {
    /// Where each field is among a query's columns. Found once per query, from its first row:
    /// GRDB finds a column by name case-insensitively, lowercasing on every lookup, which was the
    /// largest single cost of listing the register.
    struct Columns {
        let id, kind, version, title, author, status, reviewBy, tags, attributes, body, createdAt, recordedAt: Int
        /// Nil in a register from before lifecycle steps, opened read-only and so not migrated.
        let step: Int?

        init(_ row: Row) {
            let names = Array(row.columnNames)
            func index(_ name: String) -> Int { names.firstIndex(of: name) ?? -1 }
            id = index("record_id")
            kind = index("kind")
            version = index("version")
            title = index("title")
            author = index("author")
            status = index("status")
            reviewBy = index("review_by")
            tags = index("tags")
            attributes = index("attributes")
            body = index("body")
            createdAt = index("created_at")
            recordedAt = index("recorded_at")
            step = names.firstIndex(of: "step")
        }
    }

    /// In an extension so that the synthesised memberwise initialiser stays available.
    init(row: Row) throws {
        var columns: Columns?
        try self.init(row: row, columns: &columns)
    }

    /// A version from one of a query's rows, the query's columns found on its first row and
    /// reused for the rest (pass the same `columns` for every row of one query).
    init(row: Row, columns: inout Columns?) throws {
        let at = columns ?? Columns(row)
        columns = at
        guard [at.id, at.kind, at.version, at.title, at.author, at.status, at.reviewBy, at.tags, at.attributes, at.body,
               at.createdAt, at.recordedAt].allSatisfy({ $0 >= 0 }) else {
            throw DatabaseError(
                resultCode: .SQLITE_CORRUPT, message: "a version row lacks one of its columns: \(Array(row.columnNames).joined(separator: ", "))")
        }
        self.init(
            id: row[at.id], kind: row[at.kind], version: row[at.version], title: row[at.title], author: row[at.author],
            status: row[at.status], reviewBy: row[at.reviewBy], tags: row[at.tags], attributes: row[at.attributes],
            body: row[at.body], createdAt: row[at.createdAt], recordedAt: row[at.recordedAt],
            step: at.step.flatMap { row[$0] })
    }

    /// Every row of `sql` as a version. The statement is kept on its connection for the next
    /// read: the register's reads are a few shapes of SQL asked again and again (every page of
    /// `ethics serve`), and compiling them was a sixth of the register list's time. Each row is
    /// read where SQLite holds it (a cursor) rather than first copied into a `Row` of its own.
    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [StoredVersion] {
        var columns: Columns?
        var versions: [StoredVersion] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() {
            versions.append(try StoredVersion(row: row, columns: &columns))
        }
        return versions
    }
}


/// What `recordAll` throws when the journal shows the same thing was done before.
public struct AlreadyJournalled: Error, Sendable {
    /// The earlier entry.
    public var entry: JournalEntry
}

/// The rows of one write to the SQLite register, inside its IMMEDIATE transaction. Statements are
/// prepared once per connection and reused: parsing SQL on every write was a measurable share of
/// a write's cost.
private struct SQLiteRows: RegisterRowWriter {
    let db: Database

    func maxSerial(kind: String, year: Int) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT MAX(serial) FROM record WHERE kind = ? AND year = ?"), arguments: [kind, year]) ?? 0
    }

    func insertRecord(id: String, kind: String, year: Int, serial: Int, createdAt: String) throws {
        try db.cachedStatement(sql: "INSERT INTO record (id, kind, year, serial, created_at) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [id, kind, year, serial, createdAt])
    }

    func recordRow(_ id: String) throws -> (kind: String, createdAt: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT kind, created_at FROM record WHERE id = ?"), arguments: [id])
            .map { ($0["kind"], $0["created_at"]) }
    }

    func latestVersion(of id: String) throws -> StoredVersion? {
        try Row.fetchOne(db, sql: RecordStore.versionQuery + " WHERE v.record_id = ? ORDER BY v.version DESC LIMIT 1", arguments: [id])
            .map { try StoredVersion(row: $0) }
    }

    func linkExists(from: String, to: String, relation: String) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM record_link WHERE from_id = ? AND to_id = ? AND relation = ?", arguments: [from, to, relation]) ?? false
    }

    func insertLink(from: String, to: String, relation: String, linkedAt: String, sequence: Int64) throws {
        try db.execute(
            sql: "INSERT INTO record_link (from_id, to_id, relation, linked_at, journal_sequence) VALUES (?, ?, ?, ?, ?)",
            arguments: [from, to, relation, linkedAt, sequence])
    }

    func journalHead() throws -> JournalHead? {
        try RecordStore.head(db)
    }

    func insertJournal(_ entry: JournalEntry) throws {
        try db.cachedStatement(sql: "INSERT INTO journal (sequence, time, topic, payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [entry.sequence, entry.time, entry.topic, entry.payload, entry.previousHash, entry.hash])
    }

    func insertVersion(_ stored: StoredVersion, sequence: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO record_version (record_id, version, title, author, status, review_by, tags, attributes,
                body, recorded_at, journal_sequence, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
            .execute(arguments: [stored.id, stored.version, stored.title, stored.author, stored.status, stored.reviewBy, stored.tags,
                                 stored.attributes, stored.body, stored.recordedAt, sequence, stored.step])
    }

    func journalled(topic: String) throws -> [JournalEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM journal WHERE topic = ? ORDER BY sequence", arguments: [topic]).map(RecordStore.entry(from:))
    }
}
