import EthicsCore
import EthicsYAML

/// `render`: a flowchart as a diagram, and (in Markdown, HTML and text) each node in words, so
/// the chart reads without the picture too.
struct FlowchartDocument {
    let chart: Flowchart
    let attributes: AttributeCatalog

    var document: Document {
        var metadata = [Document.MetadataEntry("Flowchart", chart.id.value), .init("Version", chart.version)]
        if let provenance = chart.provenance { metadata.append(.init("Source", provenance.citation)) }
        var document = Document(title: chart.title, subtitle: chart.summary, metadata: metadata)
        document.append(.graph(FlowchartGraph.graph(of: chart)))
        if !chart.lenses.isEmpty {
            document.append(.heading(level: 2, "Lenses"))
            document.append(.definitions(chart.lenses.map { Block.Definition($0.name, $0.question) }))
        }
        document.append(.heading(level: 2, "Nodes"))
        document.append(.definitions(chart.nodes.map(definition)))
        if let notes = chart.provenance?.notes {
            document.append(.heading(level: 2, "Provenance"))
            document.append(.paragraph(notes))
        }
        return document
    }

    private func definition(of node: FlowNode) -> Block.Definition {
        var details: [Block] = [.paragraph([.emphasis(node.kind.noun + (node.step.map { ", step \($0)" } ?? "")), .text(". " + node.text)])]
        switch node.kind {
        case .question:
            details.append(.list(.unordered, paragraphs: (node.choices ?? []).map { choice in
                [.code(choice.id.value), .text(" \(choice.label) → "), .code(choice.next?.value ?? "")]
            }))
        case .checklist:
            details.append(.list(.unordered, paragraphs: (node.items ?? []).map { item in
                [.code(item.id.value), .text(" \(item.text)\(item.required ? " (required)" : "")")]
            }))
        case .outcome:
            if let verdict = node.verdict { details.append(.paragraph([.strong("Verdict: "), .text(verdict.label)])) }
            if let obligations = node.obligations, !obligations.isEmpty { details.append(.list(.unordered, obligations)) }
        case .prompt, .lensEvaluation:
            break
        }
        let names = node.attributes.compactMap { attributes[$0.value]?.name }
        if !names.isEmpty { details.append(.paragraph("Attributes: " + names.joined(separator: ", "))) }
        if !node.clauses.isEmpty {
            details.append(.paragraph([.text("Cites: ")] + node.clauses.map(\.value).enumerated().flatMap { offset, id in
                offset == 0 ? [Inline.code(id)] : [.text(", "), .code(id)]
            }))
        }
        return Block.Definition(term: [.code(node.id.value), .text(" " + node.name)], details: details)
    }
}
