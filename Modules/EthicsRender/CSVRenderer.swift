import EthicsCore

/// Writes a document's tables as comma-separated values (RFC 4180).
///
/// - Records end with CRLF, as RFC 4180 specifies and spreadsheets expect; line breaks inside a
///   field are kept as they are, inside the field's quotes.
/// - A field is quoted when it holds a comma, a double quote or a line break; quotes inside are
///   doubled.
/// - Rows shorter than the table are padded with empty fields, so every record has as many fields
///   as the table has columns.
/// - One table is written as its header and rows, ready to open in a spreadsheet. Several tables
///   are each preceded by a record holding only the caption and separated by an empty line.
/// - A field that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
///   a carriage return and is not a number) is prefixed with `'`, as OWASP recommends against CSV
///   injection: content comes from files anyone can write, and councils open exports in Excel.
enum CSVRenderer {
    static let lineEnding = "\r\n"

    static func render(_ document: Document) throws(RenderError) -> String {
        let tables = document.allTables
        guard !tables.isEmpty else { throw .nothingToRender(.csv, in: document) }
        let labelled = tables.count > 1
        var output = ""
        for (number, table) in zip(1..., tables) {
            if number > 1 { output += lineEnding }
            if labelled {
                let caption = PlainInlines.render(table.caption)
                appendRecord([caption.isEmpty ? "Table \(number)" : caption], to: &output)
            }
            let width = table.columnCount
            if !table.header.isEmpty {
                appendRecord(table.header.map(PlainInlines.render), width: width, to: &output)
            }
            for row in table.rows {
                appendRecord(row.map(PlainInlines.render), width: width, to: &output)
            }
        }
        return output
    }

    private static func appendRecord(_ fields: [String], width: Int = 0, to output: inout String) {
        for index in 0..<max(fields.count, width) {
            if index > 0 { output += "," }
            if index < fields.count { appendField(fields[index], to: &output) }
        }
        output += lineEnding
    }

    private static func appendField(_ field: String, to output: inout String) {
        let field = neutralisingFormula(field)
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            output += field
            return
        }
        output += "\""
        output.append(field) { $0 == UInt8(ascii: "\"") ? "\"\"" : nil }
        output += "\""
    }

    private static func neutralisingFormula(_ field: String) -> String {
        guard let first = field.utf8.first,
              [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"),
               UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(first),
              Double(field) == nil
        else { return field }
        return "'" + field
    }
}
