import EthicsCore
import EthicsRender
import Testing

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    private func render(_ blocks: [Block], title: String = "Title") throws -> String {
        try Renderer().render(Document(title: title, blocks: blocks), as: .markdown)
    }

    /// The rendered blocks, without the title line.
    private func body(_ blocks: [Block]) throws -> String {
        String(try render(blocks).dropFirst("# Title\n\n".count))
    }

    @Test("characters that are Markdown are escaped in text and titles")
    func escapesText() throws {
        let markdown = try render([.paragraph([.text(Samples.hostile)])], title: "A *starred* <title> #1")
        #expect(markdown == ##"""
            # A \*starred\* \<title\> \#1

            \<script\>alert("x" \& 'y')\</script\> \| \*bold\* \_u\_ \`tick\` \#1, "q", a\\b

            """##)
    }

    @Test(
        "markers that only count at the start of a line are escaped there",
        arguments: [
            ("- not a list", #"\- not a list"#),
            ("+ not a list", #"\+ not a list"#),
            ("1. not a list", #"1\. not a list"#),
            ("2023) not a list", #"2023\) not a list"#),
            ("=== not a heading", #"\=== not a heading"#),
            ("> not a quote", #"\> not a quote"#),
            ("    not code", "not code"),
            ("a - b + c = d 1. e", "a - b + c = d 1. e"),
        ])
    func escapesLineStarts(text: String, expected: String) throws {
        #expect(try body([.paragraph(text)]) == expected + "\n")
    }

    @Test("a forced line break is a backslash break, and the next line is escaped as a line start")
    func lineBreaks() throws {
        #expect(try body([.paragraph(["one", .lineBreak, "- two"])]) == "one\\\n\\- two\n")
    }

    @Test("tables are GitHub tables with pipes escaped, alignment and padded rows")
    func tables() throws {
        let markdown = try body([
            .table(Table(
                caption: ["Codes | clauses"],
                header: ["Code", "Clause"],
                rows: [["a|b", .init([.code("x|y"), .lineBreak, "next"])], ["short"]],
                alignments: [.left, .center])),
        ])
        #expect(markdown == #"""
            *Codes \| clauses*

            | Code | Clause |
            | --- | :-: |
            | a\|b | `x\|y`<br>next |
            | short |  |

            """#)
    }

    @Test("heatmap cells print their intensity")
    func heatmap() throws {
        let markdown = try body([.table(Samples.heatmap)])
        #expect(markdown.contains("| Nolan | 1.00 | 0.25 |"))
        #expect(markdown.contains("| BCS | 3 of 4 | 1.00 |"))
    }

    @Test("term references link to the glossary anchor and headings carry their anchors")
    func termReferences() throws {
        let markdown = try body([
            .heading(level: 2, "Data", anchor: "Term DPIA"),
            .paragraph(["Do a ", .termReference("DPIA", termID: "DPIA"), "."]),
        ])
        #expect(markdown == """
            ## <a id="term-dpia"></a>Data

            Do a [DPIA](#term-dpia).

            """)
    }

    @Test("links escape their destination and unsafe schemes are not linked")
    func links() throws {
        let markdown = try body([
            .paragraph([
                .link("guide", url: "https://example.org/a (b)?x=1&y=2"), " ",
                .link("click", url: "javascript:alert(1)"), " ",
                .link("also", url: " JaVa\tScRiPt:alert(1)"), " ",
                .link([.termReference("nested", termID: "n")], url: "https://example.org"),
            ]),
        ])
        #expect(markdown == #"""
            [guide](https://example.org/a%20\(b\)?x=1\&y=2) click also [nested](https://example.org)

            """#)
    }

    @Test("code spans and blocks use fences longer than any backquotes inside")
    func code() throws {
        let markdown = try body([
            .paragraph([.code("a `b` c"), " and ", .code("`")]),
            .code("```\ninside\n```", language: "yaml extra"),
        ])
        #expect(markdown == """
            ``a `b` c`` and `` ` ``

            ````yaml extra
            ```
            inside
            ```
            ````

            """)
    }

    @Test("emphasis keeps surrounding spaces outside its delimiters")
    func emphasisSpacing() throws {
        #expect(try body([.paragraph(["a", .emphasis([" b "]), "c", .strong([]), "d"])]) == "a *b* cd\n")
    }

    @Test("nested lists are indented to their markers and adjacent lists are kept apart")
    func lists() throws {
        let markdown = try body([
            .list(.unordered, items: [[.paragraph("one"), .list(.ordered, ["a", "b"])], [.paragraph("two")]]),
            .list(.unordered, ["next list"]),
        ])
        #expect(markdown == """
            - one

              1. a
              2. b

            - two

            <!-- -->

            - next list

            """)
    }

    @Test("callouts are GitHub alerts and quotes quote every line")
    func calloutsAndQuotes() throws {
        let markdown = try body([
            .callout(.warning, title: "Check", "Review in six months."),
            .quote([.paragraph("one"), .paragraph("two")]),
        ])
        #expect(markdown == """
            > [!WARNING]
            > **Check**
            >
            > Review in six months.

            > one
            >
            > two

            """)
    }

    @Test("graphs become fenced Mermaid blocks")
    func graphs() throws {
        let graph = Graph(nodes: [.init(id: "a", label: "A")], edges: [.init(from: "a", to: "b")])
        let markdown = try body([.graph(graph)])
        #expect(markdown == """
            ```mermaid
            flowchart TD
                n0["A"]
                n1["b"]
                n0 --> n1
            ```

            """)
    }

    @Test("the subtitle and metadata follow the title")
    func frontMatter() throws {
        let markdown = try Renderer().render(Samples.decisionRecord, as: .markdown)
        #expect(markdown.hasPrefix("""
            # Decision: publish parking data

            *Recorded by the decision flowchart*

            - **Author:** A. Officer
            - **Date:** 2025-03-14

            ## <a id="path"></a>Path taken
            """))
    }
}
