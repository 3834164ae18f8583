public import EthicsCore
import EthicsDiagnostics
public import EthicsRecords
public import Foundation
import NIOPosix
import PostgresNIO
import Synchronization

/// The register on a council's PostgreSQL server: the same records, versions, links, lifecycle
/// steps and hash-chained journal as the SQLite register, written by the same ``RegisterWriter``
/// (so the same writes give the same hashes) and checked by the same verifier.
///
/// - The toolkit connects as a role that may SELECT and INSERT only; the schema, its owner and
///   that role are made once by `ethics records init-database` (``PostgresRegisterSetup``), and
///   the toolkit never needs more.
/// - Every write is one transaction that first takes a transaction-level advisory lock, so
///   writers from any number of machines append to the journal one after another; a client
///   killed mid-write leaves nothing behind (the server rolls its transaction back).
/// - Reading never writes: a read is one SELECT, or (where it takes several, as verify does) a
///   read-only transaction.
public final class PostgresRecordStore: RegisterStore {
    public let url: PostgresRegisterURL
    private let link: PostgresLinks
    private let now: @Sendable () -> Date
    private let written = Mutex<JournalHead?>(nil)

    public var location: String { url.description }

    /// Connects to the register at `url` and checks that it is a register at a schema version this
    /// toolkit knows.
    /// - Throws: ``PostgresFailure`` (one line naming the URL and what to do) when the server
    ///   cannot be reached, refuses the password or TLS, or holds no register or a newer one.
    public init(url: PostgresRegisterURL, now: @escaping @Sendable () -> Date = Date.init) throws {
        self.url = url
        self.now = now
        link = PostgresLinks(url: url, count: Self.connections)
        try withConnection { session in try Self.checkSchema(session, url: url) }
    }

    /// How many connections a store opens at most, and how many threads wait on them for async
    /// callers (see ``run(_:)``): `ethics serve` reads for several people at once.
    static let connections = 4
    private static let waiting: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: connections)
        pool.start()
        return pool
    }()

    /// Runs `body` on a thread of the store's own while it waits on the server, not on one of
    /// Swift's cooperative threads (see ``RegisterStore/run(_:)``).
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await Self.waiting.runIfActive(body)
    }

    /// How many queries this store's connection has sent, and how many are unanswered.
    package var queryCounts: (sent: Int, inFlight: Int) { link.queryCounts }

    /// Closes the connection now rather than when the store is let go.
    public func close() {
        link.close()
    }

    static func checkSchema(_ session: PostgresLink.Session, url: PostgresRegisterURL) throws {
        let exists = try session.query("SELECT to_regclass('ethics.schema_migrations') IS NOT NULL").first?.decode(Bool.self) ?? false
        guard exists else {
            throw PostgresFailure(
                url: url, message: "the database '\(url.database)' is not an ethics register (it has no ethics.schema_migrations table)",
                suggestion: "have its administrator run 'ethics records init-database URL' once, or point 'register: {url: …}' at the council's register")
        }
        let applied = try session.query("SELECT name FROM ethics.schema_migrations ORDER BY position").map { try $0.decode(String.self) }
        let known = PostgresSchema.migrations.map(\.name)
        if applied.count > known.count || zip(applied, known).contains(where: { $0 != $1 }) {
            throw PostgresFailure(
                url: url, message: "the register was made by a newer version of ethics (its schema has migration '\(applied.last ?? "")', which this version does not know)",
                suggestion: "use that version of ethics, or a newer one, with this register")
        }
        if applied.count < known.count {
            throw PostgresFailure(
                url: url, message: "the register's schema is older than this version of ethics (it lacks migration '\(known[applied.count])')",
                suggestion: "have its administrator run 'ethics records init-database URL' to bring it up to date")
        }
    }

    // MARK: - Running

    /// Runs `body` on the connection, explaining server errors to the user.
    private func withConnection<T>(_ body: (PostgresLink.Session) throws -> T) throws -> T {
        do {
            return try link.with(body)
        } catch {
            throw PostgresFailure.explain(error, url: url)
        }
    }

    /// Runs `body` in one read-only transaction: one consistent snapshot, and nothing written.
    private func read<T>(_ body: (PostgresLink.Session) throws -> T) throws -> T {
        try withConnection { session in
            try session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            do {
                let result = try body(session)
                try session.query("COMMIT")
                return result
            } catch {
                _ = try? session.query("ROLLBACK")
                throw error
            }
        }
    }

    /// Runs one read on its own, outside any transaction: a single statement already sees one
    /// consistent snapshot and writes nothing, and BEGIN and COMMIT around it would be two more
    /// round trips (three in all for every page of `ethics serve` that reads the register).
    private func readOne(_ sql: String, _ binds: [Bind] = []) throws -> [PostgresRow] {
        try withConnection { session in try session.query(sql, binds) }
    }

    /// Runs `body` in one transaction holding the register's write lock, with the time stamped on
    /// what it writes taken once the lock is held (so the journal's times run in order).
    private func write<T>(_ body: (RegisterWriter, PostgresLink.Session) throws -> T) throws -> T {
        let (result, head) = try withConnection { session in
            try session.query("BEGIN")
            do {
                try session.query("SELECT pg_advisory_xact_lock($1)", [.int(PostgresSchema.writeLock)])
                let rows = PostgresRows(session: session)
                let writer = RegisterWriter(rows: rows, time: Timestamp.stamp(now()))
                let result = try body(writer, session)
                let head = try writer.head()
                try rows.sendHeld()
                try session.query("COMMIT")
                return (result, head)
            } catch {
                _ = try? session.query("ROLLBACK")
                throw error
            }
        }
        written.withLock { $0 = head ?? $0 }
        return result
    }

    // MARK: - Writing

    public func transaction<T>(_ body: (any RegisterTransaction) throws -> T) throws -> T {
        try write { writer, _ in try body(RegisterWriteTransaction(writer: writer)) }
    }

    public func recordAll<E: Event>(
        _ drafts: [RecordDraft], unlessJournalled: ((E) -> Bool)?, announcing: ([RecordVersion]) -> E
    ) throws -> [RecordVersion] {
        for draft in drafts { try draft.validate() }
        return try write { writer, _ in
            try writer.recordAll(drafts, unlessJournalled: unlessJournalled, announcing: announcing)
        }
    }

    public func keep(
        _ step: LifecycleStep, of id: String, reviewBy: CalendarDate??, link: RecordLink?, fact: (RecordVersion) -> any Event
    ) throws -> RecordVersion {
        try write { writer, _ in try writer.keep(step, of: id, reviewBy: reviewBy, link: link, fact: fact) }
    }

    public var lastWrittenHead: JournalHead? {
        written.withLock { $0 }
    }

    // MARK: - Reading

    public func fetch(_ id: String, version: Int?) throws -> RecordVersion? {
        let rows = if let version {
            try readOne(PostgresRows.versionQuery + " WHERE v.record_id = $1 AND v.version = $2", [.text(id), .int(version)])
        } else {
            try readOne(PostgresRows.versionQuery + " WHERE v.record_id = $1 ORDER BY v.version DESC LIMIT 1", [.text(id)])
        }
        return try rows.first.map { try PostgresRows.version($0).stored.recordVersion() }
    }

    public func links(of id: String) throws -> [RecordLink] {
        try readOne(
            "SELECT from_id, to_id, relation FROM ethics.record_link WHERE from_id = $1 OR to_id = $1 ORDER BY journal_sequence",
            [.text(id)]
        ).compactMap(Self.link(from:))
    }

    public func allLinks() throws -> [RecordLink] {
        try readOne("SELECT from_id, to_id, relation FROM ethics.record_link ORDER BY journal_sequence").compactMap(Self.link(from:))
    }

    public func history(of id: String) throws -> [RecordVersion] {
        try readOne(PostgresRows.versionQuery + " WHERE v.record_id = $1 ORDER BY v.version", [.text(id)])
            .map { try PostgresRows.version($0).stored.recordVersion() }
    }

    public func latestVersions(_ query: RecordQuery, offset: Int, limit: Int?) throws -> RecordPage {
        // What is asked of the records comes first, then what is asked of their latest versions.
        var onRecords: [String] = []
        var onVersions: [String] = []
        var binds: [Bind] = []
        if let kind = query.kind {
            binds.append(.text(kind))
            onRecords.append("r.kind = $\(binds.count)")
        }
        if let since = query.since {
            binds.append(.text(since.description))
            onVersions.append("substr(v.recorded_at, 1, 10) >= $\(binds.count)")
        }
        if let text = query.text, !text.isEmpty {
            binds.append(.text(text))
            // The columns sort byte by byte (`COLLATE "C"`), and under that collation `lower`
            // folds ASCII letters only; the database's own character type folds every script
            // (in the UTF-8 locales PostgreSQL is installed with), as the other engines do.
            onVersions.append("""
                strpos(lower((v.title || ' ' || v.author || ' ' || v.status || ' ' || v.tags || ' ' || v.body) COLLATE "default"), \
                lower($\(binds.count) COLLATE "default")) > 0
                """)
        }
        func filter(_ conditions: [String]) -> String {
            conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        }
        // From the records in list order (`record_list_order`) to each one's latest version, so a
        // page stops after its own rows rather than sorting every version with its content.
        let from = " " + PostgresRows.latestVersionSource + filter(onRecords + onVersions)
        // Every record is kept with its first version, so when nothing is asked of the versions
        // the records themselves are counted. The count rides on every row of the page (the
        // server works it out once), so page and count are one statement and one snapshot.
        let count = "SELECT COUNT(*)" + (onVersions.isEmpty ? " FROM ethics.record r" + filter(onRecords) : from)
        var pageBinds = binds
        var sql = "SELECT \(PostgresRows.versionColumns), (\(count))" + from + " ORDER BY r.created_at, r.id"
        if let limit {
            pageBinds.append(.int(limit))
            sql += " LIMIT $\(pageBinds.count)"
        }
        pageBinds.append(.int(offset))
        sql += " OFFSET $\(pageBinds.count)"
        var counted: Int64?
        let versions = try readOne(sql, pageBinds).map { row in
            var cells = PostgresRows.Cells(row)
            let version = try PostgresRows.version(&cells).stored.recordVersion()
            counted = try cells.next()
            return version
        }
        if let counted { return RecordPage(versions: versions, total: Int(counted)) }
        // No rows carry no count: nothing is selected, or the page is past the end.
        let total = offset == 0 ? 0 : try readOne(count, binds).first.map { try Int($0.decode(Int64.self)) } ?? 0
        return RecordPage(versions: versions, total: total)
    }

    public func due(by cutoff: CalendarDate) throws -> [RecordVersion] {
        try readOne(
            "SELECT \(PostgresRows.versionColumns) \(PostgresRows.latestVersionSource)" + """
                 WHERE v.review_by IS NOT NULL AND v.review_by <= $1 AND v.status NOT IN ('superseded', 'withdrawn')
                ORDER BY v.review_by, r.id
                """, [.text(cutoff.description)]
        ).map { try PostgresRows.version($0).stored.recordVersion() }
    }

    public func journalEntries(excludingTopics excluded: Set<String>) throws -> [JournalEntry] {
        try readOne(PostgresRows.journalQuery + " ORDER BY sequence").map(PostgresRows.entry).filter { !excluded.contains($0.topic) }
    }

    public func head() throws -> JournalHead? {
        try readOne(PostgresRows.headQuery).first.map(PostgresRows.head)
    }

    // MARK: - Verifying

    /// The highest serial of kind `$1` in year `$2` (0 when none), found by walking the (kind,
    /// year, serial) index backwards to its first entry. Written out rather than as
    /// `MAX(serial)`, whose plan depends on the table's statistics: where they are missing or
    /// stale (a register filling faster than autovacuum analyses it) PostgreSQL plans that
    /// aggregate as a scan of every record of the kind and year, made under the write lock, so
    /// each write took longer than the one before it (1.7 ms of scanning at 3,200 records).
    package static let serialQuery = """
        SELECT COALESCE((SELECT serial FROM ethics.record WHERE kind = $1 AND year = $2 ORDER BY serial DESC LIMIT 1), 0)
        """
    /// ``serialQuery`` with the journal's head (nulls when the journal is empty) beside it.
    package static let serialAndHeadQuery = "\(serialQuery), j.sequence, j.hash FROM (SELECT 1) one LEFT JOIN (\(PostgresRows.headQuery)) j ON true"

    /// Records with no version at all. An anti-join, planned as one pass over both tables: the
    /// same check written `id NOT IN (SELECT record_id …)` is run once a record whenever the
    /// versions outgrow the server's work memory, which kept a freshly copied register of
    /// 100,000 records verifying for minutes.
    package static let orphansQuery = """
        SELECT r.id FROM ethics.record r
         WHERE NOT EXISTS (SELECT 1 FROM ethics.record_version v WHERE v.record_id = r.id) ORDER BY r.id
        """

    /// Records whose id does not end with `-YEAR-SERIAL` (the serial of at least four digits), as
    /// ``RecordKind/idSuffix(year:serial:)`` writes it.
    package static let misnumberedQuery = """
        SELECT id, year, serial FROM (
            SELECT id, year, serial, '-' || year || '-' || lpad(serial::text, greatest(4, length(serial::text)), '0') AS suffix
              FROM ethics.record) r
         WHERE right(id, length(suffix)) <> suffix ORDER BY id
        """

    public func verify(expecting pinned: JournalHead?) throws -> RegisterVerification {
        try read { session in
            // All five are sent at once: the versions, orphans and links arrive while the
            // journal's chain is being checked, which is most of verify's time. A check that
            // stops early leaves the rest unread; the transaction's end queues behind them.
            let entries = session.send(PostgresRows.journalQuery + " ORDER BY sequence")
            let versions = session.send(PostgresRows.versionQuery + " ORDER BY v.journal_sequence")
            let orphans = session.send(Self.orphansQuery)
            let misnumbered = session.send(Self.misnumberedQuery)
            let links = session.send("SELECT from_id, to_id, relation, journal_sequence FROM ethics.record_link ORDER BY journal_sequence")
            var entryRows = try entries.rows().makeIterator()
            var versionRows: IndexingIterator<[PostgresRow]>?
            var linkRows: IndexingIterator<[PostgresRow]>?
            return try RegisterVerifier.verify(
                RegisterVerifier.Rows(
                    nextEntry: { try entryRows.next().map(PostgresRows.entry) },
                    nextVersion: {
                        if versionRows == nil { versionRows = try versions.rows().makeIterator() }
                        return try versionRows?.next().map { try PostgresRows.version($0) }.map { ($0.stored, $0.sequence) }
                    },
                    orphans: { try orphans.rows().map { try $0.decode(String.self) } },
                    misnumbered: {
                        try misnumbered.rows().map { row in
                            let (id, year, serial) = try row.decode((String, Int, Int).self)
                            return (id, year, serial)
                        }
                    },
                    nextLink: {
                        if linkRows == nil { linkRows = try links.rows().makeIterator() }
                        guard let row = linkRows?.next() else { return nil }
                        let (from, to, relation, sequence) = try row.decode((String, String, String, Int64).self)
                        return (from, to, relation, sequence)
                    }),
                noted: nil, pinned: pinned)
        }
    }

    // MARK: - Copying

    public func rows() throws -> RegisterRows {
        try read { session in
            var rows = RegisterRows()
            rows.journal = try session.query(PostgresRows.journalQuery + " ORDER BY sequence").map(PostgresRows.entry)
            rows.records = try session.query("SELECT id, kind, year, serial, created_at FROM ethics.record ORDER BY created_at, id").map { row in
                let (id, kind, year, serial, created) = try row.decode((String, String, Int64, Int64, String).self)
                return RegisterRows.Record(id: id, kind: kind, year: Int(year), serial: Int(serial), createdAt: created)
            }
            rows.versions = try session.query(PostgresRows.versionQuery + " ORDER BY v.journal_sequence").map(PostgresRows.version)
            rows.links = try session.query(
                "SELECT from_id, to_id, relation, linked_at, journal_sequence FROM ethics.record_link ORDER BY journal_sequence"
            ).map { row in
                let (from, to, relation, linked, sequence) = try row.decode((String, String, String, String, Int64).self)
                return RegisterRows.Link(from: from, to: to, relation: relation, linkedAt: linked, sequence: sequence)
            }
            return rows
        }
    }

    public func load(_ copied: RegisterRows) throws {
        try write { _, session in
            let held = try session.query("SELECT (SELECT COUNT(*) FROM ethics.journal) + (SELECT COUNT(*) FROM ethics.record)")
                .first?.decode(Int64.self) ?? 0
            if held > 0 {
                throw RecordRegisterError("the register at \(url) already holds records; copy only into an empty register")
            }
            // Many rows to a statement: a council's register may hold hundreds of thousands.
            let rows = PostgresRows(session: session)
            try rows.insertJournal(copied.journal)
            try rows.insertMany(
                "ethics.record (id, kind, year, serial, created_at)", copied.records
            ) { [.text($0.id), .text($0.kind), .int($0.year), .int($0.serial), .text($0.createdAt)] }
            try rows.insertMany(
                "ethics.record_version (record_id, version, title, author, status, review_by, tags, attributes, body, recorded_at, journal_sequence, step)",
                copied.versions
            ) { version in
                let stored = version.stored
                return [.text(stored.id), .int(stored.version), .text(stored.title), .text(stored.author), .text(stored.status),
                        .text(stored.reviewBy), .text(stored.tags), .text(stored.attributes), .text(stored.body), .text(stored.recordedAt),
                        .int(version.sequence), .text(stored.step)]
            }
            try rows.insertMany("ethics.record_link (from_id, to_id, relation, linked_at, journal_sequence)", copied.links) {
                [.text($0.from), .text($0.to), .text($0.relation), .text($0.linkedAt), .int($0.sequence)]
            }
        }
    }

    private static func link(from row: PostgresRow) throws -> RecordLink? {
        let (from, to, relation) = try row.decode((String, String, String).self)
        return RecordLink.Relation(rawValue: relation).map { RecordLink(from: from, to: to, relation: $0) }
    }
}

/// The rows of one write to the PostgreSQL register, inside its transaction.
///
/// A write's inserts are held back and sent as one statement (each insert a data-modifying
/// `WITH` clause) just before the write next reads, and before it commits: the server runs a
/// statement a round trip at a time, and every round trip is made while the register's write
/// lock keeps every other writer waiting. Reads see the held inserts because they are sent first.
final class PostgresRows: RegisterRowWriter {
    let session: PostgresLink.Session
    /// Inserts not yet sent: each a table with its column list, and the row's values.
    private var held: [(table: String, values: [Bind])] = []
    /// The journal's head, read with a write's first serial (nil: not read, or moved since).
    private var headRead: JournalHead??

    init(session: PostgresLink.Session) {
        self.session = session
    }

    /// Holds an insert into `table` (with its column list) until the write next reads or commits;
    /// a thousand held (as many rows as ``insertMany(_:_:_:)`` puts in a statement) are sent at once.
    private func hold(_ table: String, _ values: [Bind]) throws {
        held.append((table, values))
        if held.count >= 1000 { try sendHeld() }
    }

    /// Sends the held inserts, as one statement.
    func sendHeld() throws {
        guard !held.isEmpty else { return }
        var binds: [Bind] = []
        let inserts = held.map { insert in
            let base = binds.count
            binds += insert.values
            return "INSERT INTO \(insert.table) VALUES " + Self.placeholders(insert.values.count, after: base)
        }
        held = []
        let clauses = inserts.dropLast().enumerated().map { "held\($0.offset) AS (\($0.element))" }
        try session.query((clauses.isEmpty ? "" : "WITH " + clauses.joined(separator: ", ") + " ") + inserts.last!, binds)
    }

    /// `($n, $n+1, …)` for a row of `count` values whose first is parameter `base + 1`.
    static func placeholders(_ count: Int, after base: Int) -> String {
        "(" + (1...count).map { "$\(base + $0)" }.joined(separator: ", ") + ")"
    }

    /// Runs a read after sending the held inserts.
    private func read(_ sql: String, _ binds: [Bind] = []) throws -> [PostgresRow] {
        try sendHeld()
        return try session.query(sql, binds)
    }

    static let journalQuery = "SELECT sequence, time, topic, payload, previous_hash, hash FROM ethics.journal"

    /// The columns ``version(_:)`` reads, in its order.
    static let versionColumns = """
        v.record_id, r.kind, v.version, v.title, v.author, v.status, v.review_by, v.tags, v.attributes, v.body,
            r.created_at, v.recorded_at, v.step, v.journal_sequence
        """
    static let versionSource = "FROM ethics.record_version v JOIN ethics.record r ON r.id = v.record_id"
    static let versionQuery = "SELECT \(versionColumns) \(versionSource)"
    /// Each record (`r`) with its latest version (`v`).
    static let latestVersionSource = """
        FROM ethics.record r JOIN LATERAL
            (SELECT * FROM ethics.record_version lv WHERE lv.record_id = r.id ORDER BY lv.version DESC LIMIT 1) v ON true
        """

    static func entry(_ row: PostgresRow) throws -> JournalEntry {
        var cells = Cells(row)
        return JournalEntry(
            sequence: try cells.next(), time: try cells.next(), topic: try cells.next(), payload: try cells.next(),
            previousHash: try cells.next(), hash: try cells.next())
    }

    static func version(_ row: PostgresRow) throws -> RegisterRows.Version {
        var cells = Cells(row)
        return try version(&cells)
    }

    /// A version from the next of `cells` (``versionColumns``), leaving any after them.
    static func version(_ cells: inout Cells) throws -> RegisterRows.Version {
        RegisterRows.Version(
            stored: StoredVersion(
                id: try cells.next(), kind: try cells.next(), version: Int(try cells.next() as Int64), title: try cells.next(),
                author: try cells.next(), status: try cells.next(), reviewBy: try cells.next(), tags: try cells.next(),
                attributes: try cells.next(), body: try cells.next(), createdAt: try cells.next(), recordedAt: try cells.next(),
                step: try cells.next()),
            sequence: try cells.next())
    }

    /// A row's cells read in order, each decoded on its own: PostgresNIO's tuple `decode` walks
    /// a row through variadic generics that cost more than verify's hashing on a long journal.
    struct Cells {
        private var cells: PostgresRow.Iterator

        init(_ row: PostgresRow) {
            cells = row.makeIterator()
        }

        /// The next cell as `T`; a row shorter than its query's columns is the server's fault.
        mutating func next<T: PostgresDecodable>(_: T.Type = T.self) throws -> T {
            guard let cell = cells.next() else {
                throw RecordRegisterError("the register's server returned a row with too few columns")
            }
            return try cell.decode(T.self)
        }
    }

    /// The highest serial of `kind` in `year`, read together with the journal's head (while the
    /// write does not know it), which a new record's first journal entry follows: one round trip
    /// under the lock, not two.
    func maxSerial(kind: String, year: Int) throws -> Int {
        guard headRead == nil else {
            return Int(try read(PostgresRecordStore.serialQuery, [.text(kind), .int(year)]).first?.decode(Int64.self) ?? 0)
        }
        guard let row = try read(PostgresRecordStore.serialAndHeadQuery, [.text(kind), .int(year)]).first else {
            throw RecordRegisterError("the register's server returned no row for a record's serial")
        }
        var cells = Cells(row)
        let max: Int64 = try cells.next()
        let (sequence, hash): (Int64?, String?) = (try cells.next(), try cells.next())
        headRead = .some(sequence.flatMap { sequence in hash.map { JournalHead(sequence: sequence, hash: $0) } })
        return Int(max)
    }

    func insertRecord(id: String, kind: String, year: Int, serial: Int, createdAt: String) throws {
        try hold("ethics.record (id, kind, year, serial, created_at)", [.text(id), .text(kind), .int(year), .int(serial), .text(createdAt)])
    }

    func recordRow(_ id: String) throws -> (kind: String, createdAt: String)? {
        try read("SELECT kind, created_at FROM ethics.record WHERE id = $1", [.text(id)]).first
            .map { try $0.decode((String, String).self) }
    }

    func latestVersion(of id: String) throws -> StoredVersion? {
        try read(Self.versionQuery + " WHERE v.record_id = $1 ORDER BY v.version DESC LIMIT 1", [.text(id)]).first
            .map { try Self.version($0).stored }
    }

    func linkExists(from: String, to: String, relation: String) throws -> Bool {
        !(try read(
            "SELECT 1 FROM ethics.record_link WHERE from_id = $1 AND to_id = $2 AND relation = $3",
            [.text(from), .text(to), .text(relation)]).isEmpty)
    }

    func insertLink(from: String, to: String, relation: String, linkedAt: String, sequence: Int64) throws {
        try hold(
            "ethics.record_link (from_id, to_id, relation, linked_at, journal_sequence)",
            [.text(from), .text(to), .text(relation), .text(linkedAt), .int(sequence)])
    }

    static let headQuery = "SELECT sequence, hash FROM ethics.journal ORDER BY sequence DESC LIMIT 1"

    func journalHead() throws -> JournalHead? {
        if let headRead { return headRead }
        return try read(Self.headQuery).first.map(Self.head)
    }

    static func head(_ row: PostgresRow) throws -> JournalHead {
        let (sequence, hash) = try row.decode((Int64, String).self)
        return JournalHead(sequence: sequence, hash: hash)
    }

    static let journalTable = "ethics.journal (sequence, time, topic, payload, previous_hash, hash)"

    static func journalValues(_ entry: JournalEntry) -> [Bind] {
        [.int(entry.sequence), .text(entry.time), .text(entry.topic), .text(entry.payload), .text(entry.previousHash), .text(entry.hash)]
    }

    func insertJournal(_ entry: JournalEntry) throws {
        headRead = nil
        try hold(Self.journalTable, Self.journalValues(entry))
    }

    /// Inserts journal entries many to a statement.
    func insertJournal(_ entries: [JournalEntry]) throws {
        headRead = nil
        try insertMany(Self.journalTable, entries, Self.journalValues)
    }

    /// Inserts `items` into `table` (with its column list), as many rows to a statement as the
    /// protocol's 65,535 parameters allow, up to 1,000.
    func insertMany<Item>(_ table: String, _ items: [Item], _ values: (Item) -> [Bind]) throws {
        try sendHeld()
        var start = 0
        while start < items.count {
            var binds: [Bind] = []
            var tuples: [String] = []
            var index = start
            while index < items.count, tuples.count < 1000 {
                let row = values(items[index])
                let base = binds.count
                tuples.append(Self.placeholders(row.count, after: base))
                binds += row
                index += 1
            }
            try session.query("INSERT INTO \(table) VALUES " + tuples.joined(separator: ", "), binds)
            start = index
        }
    }

    func insertVersion(_ stored: StoredVersion, sequence: Int64) throws {
        try hold(
            "ethics.record_version (record_id, version, title, author, status, review_by, tags, attributes, body, recorded_at, journal_sequence, step)",
            [.text(stored.id), .int(stored.version), .text(stored.title), .text(stored.author), .text(stored.status),
             .text(stored.reviewBy), .text(stored.tags), .text(stored.attributes), .text(stored.body), .text(stored.recordedAt),
             .int(sequence), .text(stored.step)])
    }

    func journalled(topic: String) throws -> [JournalEntry] {
        try read(Self.journalQuery + " WHERE topic = $1 ORDER BY sequence", [.text(topic)]).map(Self.entry)
    }
}
