public import EthicsCore
import EthicsCSV
public import EthicsDiagnostics
import Foundation

/// A council's existing log of decisions (or canvases, or assessments) read from a spreadsheet's
/// CSV export into drafts the register keeps as new records, each remembering the file and line
/// it came from.
///
/// Every row is checked before anything is kept, and every problem is reported with its line and
/// column, so a log is fixed in one pass and imported whole or not at all.
///
/// Columns are matched by name, ignoring case, spaces, hyphens and underscores:
/// - `title` (required) and `author` (required unless a default author is given);
/// - `kind` (`decision`, `canvas` or `assessment`; the default kind when absent or empty);
/// - `status` (`recorded` when absent or empty);
/// - `review by` or `review date`: `YYYY-MM-DD`, or `DD/MM/YYYY` as UK spreadsheets write it;
/// - `tags`, and `attributes` (ids or names of the attributes of ethical practice), each a list
///   separated by semicolons or commas.
///
/// Every other column is kept in the record's content under its header, so nothing in the log is
/// lost: a council's own reference, the date the decision was made, its summary.
public struct RecordImport: Sendable {
    /// One row, ready to keep.
    public struct Entry: Sendable {
        public var line: Int
        public var draft: RecordDraft
    }

    /// What a row may leave out.
    public struct Defaults: Sendable {
        /// The kinds of record the compiled-in plugins keep, which a `kind` column may name.
        public var kinds: [RecordKind]
        /// The kind of a row that names none.
        public var kind: RecordKind
        public var author: String?
        public var status: String

        public init(kinds: [RecordKind], kind: RecordKind, author: String? = nil, status: String = "recorded") {
            self.kinds = kinds
            self.kind = kind
            self.author = author
            self.status = status
        }
    }

    /// The file as the user named it.
    public var file: String
    /// SHA-256 of the file's bytes: kept in the journal, so the register shows exactly which file
    /// each imported record came from, and the same file is not imported twice by mistake.
    public var sha256: String
    public var entries: [Entry]

    /// The journal topic of an import, whose payload names the file, its hash and the records made.
    public static let topic = "records.imported"

    /// Reads the log in `bytes` (the contents of `file`).
    /// - Throws: `DiagnosticError` listing every problem (at most 50), each at its line and column.
    public static func read(
        _ bytes: [UInt8], file: String, attributes: AttributeCatalog, defaults: Defaults
    ) throws(DiagnosticError) -> RecordImport {
        let table = try CSVTable.parse(bytes, file: file)
        var problems = DiagnosticCollector()
        let columns = Columns(header: table.header, rows: table.rows, defaults: defaults, problems: &problems)
        try problems.throwIfErrors()
        let sha256 = JournalEntry.sha256Hex(bytes)
        let source = (file as NSString).lastPathComponent
        let attributeIndex = AttributeIndex(attributes)
        var entries: [Entry] = []
        entries.reserveCapacity(table.rows.count)
        for row in table.rows {
            var reader = RowReader(row: row, columns: columns, defaults: defaults, attributes: attributeIndex)
            let draft = reader.draft(source: source, sha256: sha256)
            problems.append(contentsOf: reader.problems)
            if let draft { entries.append(Entry(line: row.line, draft: draft)) }
        }
        if problems.hasErrors { throw DiagnosticError(problems.diagnostics, limit: 50) }
        if entries.isEmpty {
            throw DiagnosticError.error("the file has a header row but no rows to import", file: file)
        }
        return RecordImport(file: file, sha256: sha256, entries: entries)
    }
}

/// The journal entry an import leaves: which file, which records.
public struct RecordsImported: Event, Hashable {
    public static let topic = RecordImport.topic
    /// The file's name, without its folder.
    public var file: String
    public var sha256: String
    public var count: Int
    /// The ids given, in the file's order.
    public var records: [String]

    public init(file: String, sha256: String, records: [String]) {
        self.file = file
        self.sha256 = sha256
        self.count = records.count
        self.records = records
    }
}

/// Which column holds what, found from the header row.
private struct Columns {
    enum Role {
        case title, author, kind, status, reviewBy, tags, attributes
    }

    var roles: [Role: Int] = [:]
    /// The other named columns, kept in the content under their header.
    var kept: [(index: Int, name: String)] = []

    static let aliases: [String: Role] = [
        "title": .title, "author": .author, "kind": .kind, "status": .status,
        "reviewby": .reviewBy, "reviewdate": .reviewBy, "tags": .tags, "attributes": .attributes,
    ]

    /// `Review-By` → `reviewby`: what two spellings of one column name share.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" _-\t".unicodeScalars.contains($0) })
    }

    /// The spreadsheet's name for the column at `index`: A, B, … Z, AA, AB, …
    static func letter(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            number = (number - 1) / 26
        }
        return String(letters)
    }

    init(header: CSVTable.Row, rows: [CSVTable.Row], defaults: RecordImport.Defaults, problems: inout DiagnosticCollector) {
        var seen: [String: Int] = [:]
        for (index, field) in header.fields.enumerated() {
            let name = RowReader.trimmed(field.text) ?? ""
            if name.isEmpty {
                if rows.contains(where: { !$0.fields[index].text.allSatisfy(\.isWhitespace) }) {
                    problems.append(.error(
                        "column \(Self.letter(index)) has values but no name; name it in the header row, or delete it",
                        at: field.location))
                }
                continue
            }
            let key = Self.key(name)
            if let first = seen[key] {
                problems.append(.error(
                    "the column '\(name)' appears twice (it is also column \(Self.letter(first))); give each column its own name",
                    at: field.location))
                continue
            }
            seen[key] = index
            if let role = Self.aliases[key] {
                if let other = roles[role] {
                    problems.append(.error(
                        "the columns '\(name)' and '\(header.fields[other].text)' (column \(Self.letter(other))) mean the same; keep one of them",
                        at: field.location))
                    continue
                }
                roles[role] = index
            } else {
                kept.append((index, name))
            }
        }
        let start = SourceLocation(file: header.fields[0].location.file, line: header.line, column: 1)
        if roles[.title] == nil {
            problems.append(.error(
                "the header row has no 'title' column; every record needs a title", at: start,
                suggestion: Suggestion.closest(to: "title", among: kept.map(\.name)).map { "rename the column '\($0)' to 'title'" }))
        }
        if roles[.author] == nil && defaults.author == nil {
            problems.append(.error(
                "the header row has no 'author' column; add one, or pass --author to name who is accountable for every row",
                at: start))
        }
    }
}

/// The attributes a cell may name, by id or by name, ignoring case.
private struct AttributeIndex {
    var byKey: [String: String] = [:]
    var ids: [String]

    init(_ catalog: AttributeCatalog) {
        ids = catalog.ids
        for attribute in catalog.attributes {
            byKey[attribute.id.lowercased()] = attribute.id
            byKey[attribute.name.lowercased()] = attribute.id
        }
    }
}

/// Turns one row into a draft, collecting what is wrong with it.
private struct RowReader {
    let row: CSVTable.Row
    let columns: Columns
    let defaults: RecordImport.Defaults
    let attributes: AttributeIndex
    var problems: [Diagnostic] = []

    func cell(_ role: Columns.Role) -> CSVTable.Field? {
        columns.roles[role].map { row.fields[$0] }
    }

    /// A cell's text on one line, its runs of spaces and line breaks made single spaces; nil when empty.
    func line(_ role: Columns.Role) -> String? {
        guard let text = cell(role)?.text else { return nil }
        return Self.singleLine(text)
    }

    /// `text` with its runs of white space (line breaks included) made single spaces and none at
    /// either end; nil when nothing else is left.
    static func singleLine(_ text: String) -> String? {
        // Most cells are already tidy, and are returned as they are without being split.
        var previousWasSpace = true
        var tidy = true
        for byte in text.utf8 {
            let isSpace = byte == UInt8(ascii: " ")
            if (isSpace && previousWasSpace) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t") || byte >= 0x80 {
                tidy = false
                break
            }
            previousWasSpace = isSpace
        }
        if tidy && !previousWasSpace { return text }
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    var rowStart: SourceLocation {
        SourceLocation(file: row.fields[0].location.file, line: row.line, column: 1)
    }

    mutating func draft(source: String, sha256: String) -> RecordDraft? {
        let title = line(.title)
        if title == nil {
            problems.append(.error("this row has no title; every record needs one", at: cell(.title)?.location ?? rowStart))
        } else if let title, let problem = RecordDraft.problem(withTitle: title) {
            // Said at the cell, with every other row's problems, not when the register refuses it.
            problems.append(.error(problem, at: cell(.title)?.location ?? rowStart))
        }
        let author = line(.author) ?? defaults.author
        if author == nil {
            problems.append(.error(
                "this row has no author; name who is accountable, or pass --author for rows that leave it empty",
                at: cell(.author)?.location ?? rowStart))
        }
        let kind = readKind()
        let status = readStatus()
        let reviewBy = readReviewBy()
        let tags = list(.tags)
        let attributeIDs = readAttributes()
        var fields: [(key: String, value: String)] = []
        for column in columns.kept {
            let text = row.fields[column.index].text
            if let trimmed = Self.trimmed(text) { fields.append((column.name, trimmed)) }
        }
        guard problems.isEmpty, let title, let author, let kind, let status else { return nil }
        let body = CanonicalJSON.object(json: [
            ("fields", CanonicalJSON.object(fields)),
            ("importedFrom", CanonicalJSON.object(json: [
                ("file", CanonicalJSON.string(source)), ("line", String(row.line)), ("sha256", CanonicalJSON.string(sha256)),
            ])),
        ])
        var allTags = tags
        if !allTags.contains("imported") { allTags.append("imported") }
        return RecordDraft(
            kind: kind, title: title, author: author, status: status, reviewBy: reviewBy,
            tags: allTags, attributes: attributeIDs, body: Data(body.utf8))
    }

    /// `text` without white space at either end, its line breaks kept; nil when nothing is left.
    static func trimmed(_ text: String) -> String? {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return nil }
        return String(text[first...last])
    }

    mutating func readKind() -> RecordKind? {
        guard let text = line(.kind), let field = cell(.kind) else { return defaults.kind }
        if let kind = defaults.kinds.first(where: { $0.id == text.lowercased() }) { return kind }
        let kinds = defaults.kinds.map(\.id).sorted()
        problems.append(.error(
            "'\(text)' is not a kind of record; write one of \(kinds.joined(separator: ", "))", at: field.location,
            suggestion: Suggestion.didYouMean(text.lowercased(), among: kinds)))
        return nil
    }

    /// The longest status a row may give: a status is a word or two that heads a column of the
    /// register's lists, not a note.
    static let maximumStatusLength = 40

    /// The row's status in lower case (the register's statuses are lower-case words, and a list
    /// filtered by `approved` should find a log's `Approved`), or the default when the cell is
    /// empty. The log's word is kept as its history has it (`approved`, `declined`), except a
    /// status that ends a record's life (`superseded`, `withdrawn`): the register keeps who ended
    /// it, why, and what replaced it, which a log's cell cannot say, so such a row is imported as
    /// it stood and ended after with the register's own command.
    mutating func readStatus() -> String? {
        guard let text = line(.status), let field = cell(.status) else { return defaults.status }
        let status = text.lowercased()
        if LifecycleStep.finalStatuses.contains(status), let step = LifecycleStep.Action.allCases.first(where: { $0.status == status }) {
            let command = step == .supersede ? "ethics records supersede ID --by REPLACEMENT" : "ethics records withdraw ID --reason TEXT"
            problems.append(.error(
                "'\(text)' ends a record's life, which the register records with who did it and why; import the row with the "
                    + "status it had before, then run '\(command)'",
                at: field.location))
            return nil
        }
        // Letters and digits in any script, spaces and a few marks: nothing invisible (a
        // zero-width space) and nothing that turns the text around (a right-to-left override).
        let marks: Set<Character> = [" ", "-", "_", "'", ".", "/", "(", ")", "&"]
        let rule = "a status is a word or two: letters, digits, spaces and - _ ' . / ( ) &, at most \(Self.maximumStatusLength) characters"
        if status.count > Self.maximumStatusLength {
            problems.append(.error(
                "\(rule); this one has \(status.count)", at: field.location,
                suggestion: "put notes in a column of their own: other columns are kept in the record"))
            return nil
        }
        if let stray = status.first(where: { !($0.isLetter || $0.isNumber || marks.contains($0)) }) {
            // Named by its code point: the character itself may be invisible, or turn the message around.
            let points = stray.unicodeScalars.map { scalar in
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
            problems.append(.error("\(rule); this one has \(points.joined(separator: " "))", at: field.location))
            return nil
        }
        return status
    }

    mutating func readReviewBy() -> CalendarDate? {
        guard let text = line(.reviewBy), let field = cell(.reviewBy) else { return nil }
        if let date = CalendarDate(text) ?? Self.britishDate(text) { return date }
        problems.append(.error(
            "'\(text)' is not a date; write it as YYYY-MM-DD (2027-03-31) or DD/MM/YYYY (31/03/2027)", at: field.location))
        return nil
    }

    /// `31/03/2027` or `1/4/2027`: day first, as UK spreadsheets write dates.
    static func britishDate(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    func list(_ role: Columns.Role) -> [String] {
        guard let text = cell(role)?.text else { return [] }
        var items: [String] = []
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "," }) {
            if let item = Self.singleLine(String(part)), !items.contains(item) { items.append(item) }
        }
        return items
    }

    mutating func readAttributes() -> [String] {
        guard let field = cell(.attributes) else { return [] }
        var ids: [String] = []
        for name in list(.attributes) {
            guard let id = attributes.byKey[name.lowercased()] else {
                problems.append(.error(
                    "'\(name)' is not one of the attributes of ethical practice (\(attributes.ids.joined(separator: ", ")))",
                    at: field.location, suggestion: Suggestion.didYouMean(name.lowercased(), among: attributes.ids)))
                continue
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }
}
