import EthicsCore
import EthicsRender
import Testing

@Suite("Text renderer")
struct TextRendererTests {
    private func render(_ blocks: [Block], width: Int = 80) throws -> String {
        try Renderer(textWidth: width).render(Document(title: "Title", blocks: blocks), as: .text)
    }

    @Test("the title and headings are underlined to their length")
    func headings() throws {
        let text = try render([
            .heading(level: 2, "Path taken"),
            .heading(level: 3, "Facts"),
            .heading(level: 1, "Clamped to a section"),
        ])
        #expect(text == """
            Title
            =====

            Path taken
            ----------

            Facts
            ~~~~~

            Clamped to a section
            --------------------

            """)
    }

    @Test("lists use dashes and right-aligned numbers, with nested content indented")
    func lists() throws {
        let text = try render([
            .list(.unordered, items: [[.paragraph("one"), .list(.ordered, ["a", "b"])], [.paragraph("two")]]),
            .list(.ordered, (1...10).map { "item \($0)" }),
        ])
        #expect(text.contains("""
            - one

              1. a
              2. b

            - two
            """))
        #expect(text.contains(" 9. item 9\n10. item 10\n"))
    }

    @Test("tables are drawn as aligned ASCII columns with the caption above")
    func table() throws {
        let text = try render([
            .table(Table(
                caption: ["Lenses"],
                header: ["Lens", "Score"],
                rows: [["Rights", "3"], ["Utilitarian", "10"]],
                alignments: [.left, .right])),
        ])
        #expect(text.hasSuffix("""
            Lenses
            +-------------+-------+
            | Lens        | Score |
            +=============+=======+
            | Rights      |     3 |
            | Utilitarian |    10 |
            +-------------+-------+

            """))
    }

    @Test("a table too wide for the terminal wraps its cells and keeps within the width")
    func wideTable() throws {
        let long = String(repeating: "consent ", count: 20)
        let table = Table(header: ["Lens", "Finding"], rows: [["Rights", "\(long)"], ["Care", "ok"]])
        let text = try render([.table(table)], width: 40)
        let tableLines = text.split(separator: "\n").filter { $0.hasPrefix("|") || $0.hasPrefix("+") }
        #expect(tableLines.count > 6, "the long cell wraps onto several lines")
        #expect(tableLines.allSatisfy { $0.count <= 40 })
        #expect(Set(tableLines.map(\.count)).count == 1, "every line of the table has the same width")
    }

    @Test("a word longer than the line (a journal head) is printed whole, on a line of its own; a table cell still splits it")
    func longWordsStayWhole() throws {
        let head = "13:" + String(repeating: "b4de", count: 16)
        let document = Document(title: "Register verification", metadata: [.init("Journal head", head)])
        let text = try Renderer(textWidth: 60).render(document, as: .text)
        let lines = text.split(separator: "\n")
        #expect(lines.contains("Journal head: \(head)"), "\(text)")
        let table = try render([.table(Table(header: ["Head"], rows: [[Table.Cell(stringLiteral: head)]]))], width: 40)
        let tableLines = table.split(separator: "\n").filter { $0.hasPrefix("|") || $0.hasPrefix("+") }
        #expect(tableLines.allSatisfy { $0.count <= 40 }, "\(table)")
    }

    @Test("an id up to 32 characters keeps its column whole when the table must narrow")
    func idsStayWhole() throws {
        let id = "equality-impact-assessment"
        let table = try render([.table(Table(
            header: ["Id", "Title", "Kind"],
            rows: [[Table.Cell([.code(id)]), "Equality impact assessment, with a title long enough to wrap", "canvas"]]))], width: 60)
        #expect(table.contains("| \(id) |"), "\(table)")
        let longer = String(repeating: "x", count: 33)
        let broken = try render([.table(Table(header: ["Id", "Title"], rows: [[Table.Cell([.code(longer)]), "A title"]]))], width: 30)
        #expect(!broken.contains(longer), "a word over 32 characters is still broken: \(broken)")
    }

    @Test("heatmap cells print their intensity")
    func heatmap() throws {
        let text = try render([.table(Samples.heatmap)])
        #expect(text.contains("| Nolan |   1.00 | 0.25 |"))
        #expect(text.contains("| BCS   | 3 of 4 | 1.00 |"), "a cell with content states its value itself")
    }

    @Test("paragraphs wrap at the width and an overlong word keeps a line of its own, whole")
    func wrapping() throws {
        let paragraph = "the quick brown fox jumps over the lazy dog " + String(repeating: "x", count: 45) + " end"
        let text = try render([.paragraph(paragraph)], width: 20)
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).map(String.init)
        #expect(body == [
            "the quick brown fox", "jumps over the lazy", "dog", String(repeating: "x", count: 45), "end", "",
        ])
    }

    @Test("hostile text is printed literally and no colour codes are emitted")
    func literalText() throws {
        let text = try render([.paragraph([.text(Samples.hostile), .strong("bold")]), .table(Samples.heatmap)])
        #expect(text.contains(Samples.hostile + "bold"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test("quotes, callouts, code and graphs are set apart in plain text")
    func otherBlocks() throws {
        let text = try render([
            .quote([.paragraph("quoted")]),
            .callout(.warning, title: "Check", "Review."),
            .code("let x = 1\n", language: "swift"),
            .graph(Graph(nodes: [.init(id: "a", label: "Start"), .init(id: "z", label: "Alone")],
                         edges: [.init(from: "a", to: "b", label: "yes")])),
            .definitions([.init("Term", "Meaning.")]),
        ])
        #expect(text.contains("> quoted\n"))
        #expect(text.contains("| WARNING: Check\n|\n| Review.\n"))
        #expect(text.contains("\n    let x = 1\n\n"))
        #expect(text.contains("- Start -> b (yes)\n- Alone\n"))
        #expect(text.contains("Term\n    Meaning.\n"))
    }
}
