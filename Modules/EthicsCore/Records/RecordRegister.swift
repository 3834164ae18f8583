public import EthicsDiagnostics
public import Foundation

/// One register engine: where records are kept as immutable versions, linked to each other, with
/// every write and every fact journalled in the same transaction.
///
/// Two engines implement it: SQLite in the council's workspace (EthicsRecords) and, in tests,
/// ``InMemoryRecordRegister``. Everything is `async`, so an engine may sit across a network.
/// Plugins do not see an engine directly: their context hands them a ``Register``, which checks
/// the facts they publish against their manifest and delivers them once the write has committed.
public protocol RecordRegister: Sendable {
    /// Runs `body` as one transaction: every record, version, link and fact it makes is kept
    /// together, or (when it throws) none is. Returns what `body` returned and the facts it
    /// published, in order, for the caller to deliver.
    ///
    /// The body is synchronous: it only states what to keep. An engine across a network runs it
    /// on a thread of its own inside one database transaction.
    func write<T: Sendable>(_ body: @Sendable (any RegisterTransaction) throws -> T) async throws -> T

    /// Version `version` of record `id`, or its latest version when `version` is nil; nil when
    /// there is no such record or version.
    func fetch(_ id: String, version: Int?) async throws -> RecordVersion?

    /// The links that start or end at record `id`, oldest first.
    func links(of id: String) async throws -> [RecordLink]

    /// Every version of record `id`, oldest first; empty when there is no such record.
    func history(of id: String) async throws -> [RecordVersion]

    /// The latest version of each record of the kind with id `kind` (of every kind when nil),
    /// oldest record first. Reading never creates a register that does not exist yet.
    func latestVersions(kind: String?) async throws -> [RecordVersion]

    /// At most `limit` of the latest versions `query` selects, after the first `offset`, in the
    /// same order, and how many it selects in all: a page of a long list without reading the rest.
    func latestVersions(_ query: RecordQuery, offset: Int, limit: Int) async throws -> RecordPage
}

/// Which records a list shows: the latest version of each, narrowed by kind, by the day that
/// version was kept and by text.
public struct RecordQuery: Sendable, Hashable {
    /// The id of a ``RecordKind``; every kind when nil.
    public var kind: String?
    /// Only versions kept on or after this day (UTC).
    public var since: CalendarDate?
    /// Only records whose title, author, status, tags or body hold this text, ignoring case.
    public var text: String?

    /// `text` is looked for as typed, less the spaces around it (spaces alone ask for nothing), and
    /// composed (NFC): "môn" typed as `o` and a combining circumflex, as some keyboards and
    /// copied text give it, finds the "môn" the register holds. What the register holds is
    /// compared as it was kept, which is composed as nearly everything typed is; a record kept
    /// with a decomposed accent is found only by the letters as it holds them.
    public init(kind: String? = nil, since: CalendarDate? = nil, text: String? = nil) {
        self.kind = kind
        self.since = since
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        self.text = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// Whether `version` is one this query selects, for an engine without SQL. The SQL engines
    /// ask the same in SQL, folding case for every script as `lowercased()` does here.
    public func selects(_ version: RecordVersion) -> Bool {
        if let kind, version.kind != kind { return false }
        if let since, version.updated.formatted(Date.ISO8601FormatStyle().year().month().day()) < since.description { return false }
        if let text, !text.isEmpty {
            let haystack = [version.title, version.author, version.status, version.tags.joined(separator: " "), String(decoding: version.body, as: UTF8.self)]
                .joined(separator: " ")
            // Byte for byte, as the SQL engines compare: a decomposed accent kept in a record is
            // found by the same decomposed accent, not by the composed one (a query is composed).
            return haystack.lowercased().utf8.firstRange(of: text.lowercased().utf8) != nil
        }
        return true
    }
}

/// One page of a longer list, and how long the whole list is.
public struct RecordPage: Sendable, Hashable {
    public var versions: [RecordVersion]
    /// How many versions the query selects across every page.
    public var total: Int

    public init(versions: [RecordVersion], total: Int) {
        self.versions = versions
        self.total = total
    }
}

extension RecordRegister {
    /// The latest version of record `id`.
    public func fetch(_ id: String) async throws -> RecordVersion? {
        try await fetch(id, version: nil)
    }
}

/// What a write may do, inside its one transaction. Only valid while the body of
/// ``RecordRegister/write(_:)`` runs.
public protocol RegisterTransaction {
    /// Keeps a new record as its version 1 and returns it, with the id the register gave it.
    func record(_ draft: RecordDraft) throws -> RecordVersion

    /// Keeps `draft` as the next version of record `id`; earlier versions are never changed.
    /// The draft's kind must be the record's kind.
    func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion

    /// Records that `from` relates to `to` (a decision cites the canvas that informed it).
    /// Linking the same pair twice in the same way changes nothing.
    func link(from: String, to: String, _ relation: RecordLink.Relation) throws

    /// Appends a fact to the journal: its topic and its JSON encoding.
    func journal(topic: String, payload: String) throws
}

/// A kind of record the register keeps, declared by the plugin that keeps it (in its manifest's
/// `records:`), so that neither EthicsCore nor the register's schema names any plugin.
public struct RecordKind: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stored with every record and typed by users: `decision`, `canvas`, `scan`.
    public var id: String
    /// The first part of its records' ids: `dec` in `dec-2026-0001`. Unique across plugins.
    public var prefix: String
    /// How people name it: `Decision record`.
    public var title: String

    public init(id: String, prefix: String, title: String) {
        self.id = id
        self.prefix = prefix
        self.title = title
    }

    public var description: String { id }

    /// The readable, stable id of the `serial`th record of this kind created in `year`:
    /// the kind's prefix, the year and a serial of at least four digits (`can-2026-0012`).
    public func recordID(year: Int, serial: Int) -> String {
        prefix + Self.idSuffix(year: year, serial: serial)
    }

    /// Whether `text` has the shape ``recordID(year:serial:)`` gives this kind's ids: the
    /// prefix, a year of four digits and a serial of four or more (`can-2026-0012`).
    public func hasRecordIDShape(_ text: some StringProtocol) -> Bool {
        Self.hasRecordIDShape(text, prefix: prefix)
    }

    /// Whether `text` has the shape of a record id of the kind with `prefix`, or of any kind
    /// (a prefix of two to four lowercase letters, as a plugin's manifest must declare) when
    /// `prefix` is nil. The one test of that shape: for the browser's links to records, and for
    /// an answer that names a record.
    public static func hasRecordIDShape(_ text: some StringProtocol, prefix: String? = nil) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        func digits(_ part: some StringProtocol) -> Bool {
            part.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        let prefixFits = prefix.map { parts[0] == $0 }
            ?? ((2...4).contains(parts[0].utf8.count) && parts[0].utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        return prefixFits && parts[1].utf8.count == 4 && digits(parts[1]) && parts[2].utf8.count >= 4 && digits(parts[2])
    }

    /// What every id of the `serial`th record of a year ends with, whatever its kind: `-2026-0012`.
    /// Verify holds each record's year and serial to it.
    public static func idSuffix(year: Int, serial: Int) -> String {
        let digits = String(serial)
        return "-\(year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }
}

/// Why a record version cannot be kept or found: bad input from the caller or the user.
public struct RecordRegisterError: UserFacingError, Sendable, CustomStringConvertible, Equatable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    public var diagnostics: [Diagnostic] { [.error(description)] }
}

/// What a plugin hands the register: one version of a record, before the register stamps it.
public struct RecordDraft: Sendable, Hashable {
    public var kind: RecordKind
    public var title: String
    /// Who is accountable for this version: a name, role or team.
    public var author: String
    /// Where the record stands, in the plugin's words: `draft`, `approved`, `superseded`, …
    public var status: String
    /// When the record should be looked at again; `ethics records due` lists these.
    public var reviewBy: CalendarDate?
    public var tags: [String]
    /// Ids of the attributes of ethical practice the record engages.
    public var attributes: [String]
    /// The record's content as JSON (an object): a decision's path and outcome, a canvas's answers.
    public var body: Data

    public init(
        kind: RecordKind, title: String, author: String, status: String = "draft",
        reviewBy: CalendarDate? = nil, tags: [String] = [], attributes: [String] = [], body: Data = Data("{}".utf8)
    ) {
        self.kind = kind
        self.title = title
        self.author = author
        self.status = status
        self.reviewBy = reviewBy
        self.tags = tags
        self.attributes = attributes
        self.body = body
    }

    /// A draft whose body is `content` encoded as JSON, keys sorted so equal content gives equal bytes.
    public init(
        kind: RecordKind, title: String, author: String, status: String = "draft",
        reviewBy: CalendarDate? = nil, tags: [String] = [], attributes: [String] = [], content: some Encodable
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        self.init(
            kind: kind, title: title, author: author, status: status, reviewBy: reviewBy, tags: tags,
            attributes: attributes, body: try encoder.encode(content))
    }

    /// The longest title a record may have.
    public static let maximumTitleLength = 300

    /// What is wrong with `title` as a record's title, if anything: a command that will keep one
    /// asks before any work (`canvas-builder new`), so it is not refused only when kept.
    public static func problem(withTitle title: String) -> String? {
        // A title heads every list, page and paper the record is on; the detail goes in the record.
        if title.count > maximumTitleLength {
            return "a record's title is at most \(maximumTitleLength) characters, and this one has \(title.count): put the detail in the record itself"
        }
        // It also heads the commands a run suggests next: a line break or an escape breaks them all.
        if ControlCharacters.containsAnyControl(title) {
            return "a record's title must be one line, without control characters (a line break, a tab or an escape)"
        }
        return nil
    }

    /// Checks what every register refuses: an empty title or author, a title over 300 characters, a
    /// title, author or status that is not one plain line, a NUL character (SQLite's text ends at
    /// one, so the record would be kept cut short), and a body that is not a JSON object.
    ///
    /// - Parameter previousTitle: the title of the version this one follows, if any. A title the
    ///   record already had is not asked again to be one line: a review or sign-off of a record
    ///   kept before the rule must not be refused for a title nobody is changing.
    public func validate(previousTitle: String? = nil) throws(RecordRegisterError) {
        if title.allSatisfy(\.isWhitespace) {
            throw RecordRegisterError("a record needs a title")
        }
        if author.allSatisfy(\.isWhitespace) {
            throw RecordRegisterError("a record needs an author")
        }
        for (name, text) in [("title", title), ("author", author), ("status", status)] where text.utf8.contains(0) {
            throw RecordRegisterError("a record's \(name) must not contain a NUL character")
        }
        if title != previousTitle, let problem = Self.problem(withTitle: title) {
            throw RecordRegisterError(problem)
        }
        for (name, text) in [("author", author), ("status", status)] where ControlCharacters.containsAnyControl(text) {
            throw RecordRegisterError("a record's \(name) must be one line, without control characters (a line break, a tab or an escape)")
        }
        guard body.withUnsafeBytes(JSONObjectValidator.isObject) else {
            throw RecordRegisterError("a record's body must be a JSON object in UTF-8")
        }
        if kind.id.isEmpty || kind.prefix.isEmpty {
            throw RecordRegisterError("a record needs a kind with an id and a prefix")
        }
    }
}

/// One kept version of a record, as the register returns it.
public struct RecordVersion: Sendable, Hashable, Codable {
    public var id: String
    /// The id of its ``RecordKind``: `decision`.
    public var kind: String
    /// 1 for the record as first kept, then 2, 3, …
    public var version: Int
    public var title: String
    public var author: String
    public var status: String
    public var reviewBy: CalendarDate?
    public var tags: [String]
    public var attributes: [String]
    /// The JSON object the draft carried.
    public var body: Data
    /// When the record's first version was kept.
    public var created: Date
    /// When this version was kept.
    public var updated: Date
    /// The lifecycle step this version records (a review, a sign-off, …); nil for a version that
    /// changed the record's content.
    public var step: LifecycleStep? = nil

    public init(
        id: String, kind: String, version: Int, title: String, author: String, status: String,
        reviewBy: CalendarDate?, tags: [String], attributes: [String], body: Data, created: Date, updated: Date,
        step: LifecycleStep? = nil
    ) {
        self.id = id
        self.kind = kind
        self.version = version
        self.title = title
        self.author = author
        self.status = status
        self.reviewBy = reviewBy
        self.tags = tags
        self.attributes = attributes
        self.body = body
        self.created = created
        self.updated = updated
        self.step = step
    }

    /// This version, by id and version number.
    public var reference: RecordReference {
        RecordReference(id: id, version: version)
    }

    /// The body decoded as `type`.
    public func decodeBody<T: Decodable>(as type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: body)
    }

    /// Whether `draft` would keep what this version already holds: the same title, tags,
    /// attributes and content, and review date unless `ignoringReviewDate` (where the plugin
    /// sets it from today), whatever its status and author. A plugin that keeps a file in the
    /// register asks this before keeping it again: a version is a milestone, and content a
    /// board signed off stays signed off until it changes.
    public func holdsTheContent(of draft: RecordDraft, ignoringReviewDate: Bool = false) -> Bool {
        title == draft.title && (ignoringReviewDate || reviewBy == draft.reviewBy) && tags == draft.tags
            && attributes == draft.attributes && body == draft.body
    }
}

/// A relation between two records.
public struct RecordLink: Sendable, Hashable, Codable {
    public enum Relation: String, Sendable, Hashable, Codable, CaseIterable {
        /// `from` rests on `to` as evidence: a decision cites the canvas that informed it.
        case cites
        /// `from` replaces `to`, which is superseded (`records supersede OLD --by NEW`).
        case supersedes
    }

    public var from: String
    public var to: String
    public var relation: Relation

    public init(from: String, to: String, relation: Relation) {
        self.from = from
        self.to = to
        self.relation = relation
    }
}
