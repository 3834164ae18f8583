import EthicsCore
import EthicsRender
import Foundation

// Test support only: writes a page of diagrams in the format given (html by default) to standard
// output, so the browser suite can check the inline SVG drawing in a real browser before any
// plugin draws one: a decision flow with a loop back and a self-loop, a wide left-to-right graph
// with long labels, and a heatmap table. Usage: ethics-render-sample [FORMAT]
let arguments = CommandLine.arguments
guard arguments.count <= 2, let format = OutputFormat(rawValue: arguments.count == 2 ? arguments[1] : "html") else {
    FileHandle.standardError.write(Data("usage: ethics-render-sample [html|markdown|text|json|mermaid|dot]\n".utf8))
    exit(2)
}

let flow = Graph(
    title: "The ethical decision-making flow",
    nodes: [
        .init(id: "start", label: "A proposal arrives", shape: .stadium),
        .init(id: "recognise", label: "Recognise the ethical issue", shape: .rounded, kind: "visited"),
        .init(id: "harm", label: "Could anyone be harmed, or treated unfairly?", shape: .diamond, kind: "question"),
        .init(id: "facts", label: "Get the facts: who is affected, what data, which law", shape: .rounded, kind: "visited"),
        .init(id: "lenses", label: "Evaluate the options through the five lenses", shape: .rounded),
        .init(id: "rights", label: "Rights"), .init(id: "justice", label: "Justice"),
        .init(id: "utilitarian", label: "Utilitarian"), .init(id: "common", label: "Common good"),
        .init(id: "virtue", label: "Virtue"),
        .init(id: "decide", label: "Decide and test: would you be happy to see it in the local paper?", shape: .diamond,
              kind: "question"),
        .init(id: "act", label: "Act, and record the decision", shape: .rounded),
        .init(id: "reflect", label: "Reflect at the review date", shape: .circle),
        .init(id: "end", label: "Done", shape: .stadium),
    ],
    edges: [
        .init(from: "start", to: "recognise"), .init(from: "recognise", to: "harm"),
        .init(from: "harm", to: "facts", label: "yes or unsure"), .init(from: "harm", to: "end", label: "no"),
        .init(from: "facts", to: "lenses"),
        .init(from: "lenses", to: "rights"), .init(from: "lenses", to: "justice"), .init(from: "lenses", to: "utilitarian"),
        .init(from: "lenses", to: "common"), .init(from: "lenses", to: "virtue"),
        .init(from: "rights", to: "decide"), .init(from: "justice", to: "decide"), .init(from: "utilitarian", to: "decide"),
        .init(from: "common", to: "decide"), .init(from: "virtue", to: "decide"),
        .init(from: "decide", to: "facts", label: "not yet: more facts"),
        .init(from: "decide", to: "act", label: "yes"), .init(from: "act", to: "reflect"),
        .init(from: "reflect", to: "reflect", label: "until reviewed"), .init(from: "reflect", to: "end"),
    ])

let codes = Graph(
    title: "How three codes meet the attribute of justice",
    direction: .leftRight,
    nodes: [
        .init(id: "nolan", label: "Seven Principles of Public Life"), .init(id: "bcs", label: "BCS Code of Conduct"),
        .init(id: "def", label: "UK Data Ethics Framework"), .init(id: "justice", label: "Justice", shape: .circle),
    ],
    edges: [
        .init(from: "nolan", to: "justice", label: "objectivity"), .init(from: "bcs", to: "justice", label: "1(c) without discrimination"),
        .init(from: "def", to: "justice", label: "fairness"),
    ])

let document = Document(
    title: "Diagrams in a published page",
    subtitle: "A sample for the browser suite",
    metadata: [.init("Purpose", "Checks inline SVG, its text version and a heatmap in a real browser")],
    blocks: [
        .heading(level: 2, "A decision flow"),
        .paragraph("The flow loops back for more facts until the test is passed."),
        .graph(flow),
        .heading(level: 2, "Codes and an attribute"),
        .graph(codes),
        .heading(level: 2, "A heatmap"),
        .table(Table(
            caption: ["Share of each code's clauses serving an attribute"],
            header: ["Code", "Beneficence", "Justice", "Explicability"],
            rows: [
                ["Nolan", Table.Cell(intensity: 0.29), Table.Cell(intensity: 0.43), Table.Cell(intensity: 0.57)],
                ["BCS", Table.Cell(intensity: 0.1), Table.Cell(intensity: 0.7), Table.Cell(intensity: 1)],
                ["DEF", Table.Cell(intensity: 0), Table.Cell(intensity: 0.85), Table.Cell(intensity: 0.6)],
            ],
            alignments: [.left, .right, .right, .right],
            hasRowHeaders: true)),
    ])

do {
    FileHandle.standardOutput.write(Data(try Renderer().render(document, as: format).utf8))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}
