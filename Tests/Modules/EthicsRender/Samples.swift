import EthicsCore

/// Documents shared by the renderer tests: one realistic, one hostile.
enum Samples {
    /// Characters that are markup in at least one output format.
    static let hostile = #"<script>alert("x" & 'y')</script> | *bold* _u_ `tick` #1, "q", a\b"#

    /// A decision record, as the decision-flowchart plugin might build it.
    static let decisionRecord = Document(
        title: "Decision: publish parking data",
        subtitle: "Recorded by the decision flowchart",
        metadata: [
            .init("Author", "A. Officer"),
            .init("Date", "2025-03-14"),
        ],
        blocks: [
            .heading(level: 2, "Path taken", anchor: "path"),
            .list(.ordered, ["Recognise the issue", "Get the facts", "Evaluate the options"]),
            .heading(level: 2, "Lenses"),
            .table(Table(
                caption: ["How the options fare through each lens"],
                header: ["Lens", "Option A", "Option B"],
                rows: [
                    ["Rights", "Respects consent", "Needs a DPIA"],
                    ["Utilitarian", "Most benefit", "Less benefit"],
                ],
                hasRowHeaders: true)),
            .paragraph(["Outcome: ", .strong("publish"), " after a ", .termReference("DPIA", termID: "dpia"), "."]),
            .callout(.warning, title: "Check", "Review in six months."),
        ])

    /// A code matrix shown as a heatmap.
    static let heatmap = Table(
        caption: ["Overlap between codes"],
        header: ["Code", "Nolan", "BCS"],
        rows: [
            ["Nolan", Table.Cell(intensity: 1), Table.Cell(intensity: 0.25)],
            ["BCS", Table.Cell(["3 of 4"], intensity: 0.754), Table.Cell(intensity: 1)],
        ],
        alignments: [.left, .right, .right],
        hasRowHeaders: true)

    /// A graph whose ids and labels are hostile to Mermaid and DOT.
    static let awkwardGraph = Graph(
        title: #"Flow "one" <b>"#,
        direction: .leftRight,
        nodes: [
            .init(id: "end", label: #"Start "here" <b>"#, shape: .stadium, kind: "Start Node"),
            .init(id: "a-->b; x", label: "Is it {lawful}? [yes|no] #1 \\N", shape: .diamond),
            .init(id: "end", label: "duplicate id, ignored"),
        ],
        edges: [
            .init(from: "end", to: "a-->b; x", label: #"say "yes" | maybe"#),
            .init(from: "a-->b; x", to: "undeclared id"),
        ])

    /// One of every block and inline, nested where blocks nest, for round trips and traversals.
    static let everyBlock = Document(
        title: "Every block",
        subtitle: "For tests",
        metadata: [.init("Version", "1")],
        blocks: [
            .heading(level: 2, ["Heading ", .emphasis("em")], anchor: "top"),
            .paragraph([
                "Para ", .strong("strong"), " ", .code("code"), " ", .link("link", url: "https://example.org"),
                " ", .termReference("term", termID: "t"), .lineBreak, "after break",
            ]),
            .list(.unordered, items: [[.paragraph("item"), .list(.ordered, ["nested"])]]),
            .table(Table(
                caption: ["Caption"], header: ["Header"], rows: [["cell", Table.Cell(intensity: 0.5)]],
                alignments: [.center], hasRowHeaders: true)),
            .definitions([.init("Term", "Definition", anchor: "term-t")]),
            .quote([.paragraph("quoted")]),
            .code("let x = 1", language: "swift"),
            .graph(Graph(
                title: "G", nodes: [.init(id: "a", label: "A")], edges: [.init(from: "a", to: "b", label: "to b")])),
            .callout(.note, title: ["Callout title"], [.paragraph("callout body")]),
            .thematicBreak,
        ])
}
