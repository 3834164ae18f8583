public import EthicsDiagnostics

/// A comma-separated file read as a table: a header row, then rows with as many fields each,
/// every field keeping the line and column it starts at.
///
/// Councils keep their logs in spreadsheets, and a spreadsheet's "Save as CSV" is the one format
/// every one of them can produce; a message about a cell has to send the officer to that cell.
/// The CSV libraries on offer parse leniently and report no positions, so this reader is the
/// toolkit's own. It reads RFC 4180, and what spreadsheets write beside it:
///
/// - The text is screened as every text file is (`TextFile`): a UTF-8 byte order mark (Excel's
///   "CSV UTF-8") is skipped; any other encoding (Excel's plain "CSV" is Windows-1252) is refused
///   at the first byte that is not UTF-8, with the fix, and so are NUL and other control characters.
/// - Records end with CRLF, LF or CR. Quoted fields may hold commas, doubled quotes and line
///   breaks (kept as LF).
/// - Blank lines, and rows whose fields are all empty or blank (`,,,`, which spreadsheets write for
///   empty rows), are skipped.
/// - A quote inside an unquoted field is kept as it is, as spreadsheets read it.
public struct CSVTable: Sendable, Hashable {
    /// One cell: its text and where it starts (the opening quote, for a quoted field).
    public struct Field: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation

        public init(_ text: String, at location: SourceLocation) {
            self.text = text
            self.location = location
        }
    }

    /// One record of the file, with the line it starts on.
    public struct Row: Sendable, Hashable {
        public var fields: [Field]
        public var line: Int

        public init(fields: [Field], line: Int) {
            self.fields = fields
            self.line = line
        }
    }

    public var file: String
    public var header: Row
    public var rows: [Row]

    /// The largest file read: a log of some 170,000 decisions, and the limit YAML files have.
    public static let maxFileSize = 32 * 1024 * 1024

    /// Reads `bytes` (the contents of `file`) as a table.
    /// - Throws: `DiagnosticError` with a position for text that is not UTF-8 (or holds control
    ///   characters other than tab and line breaks), a quoted field that
    ///   is never closed or is followed by more text, a file with no header row, and every row
    ///   whose number of fields differs from the header's (at most 20 of those are listed).
    public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> CSVTable {
        var text = bytes
        try TextFile.screen(&text, file: file, as: .csv)
        var reader = Reader(bytes: text, file: file)
        var records: [Row] = []
        while let row = try reader.nextRow() {
            if row.fields.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) {
                records.append(row)
            }
        }
        guard let header = records.first else {
            throw DiagnosticError.error("the file has no header row: the first line must name the columns", file: file)
        }
        var problems = DiagnosticCollector()
        for row in records.dropFirst() where row.fields.count != header.fields.count {
            let counted = row.fields.count
            problems.append(.error(
                "this row has \(counted) field\(counted == 1 ? "" : "s") but the header row has \(header.fields.count)",
                at: SourceLocation(file: file, line: row.line, column: 1),
                suggestion: "a comma inside a cell's text needs the cell in double quotes"))
        }
        if problems.hasErrors { throw DiagnosticError(problems.diagnostics, limit: 20) }
        return CSVTable(file: file, header: header, rows: Array(records.dropFirst()))
    }
}

/// Walks the bytes one record at a time, counting lines and columns as it goes.
private struct Reader {
    let bytes: [UInt8]
    let file: String
    var index: Int
    var line = 1
    /// Where the current line starts, and a recent point on it whose column is known, so a
    /// column is counted from there rather than from the start of the line each time.
    var mark: (index: Int, column: Int)

    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        index = 0
        mark = (0, 1)
    }

    /// The column of `index` on the current line, counting characters (not bytes).
    mutating func column(at position: Int) -> Int {
        var column = mark.column
        for byte in bytes[mark.index..<position] where byte & 0xC0 != 0x80 {
            column += 1
        }
        mark = (position, column)
        return column
    }

    var here: SourceLocation {
        mutating get { SourceLocation(file: file, line: line, column: column(at: index)) }
    }

    /// Steps over a line break at `index` (CRLF, LF or CR) and starts counting a new line.
    mutating func consumeLineBreak() {
        if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed {
            index += 2
        } else {
            index += 1
        }
        line += 1
        mark = (index, 1)
    }

    func isFieldEnd(_ byte: UInt8) -> Bool {
        byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn
    }

    /// The text of `bytes[from..<to]`, already known to be UTF-8. (Decoding through a buffer
    /// rather than an array slice takes the standard library's fast path.)
    func text(from: Int, to: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }
    }

    mutating func nextRow() throws(DiagnosticError) -> CSVTable.Row? {
        guard index < bytes.count else { return nil }
        let rowLine = line
        var fields: [CSVTable.Field] = []
        while true {
            fields.append(try nextField())
            if index < bytes.count, bytes[index] == Self.comma {
                index += 1
                continue
            }
            if index < bytes.count { consumeLineBreak() }
            return CSVTable.Row(fields: fields, line: rowLine)
        }
    }

    mutating func nextField() throws(DiagnosticError) -> CSVTable.Field {
        let start = here
        guard index < bytes.count, bytes[index] == Self.quote else {
            let from = index
            while index < bytes.count, !isFieldEnd(bytes[index]) { index += 1 }
            return CSVTable.Field(text(from: from, to: index), at: start)
        }
        index += 1
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw DiagnosticError.error(
                    "this quoted field is never closed: the file ends inside it", at: start,
                    suggestion: "a double quote inside a quoted cell is written twice (\"\")")
            }
            let byte = bytes[index]
            if byte == Self.quote {
                if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                    text.append(Self.quote)
                    index += 2
                    continue
                }
                index += 1
                break
            }
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                text.append(Self.lineFeed)
                consumeLineBreak()
                continue
            }
            text.append(byte)
            index += 1
        }
        if index < bytes.count, !isFieldEnd(bytes[index]) {
            throw DiagnosticError.error(
                "text follows the closing quote of a quoted field; the field should end here, with a comma or the end of the line",
                at: here, suggestion: "a double quote inside a quoted cell is written twice (\"\")")
        }
        return CSVTable.Field(String(decoding: text, as: UTF8.self), at: start)
    }
}

extension TextFile.Format {
    /// CSV files, saved from a spreadsheet.
    public static let csv = TextFile.Format(
        name: "CSV", fileExtension: ".csv", saveAsUTF8: "save it from the spreadsheet as 'CSV UTF-8 (Comma delimited)'")
}
