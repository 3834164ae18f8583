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
public final class RecordStore: Sendable {
    /// The register's file name inside the workspace.
    public static let fileName = "register.sqlite"

    /// The database file.
    public let path: String
    private let pool: DatabasePool
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
                throw .error(
                    "the register's folder \(folder) may be written by others (mode \(String(status.st_mode & 0o777, radix: 8))); it was left as it is",
                    file: path, suggestion: "make it private with: chmod 700 \(folder)")
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

    /// A moment as stored (`text`) and as the date that text stands for.
    typealias Stamp = (text: String, date: Date)

    public func record(_ draft: RecordDraft) throws -> RecordVersion {
        try draft.validate()
        return try write { db, time in try insertRecord(db, draft: draft, time: time) }
    }

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
        _ drafts: [RecordDraft], unlessJournalled: ((E) -> Bool)? = nil, announcing: ([RecordVersion]) -> E
    ) throws -> [RecordVersion] {
        for draft in drafts { try draft.validate() }
        return try write { db, time in
            if let unlessJournalled, let earlier = try Self.firstJournalled(db, E.self, where: unlessJournalled) {
                throw AlreadyJournalled(entry: earlier)
            }
            let kept = try drafts.map { try insertRecord(db, draft: $0, time: time) }
            let event = announcing(kept)
            try Self.append(db, topic: E.topic, payload: EventJSON.encode(event), time: time.text)
            return kept
        }
    }

    private func insertRecord(_ db: Database, draft: RecordDraft, time: Stamp) throws -> RecordVersion {
        let year = Self.year(of: time.text)
        let serial = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT MAX(serial) FROM record WHERE kind = ? AND year = ?"),
            arguments: [draft.kind.id, year]) ?? 0
        let id = draft.kind.recordID(year: year, serial: serial + 1)
        try db.cachedStatement(sql: "INSERT INTO record (id, kind, year, serial, created_at) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [id, draft.kind.id, year, serial + 1, time.text])
        return try insertVersion(db, draft: draft, id: id, number: 1, created: time, time: time, topic: "record.created")
    }

    public func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        try write { db, time in try insertVersion(db, of: id, draft: draft, time: time) }
    }

    public func link(from: String, to: String, _ relation: RecordLink.Relation) throws {
        try write { db, time in try insertLink(db, from: from, to: to, relation, time: time) }
    }

    /// Runs `body` as one IMMEDIATE transaction: every record, version, link and fact it makes
    /// is kept together, or none is. This is how the register's engine protocol writes.
    public func transaction<T>(_ body: (any RegisterTransaction) throws -> T) throws -> T {
        try write { db, time in
            try body(SQLiteTransaction(store: self, db: db, time: time))
        }
    }

    /// Appends a fact to the journal as its topic and its JSON encoding, in a transaction of its own.
    public func journal<E: Event>(_ event: E) throws {
        let payload = try EventJSON.encode(event)
        try write { db, time in
            _ = try Self.append(db, topic: E.topic, payload: payload, time: time.text)
        }
    }

    /// Keeps a new record inside a transaction begun by ``transaction(_:)``.
    func insert(_ db: Database, draft: RecordDraft, time: Stamp) throws -> RecordVersion {
        try draft.validate()
        return try insertRecord(db, draft: draft, time: time)
    }

    /// Keeps the next version of record `id` inside a transaction.
    func insertVersion(_ db: Database, of id: String, draft: RecordDraft, time: Stamp) throws -> RecordVersion {
        try draft.validate()
        guard let row = try Row.fetchOne(db, sql: "SELECT kind, created_at FROM record WHERE id = ?", arguments: [id]) else {
            throw RecordRegisterError("there is no record '\(id)'")
        }
        let kind: String = row["kind"]
        guard kind == draft.kind.id else {
            throw RecordRegisterError("record '\(id)' is a \(kind), not a \(draft.kind.id)")
        }
        let last = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM record_version WHERE record_id = ?", arguments: [id]) ?? 0
        let createdText: String = row["created_at"]
        let created = (text: createdText, date: Timestamp.parse(createdText) ?? time.date)
        return try insertVersion(
            db, draft: draft, id: id, number: last + 1, created: created, time: time, topic: "record.versioned")
    }

    /// Links two records inside a transaction.
    func insertLink(_ db: Database, from: String, to: String, _ relation: RecordLink.Relation, time: Stamp) throws {
        if from == to { throw RecordRegisterError("record '\(from)' cannot be linked to itself") }
        for id in [from, to] where try Bool.fetchOne(db, sql: "SELECT 1 FROM record WHERE id = ?", arguments: [id]) == nil {
            throw RecordRegisterError("there is no record '\(id)'")
        }
        let exists = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM record_link WHERE from_id = ? AND to_id = ? AND relation = ?",
            arguments: [from, to, relation.rawValue]) ?? false
        if exists { return }
        let payload = CanonicalJSON.object([("from", from), ("to", to), ("relation", relation.rawValue)])
        let sequence = try Self.append(db, topic: "record.linked", payload: payload, time: time.text)
        try db.execute(
            sql: "INSERT INTO record_link (from_id, to_id, relation, linked_at, journal_sequence) VALUES (?, ?, ?, ?, ?)",
            arguments: [from, to, relation.rawValue, time.text, sequence])
    }

    private func insertVersion(
        _ db: Database, draft: RecordDraft, id: String, number: Int, created: Stamp, time: Stamp, topic: String,
        step: LifecycleStep? = nil
    ) throws -> RecordVersion {
        let stepJSON = try step.map { step in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(step), as: UTF8.self)
        }
        guard let body = String(data: draft.body, encoding: .utf8) else {
            throw RecordRegisterError("a record's body must be UTF-8 JSON")
        }
        let stored = StoredVersion(
            id: id, kind: draft.kind.id, version: number, title: draft.title, author: draft.author,
            status: draft.status, reviewBy: draft.reviewBy?.description, tags: CanonicalJSON.array(draft.tags),
            attributes: CanonicalJSON.array(draft.attributes), body: body, createdAt: created.text, recordedAt: time.text,
            step: stepJSON)
        let payload = CanonicalJSON.object([
            ("id", id), ("kind", draft.kind.id), ("version", String(number)), ("title", draft.title),
            ("author", draft.author), ("status", draft.status), ("contentHash", stored.contentHash),
        ])
        let sequence = try Self.append(db, topic: topic, payload: payload, time: time.text)
        try db.cachedStatement(sql: """
            INSERT INTO record_version (record_id, version, title, author, status, review_by, tags, attributes,
                body, recorded_at, journal_sequence, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
            .execute(arguments: [id, number, stored.title, stored.author, stored.status, stored.reviewBy, stored.tags,
                                 stored.attributes, stored.body, time.text, sequence, stepJSON])
        // Built from the draft rather than read back: it is exactly what was stored.
        return RecordVersion(
            id: id, kind: draft.kind.id, version: number, title: draft.title, author: draft.author, status: draft.status,
            reviewBy: draft.reviewBy, tags: draft.tags, attributes: draft.attributes, body: draft.body,
            created: created.date, updated: time.date, step: step)
    }

    // MARK: - Lifecycle

    /// Keeps `step` as the next version of record `id`, in one transaction with `link` (when
    /// given) and the step's fact: the same content, the status the step sets, `reviewBy` when
    /// given, and the step itself. A superseded or withdrawn record takes no further step.
    public func keep(
        _ step: LifecycleStep, of id: String, reviewBy: CalendarDate?? = nil, link: RecordLink? = nil,
        fact: (RecordVersion) -> any Event
    ) throws -> RecordVersion {
        try write { db, time in
            guard let row = try Row.fetchOne(db, sql: Self.versionQuery + " WHERE v.record_id = ? ORDER BY v.version DESC LIMIT 1", arguments: [id]) else {
                throw RecordRegisterError("there is no record '\(id)' in the register")
            }
            let latest = try StoredVersion(row: row).recordVersion()
            if LifecycleStep.finalStatuses.contains(latest.status) {
                throw RecordRegisterError("record '\(id)' is \(latest.status) (version \(latest.version)); nothing more can be done to it")
            }
            let draft = RecordDraft(
                kind: RecordKind(id: latest.kind, prefix: String(id.prefix { $0 != "-" }), title: latest.kind),
                title: latest.title, author: step.by, status: step.action.status ?? latest.status,
                reviewBy: reviewBy ?? latest.reviewBy, tags: latest.tags, attributes: latest.attributes, body: latest.body)
            try draft.validate()
            let createdText: String = row["created_at"]
            let created = (text: createdText, date: Timestamp.parse(createdText) ?? time.date)
            let version = try insertVersion(
                db, draft: draft, id: id, number: latest.version + 1, created: created, time: time, topic: "record.versioned", step: step)
            if let link {
                try insertLink(db, from: link.from, to: link.to, link.relation, time: time)
            }
            let event = fact(version)
            try Self.append(db, topic: type(of: event).topic, payload: EventJSON.encode(event), time: time.text)
            return version
        }
    }

    /// Appends one entry after the current head; the caller's IMMEDIATE transaction keeps the
    /// head from moving underneath.
    @discardableResult
    static func append(_ db: Database, topic: String, payload: String, time: String) throws -> Int64 {
        // Statements are prepared once per connection and reused: parsing SQL on every write was
        // a measurable share of a write's cost.
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT sequence, hash FROM journal ORDER BY sequence DESC LIMIT 1"))
        let sequence: Int64 = (head?["sequence"] ?? 0) + 1
        let previous: String = head?["hash"] ?? JournalEntry.genesisHash
        let hash = JournalEntry.computeHash(sequence: sequence, time: time, topic: topic, payload: payload, previousHash: previous)
        try db.cachedStatement(sql: "INSERT INTO journal (sequence, time, topic, payload, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [sequence, time, topic, payload, previous, hash])
        return sequence
    }

    /// Runs `body` in one IMMEDIATE transaction (the write lock is taken at once, waiting out
    /// another writer within the busy timeout) with the time stamped on what it writes.
    ///
    /// After the commit the write-ahead log is checkpointed into the main file, so the main file is
    /// a complete register on its own (a backup of it alone loses nothing), and the new head is
    /// noted beside the register (``HeadNote``), so that a register later found shorter or
    /// rewritten is caught by `verify`.
    private func write<T>(_ body: (Database, Stamp) throws -> T) throws -> T {
        let time = Timestamp.stamp(now())
        let (result, head) = try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db, time)
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
        var status = stat()
        if lstat(target, &status) == 0 {
            throw DiagnosticError.error("the file already exists; a backup never replaces a file", file: target)
        }
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
        guard rename(temporary, target) == 0 else {
            throw DiagnosticError.error("cannot write the backup: \(String(cString: strerror(errno)))", file: target)
        }
        kept = true
        return try RecordStore(path: target, migrate: false, readOnly: true).verify()
    }

    // MARK: - Reading

    public func fetch(_ id: String, version: Int?) throws -> RecordVersion? {
        try pool.read { db in
            let row: Row?
            if let version {
                row = try Row.fetchOne(db, sql: Self.versionQuery + " WHERE v.record_id = ? AND v.version = ?", arguments: [id, version])
            } else {
                row = try Row.fetchOne(
                    db, sql: Self.versionQuery + " WHERE v.record_id = ? ORDER BY v.version DESC LIMIT 1", arguments: [id])
            }
            return try row.map { try StoredVersion(row: $0).recordVersion() }
        }
    }

    /// The latest version of record `id`.
    public func fetch(_ id: String) throws -> RecordVersion? {
        try fetch(id, version: nil)
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
            try Row.fetchAll(db, sql: Self.versionQuery + " WHERE v.record_id = ? ORDER BY v.version", arguments: [id])
                .map { try StoredVersion(row: $0).recordVersion() }
        }
    }

    /// The latest version of each record, oldest record first, narrowed by kind, by the day its
    /// latest version was kept (on or after `since`, UTC) and by text found, ignoring case, in
    /// its title, author, status, tags or body.
    public func latestVersions(kind: String? = nil, since: CalendarDate? = nil, text: String? = nil) throws -> [RecordVersion] {
        var conditions = ["v.version = (SELECT MAX(version) FROM record_version WHERE record_id = v.record_id)"]
        var arguments: StatementArguments = []
        if let kind {
            conditions.append("r.kind = ?")
            arguments += [kind]
        }
        if let since {
            conditions.append("substr(v.recorded_at, 1, 10) >= ?")
            arguments += [since.description]
        }
        if let text, !text.isEmpty {
            conditions.append("""
                instr(lower(v.title || ' ' || v.author || ' ' || v.status || ' ' || v.tags || ' ' || v.body), lower(?)) > 0
                """)
            arguments += [text]
        }
        let sql = Self.versionQuery + " WHERE " + conditions.joined(separator: " AND ") + " ORDER BY r.created_at, r.id"
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { try StoredVersion(row: $0).recordVersion() }
        }
    }

    /// The latest version of each record whose review-by date is on or before `cutoff`, soonest first.
    public func due(by cutoff: CalendarDate) throws -> [RecordVersion] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: Self.versionQuery + """
                     WHERE v.version = (SELECT MAX(version) FROM record_version WHERE record_id = v.record_id)
                    AND v.review_by IS NOT NULL AND v.review_by <= ? AND v.status NOT IN ('superseded', 'withdrawn')
                    ORDER BY v.review_by, r.id
                    """,
                arguments: [cutoff.description]
            ).map { try StoredVersion(row: $0).recordVersion() }
        }
    }

    /// Journal entries, in order, optionally leaving out some topics.
    public func journalEntries(excludingTopics excluded: Set<String> = []) throws -> [JournalEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM journal ORDER BY sequence").map(Self.entry(from:))
                .filter { !excluded.contains($0.topic) }
        }
    }

    /// The first journal entry of `E`'s topic whose event satisfies `matches`; entries whose
    /// payload is not such an event are passed over.
    public func firstJournalled<E: Event>(_ type: E.Type, where matches: (E) -> Bool) throws -> JournalEntry? {
        try pool.read { db in try Self.firstJournalled(db, type, where: matches) }
    }

    static func firstJournalled<E: Event>(_ db: Database, _ type: E.Type, where matches: (E) -> Bool) throws -> JournalEntry? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM journal WHERE topic = ? ORDER BY sequence", arguments: [E.topic])
        while let row = try rows.next() {
            let entry = Self.entry(from: row)
            if let event = try? decoder.decode(E.self, from: Data(entry.payload.utf8)), matches(event) { return entry }
        }
        return nil
    }

    // MARK: - Verifying

    /// Checks the whole register both ways and stops at the first problem:
    ///
    /// - the journal: every entry chains to the one before it, with no gap, and matches its hash;
    /// - every record version, record and link has the journal entry that kept it, with the same
    ///   content (versions by their content hash), and versions run 1, 2, 3 … with no gap;
    /// - every entry that kept a version, a record or a link still has it: nothing was deleted;
    /// - the journal still reaches the head noted beside the register after the last write, and
    ///   `expecting` (a head noted elsewhere) when given: nothing was cut off or rewritten.
    public func verify(expecting pinned: JournalHead? = nil) throws -> RegisterVerification {
        let noted = HeadNote(register: path).read()
        return try pool.read { db in
            var result = RegisterVerification(entryCount: 0, versionCount: 0, headHash: nil, problem: nil)
            func fail(_ sequence: Int64?, _ recordID: String? = nil, _ message: String) -> RegisterVerification {
                result.problem = .init(sequence: sequence, recordID: recordID, message: message)
                return result
            }
            var expected: Int64 = 1
            var previous = JournalEntry.genesisHash
            var kept: [Int64: (topic: String, payload: String)] = [:]
            var hashes: [Int64: String] = [:]
            let entries = try Row.fetchCursor(db, sql: "SELECT * FROM journal ORDER BY sequence")
            while let row = try entries.next() {
                let entry = Self.entry(from: row)
                if entry.sequence != expected {
                    return fail(expected, nil, "journal entry \(expected) is missing (the next entry is \(entry.sequence))")
                }
                if entry.previousHash != previous {
                    return fail(entry.sequence, nil,
                        "journal entry \(entry.sequence) (\(entry.topic), \(entry.time)) does not chain to entry \(entry.sequence - 1): its previous hash differs")
                }
                if !entry.isSelfConsistent {
                    return fail(entry.sequence, nil,
                        "journal entry \(entry.sequence) (\(entry.topic), \(entry.time)) was altered: its contents no longer match its hash")
                }
                if ["record.created", "record.versioned", "record.linked"].contains(entry.topic) {
                    kept[entry.sequence] = (entry.topic, entry.payload)
                }
                hashes[entry.sequence] = entry.hash
                previous = entry.hash
                expected += 1
                result.entryCount += 1
                result.headHash = entry.hash
            }
            let last = expected - 1

            // Each row that carries meaning has its entry, and says what the entry says.
            let decoder = JSONDecoder()
            func payload(_ sequence: Int64) -> [String: String]? {
                kept[sequence].flatMap { try? decoder.decode([String: String].self, from: Data($0.payload.utf8)) }
            }
            var matched = Set<Int64>()
            var lastVersion: [String: Int] = [:]
            let versions = try Row.fetchCursor(db, sql: Self.versionQuery + " ORDER BY v.journal_sequence")
            while let row = try versions.next() {
                let sequence: Int64 = row["journal_sequence"]
                let stored = try StoredVersion(row: row)
                let topic = stored.version == 1 ? "record.created" : "record.versioned"
                guard kept[sequence]?.topic == topic, let recorded = payload(sequence), recorded["id"] == stored.id,
                      recorded["version"] == String(stored.version) else {
                    return fail(sequence, stored.id,
                        "record \(stored.id) version \(stored.version) has no matching journal entry (it names entry \(sequence))")
                }
                guard recorded["contentHash"] == stored.contentHash, recorded["kind"] == nil || recorded["kind"] == stored.kind else {
                    return fail(sequence, stored.id,
                        "record \(stored.id) version \(stored.version) was altered: it no longer matches journal entry \(sequence)")
                }
                guard stored.version == (lastVersion[stored.id] ?? 0) + 1 else {
                    return fail(sequence, stored.id,
                        "record \(stored.id) jumps to version \(stored.version) after version \(lastVersion[stored.id] ?? 0): a version is missing")
                }
                lastVersion[stored.id] = stored.version
                matched.insert(sequence)
                result.versionCount += 1
            }
            let orphans = try String.fetchAll(db, sql: "SELECT id FROM record WHERE id NOT IN (SELECT record_id FROM record_version) ORDER BY id")
            if let orphan = orphans.first {
                return fail(nil, orphan, "record \(orphan) has no versions: its versions were deleted")
            }
            let links = try Row.fetchCursor(db, sql: "SELECT from_id, to_id, relation, journal_sequence FROM record_link ORDER BY journal_sequence")
            while let row = try links.next() {
                let sequence: Int64 = row["journal_sequence"]
                let (from, to, relation): (String, String, String) = (row["from_id"], row["to_id"], row["relation"])
                guard kept[sequence]?.topic == "record.linked", let recorded = payload(sequence),
                      recorded["from"] == from, recorded["to"] == to, recorded["relation"] == relation else {
                    return fail(sequence, from,
                        "the link \(from) \(relation) \(to) does not match journal entry \(sequence): it was added or changed outside the toolkit")
                }
                matched.insert(sequence)
                result.linkCount += 1
            }

            // Each entry that kept something still has it.
            for sequence in kept.keys.sorted() where !matched.contains(sequence) {
                let entry = kept[sequence]!
                let recorded = payload(sequence) ?? [:]
                let what = entry.topic == "record.linked"
                    ? "the link \(recorded["from"] ?? "?") \(recorded["relation"] ?? "?") \(recorded["to"] ?? "?")"
                    : "record \(recorded["id"] ?? "?") version \(recorded["version"] ?? "?")"
                return fail(sequence, recorded["id"] ?? recorded["from"],
                    "journal entry \(sequence) (\(entry.topic)) kept \(what), which is no longer in the register: it was deleted")
            }

            // The journal reaches the heads noted outside it.
            for (head, source) in [(noted, "the head noted beside the register after its last write"), (pinned, "the head you gave")] {
                guard let head else { continue }
                if head.sequence > last {
                    return fail(last + 1, nil, last == 0
                        ? "the register is empty, but \(source) is \(head): it held \(head.sequence) journal entries; its records were lost (a missing write-ahead log, or an older copy restored)"
                        : "the journal ends at entry \(last), but \(source) is \(head): entries after \(last) were removed")
                }
                if let hash = hashes[head.sequence], !head.matches(sequence: head.sequence, hash: hash) {
                    return fail(head.sequence, nil,
                        "journal entry \(head.sequence) is \(hash.prefix(16))…, not \(head.hash.prefix(16))… as \(source) says: the journal was rewritten")
                }
                if source.hasPrefix("the head you gave") { result.pinnedHeadChecked = true }
            }
            result.head = result.headHash.map { JournalHead(sequence: last, hash: $0) }
            return result
        }
    }

    // MARK: - Rows

    private static let versionQuery = """
        SELECT v.*, r.kind, r.created_at FROM record_version v JOIN record r ON r.id = v.record_id
        """

    private static func entry(from row: Row) -> JournalEntry {
        JournalEntry(
            sequence: row["sequence"], time: row["time"], topic: row["topic"], payload: row["payload"],
            previousHash: row["previous_hash"], hash: row["hash"])
    }

    private static func link(from row: Row) -> RecordLink? {
        guard let relation = RecordLink.Relation(rawValue: row["relation"]) else { return nil }
        return RecordLink(from: row["from_id"], to: row["to_id"], relation: relation)
    }

    private static func year(of time: String) -> Int {
        Int(time.prefix(4)) ?? 1970
    }
}

/// A version exactly as its columns hold it: the text its content hash is computed over.
struct StoredVersion {
    var id: String
    var kind: String
    var version: Int
    var title: String
    var author: String
    var status: String
    var reviewBy: String?
    var tags: String
    var attributes: String
    var body: String
    var createdAt: String
    var recordedAt: String
    /// The lifecycle step as JSON, nil for a version that changed content.
    var step: String? = nil

    /// SHA-256 over every stored field, each length-prefixed (see `JournalEntry.canonicalEncoding`).
    /// A version with a lifecycle step hashes it too (format v2); versions without one hash as
    /// they always have, so registers written before steps existed still verify.
    var contentHash: String {
        var fields = [
            step == nil ? "ethics-record-v1" : "ethics-record-v2", id, kind, String(version), title, author, status,
            reviewBy ?? "", tags, attributes, body, createdAt, recordedAt,
        ]
        if let step { fields.append(step) }
        return Hashing.sha256(Hashing.fields(fields))
    }

    func recordVersion() throws -> RecordVersion {
        let decoder = JSONDecoder()
        return RecordVersion(
            id: id, kind: kind, version: version, title: title, author: author, status: status,
            reviewBy: reviewBy.flatMap(CalendarDate.init), tags: (try? decoder.decode([String].self, from: Data(tags.utf8))) ?? [],
            attributes: (try? decoder.decode([String].self, from: Data(attributes.utf8))) ?? [], body: Data(body.utf8),
            created: Timestamp.parse(createdAt) ?? Date(timeIntervalSince1970: 0),
            updated: Timestamp.parse(recordedAt) ?? Date(timeIntervalSince1970: 0),
            step: step.flatMap { try? decoder.decode(LifecycleStep.self, from: Data($0.utf8)) })
    }
}

extension StoredVersion {
    /// In an extension so that the synthesised memberwise initialiser stays available.
    init(row: Row) throws {
        self.init(
            id: row["record_id"], kind: row["kind"], version: row["version"], title: row["title"], author: row["author"],
            status: row["status"], reviewBy: row["review_by"], tags: row["tags"], attributes: row["attributes"],
            body: row["body"], createdAt: row["created_at"], recordedAt: row["recorded_at"],
            step: row.hasColumn("step") ? row["step"] : nil)
    }
}

/// One write to the SQLite register, inside its IMMEDIATE transaction.
private struct SQLiteTransaction: RegisterTransaction {
    let store: RecordStore
    let db: Database
    let time: RecordStore.Stamp

    func record(_ draft: RecordDraft) throws -> RecordVersion {
        try store.insert(db, draft: draft, time: time)
    }

    func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        try store.insertVersion(db, of: id, draft: draft, time: time)
    }

    func link(from: String, to: String, _ relation: RecordLink.Relation) throws {
        try store.insertLink(db, from: from, to: to, relation, time: time)
    }

    func journal(topic: String, payload: String) throws {
        try RecordStore.append(db, topic: topic, payload: payload, time: time.text)
    }
}

/// What `recordAll` throws when the journal shows the same thing was done before.
public struct AlreadyJournalled: Error, Sendable {
    /// The earlier entry.
    public var entry: JournalEntry
}
