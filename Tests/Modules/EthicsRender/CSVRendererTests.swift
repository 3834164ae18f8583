import EthicsCore
import EthicsRender
import Testing

@Suite("CSV renderer")
struct CSVRendererTests {
    private func render(_ blocks: [Block]) throws -> String {
        try Renderer().render(Document(title: "Title", blocks: blocks), as: .csv)
    }

    @Test("fields with commas, quotes or line breaks are quoted, and records end with CRLF")
    func quoting() throws {
        let csv = try render([
            .table(Table(
                header: ["plain", "comma"],
                rows: [["a, b", #"say "hi""#, "line\nbreak"], [.init(["x", .lineBreak, "y"])]])),
        ])
        #expect(csv == "plain,comma,\r\n\"a, b\",\"say \"\"hi\"\"\",\"line\nbreak\"\r\n\"x\ny\",,\r\n")
    }

    @Test("hostile text is quoted where it must be and otherwise left alone")
    func hostileText() throws {
        let csv = try render([.table(Table(header: [.init([.text(Samples.hostile)])], rows: []))])
        #expect(csv == "\"<script>alert(\"\"x\"\" & 'y')</script> | *bold* _u_ `tick` #1, \"\"q\"\", a\\b\"\r\n")
    }

    @Test("one table is just its header and rows; several get a caption record and a blank line")
    func severalTables() throws {
        let one = Table(caption: ["First"], header: ["A"], rows: [["1"]])
        let two = Table(header: ["B"], rows: [["2"]])
        #expect(try render([.table(one)]) == "A\r\n1\r\n")
        #expect(try render([.table(one), .callout(.note, title: [], [.table(two)])])
            == "First\r\nA\r\n1\r\n\r\nTable 2\r\nB\r\n2\r\n")
    }

    @Test("heatmap cells print their intensity")
    func heatmap() throws {
        #expect(try render([.table(Samples.heatmap)]) == "Code,Nolan,BCS\r\nNolan,1.00,0.25\r\nBCS,3 of 4,1.00\r\n")
    }

    @Test("links keep their address in plain text")
    func links() throws {
        let csv = try render([.table(Table(header: [.init([.link("guide", url: "https://example.org")])], rows: []))])
        #expect(csv == "guide (https://example.org)\r\n")
    }

    @Test(
        "fields a spreadsheet would run as a formula are neutralised; numbers are not",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("+1+2", "'+1+2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("-2+3", "'-2+3"),
            ("-0.5", "-0.5"),
            ("+3", "+3"),
            ("a=b", "a=b"),
        ])
    func formulas(field: String, expected: String) throws {
        #expect(try render([.table(Table(header: [.init([.text(field)])], rows: []))]) == expected + "\r\n")
    }

    @Test("a document without a table cannot be written as CSV")
    func noTable() throws {
        let error = try #require(throws: RenderError.self) {
            try Renderer().render(Document(title: "Notes", blocks: [.paragraph("No table here.")]), as: .csv)
        }
        #expect(error.format == .csv)
        #expect(error.message
            == "'Notes' has no table, so it cannot be written as csv; choose one of text, markdown, html, json, odt, docx")
    }
}
