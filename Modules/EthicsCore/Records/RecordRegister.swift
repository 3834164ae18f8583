public import Foundation

/// What plugins see of the register: where decisions, canvases and assessments are kept as
/// immutable versions, linked to each other, with every write journalled.
///
/// Plugins receive it in their `PluginContext` and never open a database themselves. The host's
/// register (EthicsRecords) keeps everything in SQLite with a hash-chained journal;
/// `InMemoryRecordRegister` is the deterministic stand-in for tests.
public protocol RecordRegister: Sendable {
    /// Keeps a new record as its version 1 and returns it, with the id the register gave it.
    func record(_ draft: RecordDraft) throws -> RecordVersion

    /// Keeps `draft` as the next version of record `id`; earlier versions are never changed.
    /// The draft's kind must be the record's kind.
    func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion

    /// Version `version` of record `id`, or its latest version when `version` is nil; nil when
    /// there is no such record or version.
    func fetch(_ id: String, version: Int?) throws -> RecordVersion?

    /// Records that `from` relates to `to` (a decision cites the canvas that informed it).
    /// Linking the same pair twice in the same way changes nothing.
    func link(from: String, to: String, _ relation: RecordLink.Relation) throws

    /// The links that start or end at record `id`, oldest first.
    func links(of id: String) throws -> [RecordLink]

    /// Every version of record `id`, oldest first; empty when there is no such record.
    func history(of id: String) throws -> [RecordVersion]

    /// The latest version of each record of `kind` (of every kind when nil), oldest record first.
    /// Listing never creates a register that does not exist yet.
    func latestVersions(kind: RecordKind?) throws -> [RecordVersion]
}

extension RecordRegister {
    /// The latest version of record `id`.
    public func fetch(_ id: String) throws -> RecordVersion? {
        try fetch(id, version: nil)
    }
}

/// The kinds of record the register keeps.
public enum RecordKind: String, Codable, Sendable, Hashable, CaseIterable {
    case decision
    case canvas
    case assessment

    /// The first part of the ids of records of this kind: `dec-2026-0001`.
    public var idPrefix: String {
        switch self {
        case .decision: "dec"
        case .canvas: "can"
        case .assessment: "asm"
        }
    }

    /// The readable, stable id of the `serial`th record of this kind created in `year`:
    /// the kind's prefix, the year and a serial of at least four digits (`can-2026-0012`).
    public func recordID(year: Int, serial: Int) -> String {
        let digits = String(serial)
        return "\(idPrefix)-\(year)-\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits)"
    }
}

/// Why a record version cannot be kept or found: bad input from the caller or the user.
public struct RecordRegisterError: Error, Sendable, CustomStringConvertible, Equatable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
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

    /// Checks what every register refuses: an empty title or author, a NUL character (SQLite's
    /// text ends at one, so the record would be kept cut short), and a body that is not a JSON object.
    public func validate() throws(RecordRegisterError) {
        if title.allSatisfy(\.isWhitespace) {
            throw RecordRegisterError("a record needs a title")
        }
        if author.allSatisfy(\.isWhitespace) {
            throw RecordRegisterError("a record needs an author")
        }
        for (name, text) in [("title", title), ("author", author), ("status", status)] where text.utf8.contains(0) {
            throw RecordRegisterError("a record's \(name) must not contain a NUL character")
        }
        guard body.withUnsafeBytes(JSONObjectValidator.isObject) else {
            throw RecordRegisterError("a record's body must be a JSON object in UTF-8")
        }
    }
}

/// One kept version of a record, as the register returns it.
public struct RecordVersion: Sendable, Hashable, Codable {
    public var id: String
    public var kind: RecordKind
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

    public init(
        id: String, kind: RecordKind, version: Int, title: String, author: String, status: String,
        reviewBy: CalendarDate?, tags: [String], attributes: [String], body: Data, created: Date, updated: Date
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
    }

    /// The body decoded as `type`.
    public func decodeBody<T: Decodable>(as type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: body)
    }
}

/// A relation between two records.
public struct RecordLink: Sendable, Hashable, Codable {
    public enum Relation: String, Sendable, Hashable, Codable, CaseIterable {
        /// `from` rests on `to` as evidence: a decision cites the canvas that informed it.
        case cites
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
