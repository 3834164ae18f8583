public import EthicsCore
import Foundation

/// A register engine as the host's own commands use it: the SQLite file (``RecordStore``) or a
/// council's PostgreSQL database (EthicsRecordsPostgres). Synchronous, since each `ethics` command
/// is one short conversation with its register; ``LazyRecordStore`` adapts it to the async
/// ``RecordRegister`` that plugins write through.
///
/// Every engine writes through ``RegisterWriter`` and verifies through ``RegisterVerifier``, so
/// what is kept and what verify says are the same whichever engine keeps it.
public protocol RegisterStore: AnyObject, Sendable {
    /// How the register is named to the user: the SQLite file's path, or the server's URL
    /// without its password.
    var location: String { get }

    /// Runs `body` as one transaction: everything it keeps is kept together, or nothing is.
    func transaction<T>(_ body: (any RegisterTransaction) throws -> T) throws -> T

    /// Keeps every draft as a new record in one transaction, then journals the event `announcing`
    /// makes of what was kept; throws ``AlreadyJournalled`` (keeping nothing) when an event of the
    /// same type already journalled satisfies `unlessJournalled`.
    func recordAll<E: Event>(
        _ drafts: [RecordDraft], unlessJournalled: ((E) -> Bool)?, announcing: ([RecordVersion]) -> E
    ) throws -> [RecordVersion]

    /// Keeps `step` as the next version of record `id`, in one transaction with `link` (when
    /// given) and the step's fact. A superseded or withdrawn record takes no further step.
    func keep(
        _ step: LifecycleStep, of id: String, reviewBy: CalendarDate??, link: RecordLink?,
        fact: (RecordVersion) -> any Event
    ) throws -> RecordVersion

    func fetch(_ id: String, version: Int?) throws -> RecordVersion?
    func links(of id: String) throws -> [RecordLink]
    /// Every link, oldest first.
    func allLinks() throws -> [RecordLink]
    /// Every version of record `id`, oldest first; empty when there is no such record.
    func history(of id: String) throws -> [RecordVersion]
    /// The latest version of each record `query` selects, oldest record first: at most `limit`
    /// of them (all when nil) after the first `offset`, and how many it selects in all.
    func latestVersions(_ query: RecordQuery, offset: Int, limit: Int?) throws -> RecordPage
    /// The latest version of each record whose review-by date is on or before `cutoff`, soonest first.
    func due(by cutoff: CalendarDate) throws -> [RecordVersion]
    /// Journal entries, in order, optionally leaving out some topics.
    func journalEntries(excludingTopics excluded: Set<String>) throws -> [JournalEntry]
    /// Checks the whole register both ways (see ``RegisterVerifier``), and `pinned` when given.
    func verify(expecting pinned: JournalHead?) throws -> RegisterVerification
    /// The journal's head now.
    func head() throws -> JournalHead?
    /// The head after this store's last write; nil when it has written nothing.
    var lastWrittenHead: JournalHead? { get }

    /// Runs `body`, a call on this store, for an async caller (``LazyRecordStore``, `ethics
    /// serve`), on a thread of the engine's own, so the call holds none of Swift's cooperative
    /// threads, of which there are as many as cores: otherwise two register calls in flight on a
    /// two-core machine stall every other request.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T

    /// Every row the register holds, exactly as stored, for copying it to another engine.
    func rows() throws -> RegisterRows
    /// Keeps `rows` as they are, in one transaction, in a register that holds nothing yet.
    func load(_ rows: RegisterRows) throws
}

extension RegisterStore {
    public func record(_ draft: RecordDraft) throws -> RecordVersion {
        try transaction { try $0.record(draft) }
    }

    public func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        try transaction { try $0.addVersion(of: id, draft) }
    }

    public func link(from: String, to: String, _ relation: RecordLink.Relation) throws {
        try transaction { try $0.link(from: from, to: to, relation) }
    }

    /// Appends a fact to the journal as its topic and its JSON encoding, in a transaction of its own.
    public func journal<E: Event>(_ event: E) throws {
        let payload = try EventJSON.encode(event)
        try transaction { try $0.journal(topic: E.topic, payload: payload) }
    }

    public func recordAll<E: Event>(_ drafts: [RecordDraft], announcing: ([RecordVersion]) -> E) throws -> [RecordVersion] {
        try recordAll(drafts, unlessJournalled: nil, announcing: announcing)
    }

    public func keep(
        _ step: LifecycleStep, of id: String, reviewBy: CalendarDate?? = nil, link: RecordLink? = nil,
        fact: (RecordVersion) -> any Event
    ) throws -> RecordVersion {
        try keep(step, of: id, reviewBy: reviewBy, link: link, fact: fact)
    }

    /// The latest version of record `id`.
    public func fetch(_ id: String) throws -> RecordVersion? {
        try fetch(id, version: nil)
    }

    /// The latest version of each record, oldest record first, narrowed by kind, by the day its
    /// latest version was kept (on or after `since`, UTC) and by text found, ignoring case, in
    /// its title, author, status, tags or body.
    public func latestVersions(kind: String? = nil, since: CalendarDate? = nil, text: String? = nil) throws -> [RecordVersion] {
        try latestVersions(RecordQuery(kind: kind, since: since, text: text), offset: 0, limit: nil).versions
    }

    public func journalEntries() throws -> [JournalEntry] {
        try journalEntries(excludingTopics: [])
    }

    public func verify() throws -> RegisterVerification {
        try verify(expecting: nil)
    }

    /// The first journal entry of `E`'s topic whose event satisfies `matches`; entries whose
    /// payload is not such an event are passed over.
    public func firstJournalled<E: Event>(_ type: E.Type, where matches: (E) -> Bool) throws -> JournalEntry? {
        RegisterWriter.first(of: type, in: try journalEntries().filter { $0.topic == E.topic }, where: matches)
    }
}

/// Every row of a register exactly as stored: what `records copy` moves from one engine to
/// another, so that the copy's chain is the original's, hash for hash.
public struct RegisterRows: Sendable {
    public struct Record: Sendable, Hashable {
        public var id: String
        public var kind: String
        public var year: Int
        public var serial: Int
        public var createdAt: String

        package init(id: String, kind: String, year: Int, serial: Int, createdAt: String) {
            self.id = id
            self.kind = kind
            self.year = year
            self.serial = serial
            self.createdAt = createdAt
        }
    }

    public struct Version: Sendable {
        package var stored: StoredVersion
        public var sequence: Int64

        package init(stored: StoredVersion, sequence: Int64) {
            self.stored = stored
            self.sequence = sequence
        }
    }

    public struct Link: Sendable, Hashable {
        public var from: String
        public var to: String
        public var relation: String
        public var linkedAt: String
        public var sequence: Int64

        package init(from: String, to: String, relation: String, linkedAt: String, sequence: Int64) {
            self.from = from
            self.to = to
            self.relation = relation
            self.linkedAt = linkedAt
            self.sequence = sequence
        }
    }

    public var journal: [JournalEntry] = []
    public var records: [Record] = []
    public var versions: [Version] = []
    public var links: [Link] = []

    public init() {}

    /// The register these rows make: nothing when the journal is empty.
    public var isEmpty: Bool { journal.isEmpty && records.isEmpty }
}

extension RegisterRows {
    /// The checks a copy runs on its rows: the same verification as the register itself, so a
    /// register that does not verify is never copied.
    package func verify() throws -> RegisterVerification {
        var entries = journal.makeIterator()
        var versionRows = versions.sorted { $0.sequence < $1.sequence }.makeIterator()
        var linkRows = links.sorted { $0.sequence < $1.sequence }.makeIterator()
        let withVersions = Set(versions.map(\.stored.id))
        return try RegisterVerifier.verify(
            RegisterVerifier.Rows(
                nextEntry: { entries.next() },
                nextVersion: { versionRows.next().map { ($0.stored, $0.sequence) } },
                orphans: { records.map(\.id).filter { !withVersions.contains($0) }.sorted() },
                misnumbered: {
                    records.filter { !$0.id.hasSuffix(RecordKind.idSuffix(year: $0.year, serial: $0.serial)) }
                        .sorted { $0.id < $1.id }.map { ($0.id, $0.year, $0.serial) }
                },
                nextLink: { linkRows.next().map { ($0.from, $0.to, $0.relation, $0.sequence) } }),
            noted: nil, pinned: nil)
    }
}
