import EthicsCSV
import EthicsDiagnostics
import Testing

/// The CSV reader: what spreadsheets write, and every malformed file refused at its position.
@Suite struct CSVTableTests {
    func parse(_ text: String) throws(DiagnosticError) -> CSVTable {
        try CSVTable.parse(Array(text.utf8), file: "log.csv")
    }

    func texts(_ table: CSVTable) -> [[String]] {
        [table.header.fields.map(\.text)] + table.rows.map { $0.fields.map(\.text) }
    }

    /// The messages a bad file gives, as `file:line:column: message`.
    func failure(_ text: String) -> [String] {
        failure(Array(text.utf8))
    }

    func failure(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try CSVTable.parse(bytes, file: "log.csv")
            return []
        } catch {
            return error.diagnostics.map { "\($0.location?.description ?? "-"): \($0.message)" }
        }
    }

    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let table = try parse("title,summary\r\n\"Housing, repairs\",\"Said \"\"yes\"\"\r\nafter review\"\r\nParking,\r\n")
        #expect(texts(table) == [["title", "summary"], ["Housing, repairs", "Said \"yes\"\nafter review"], ["Parking", ""]])
        #expect(table.rows.map(\.line) == [2, 4])
        // A field's position is where it starts: the opening quote for a quoted field.
        #expect(table.rows[0].fields[1].location == SourceLocation(file: "log.csv", line: 2, column: 20))
        #expect(table.rows[1].fields[1].location == SourceLocation(file: "log.csv", line: 4, column: 9))
    }

    @Test func skipsTheByteOrderMarkBlankLinesAndEmptyRows() throws {
        let table = try parse("\u{FEFF}title,author\n\nA,B\n,\n\rC,D")
        #expect(texts(table) == [["title", "author"], ["A", "B"], ["C", "D"]])
        #expect(table.header.fields[0].location.column == 1)
        #expect(table.rows.map(\.line) == [3, 6])
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let table = try parse("title,author\nCafé façade,Zoë\n")
        #expect(table.rows[0].fields[1].location.column == 13)
    }

    @Test func aQuoteInsideAnUnquotedFieldIsKept() throws {
        #expect(texts(try parse("title\n5\" screens\n")) == [["title"], ["5\" screens"]])
    }

    @Test func refusesMalformedFilesAtThePlace() {
        #expect(failure("title,author\n\"Unclosed,B\n") == [
            "log.csv:2:1: this quoted field is never closed: the file ends inside it",
        ])
        #expect(failure("title,author\n\"Closed\" late,B\n") == [
            "log.csv:2:9: text follows the closing quote of a quoted field; the field should end here, with a comma or the end of the line",
        ])
        #expect(failure("title,author\nA,B,C\nD\nE,F\n") == [
            "log.csv:2:1: this row has 3 fields but the header row has 2",
            "log.csv:3:1: this row has 1 field but the header row has 2",
        ])
        #expect(failure("\n,,\n") == ["-: the file has no header row: the first line must name the columns"])
    }

    @Test func refusesTextThatIsNotUTF8OrHoldsControlCharactersAtTheFirstBadByte() {
        // "Café" as Windows-1252 writes it, which is what Excel's plain "CSV" format saves.
        var bytes = Array("\u{FEFF}title,author\nA,Caf".utf8)
        bytes += [0xE9] + Array(",B\n".utf8)
        #expect(failure(bytes) == [
            "log.csv:2:6: invalid UTF-8 sequence starting with byte 0xE9; save it from the spreadsheet as 'CSV UTF-8 (Comma delimited)'",
        ])
        #expect(failure(Array("title,author\rA,B\0\r".utf8)) == [
            "log.csv:2:4: this does not look like a text file (it contains a NUL byte); is it a binary file saved with a .csv name?",
        ])
        #expect(failure(Array("title\r\nA\u{1B}[2J\r\n".utf8)) == ["log.csv:2:2: control character U+001B is not allowed in CSV"])
    }

    @Test func rowsOfBlanksAreSkippedEvenBeforeTheHeader() throws {
        let table = try parse("  , \ntitle,author\n \t,\nA,B\n")
        #expect(texts(table) == [["title", "author"], ["A", "B"]])
        #expect(table.header.line == 2)
    }
}
