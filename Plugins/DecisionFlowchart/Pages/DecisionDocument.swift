import EthicsCore

/// A decision record as people read it: the outcome and its obligations first, then the
/// rationale, the path with every answer and note, the options through the lenses, what the
/// decision engages, and (when the chart is at hand) the path drawn through the chart.
struct DecisionDocument {
    let id: String
    let version: Int
    let content: DecisionRecordContent
    let attributes: AttributeCatalog
    /// The chart the decision was reached with, to draw the path; nil when it is no longer configured.
    var chart: Flowchart?
    /// The register's version shown, when it is not the one the walk kept: its status (approved,
    /// superseded, withdrawn) and its review date (moved on by a review) are the register's now.
    var standing: RecordVersion? = nil

    var document: Document {
        let flowchart = content.flowchart
        var metadata: [Document.MetadataEntry] = [
            .init("Record", "\(id) (version \(version))"), .init("Author", content.author), .init("Date", content.date.description),
            .init("Council", content.council), .init("Flowchart", "\(flowchart.title) (\(flowchart.id), version \(flowchart.version))"),
            .init("Verdict", content.outcome.verdict.label),
        ]
        if let standing, standing.status != content.outcome.verdict.rawValue {
            metadata.append(.init("Status", standing.status))
        }
        if let reviewBy = standing.map(\.reviewBy) ?? content.outcome.reviewBy { metadata.append(.init("Review by", reviewBy.description)) }
        var document = Document(title: content.title, subtitle: "Decision record", metadata: metadata)
        document.record = RecordReference(id: id, version: version)

        let outcome = content.outcome
        let caution = outcome.verdict == .escalate || outcome.verdict == .doNotProceed
        document.append(.heading(level: 2, "Outcome"))
        document.append(.callout(caution ? .warning : .note, title: [.text(outcome.verdict.label)], Block.freeText(outcome.text)))
        if !outcome.obligations.isEmpty {
            document.append(.heading(level: 3, "Obligations"))
            document.append(.list(.ordered, outcome.obligations))
        }
        document.append(.heading(level: 2, "Rationale"))
        document.append(contentsOf: paragraphs(content.rationale))

        document.append(.heading(level: 2, "Path taken"))
        document.append(.list(.ordered, items: content.path.map(item)))

        for evaluation in content.evaluations {
            document.append(.heading(level: 2, "Options through the lenses"))
            document.append(.table(lensTable(evaluation)))
        }

        document.append(.heading(level: 2, "Attributes engaged"))
        let names = content.attributes.map { attributes[$0]?.name ?? $0 }
        document.append(names.isEmpty ? .paragraph("None named on this path.") : .list(.unordered, names))
        if !content.clauses.isEmpty {
            document.append(.heading(level: 2, "Clauses cited"))
            document.append(.list(.unordered, paragraphs: content.clauses.map { [.code($0)] }))
        }
        if let duties = content.duties, !duties.isEmpty {
            document.append(.heading(level: 2, "Professional duties engaged"))
            document.append(.table(Table(
                caption: ["Clauses of the professional codes this decision engages"],
                header: ["Clause", "Code", "Duty", "Why"],
                rows: duties.map { [Table.Cell([.code($0.clauseID)]), "\($0.code)", "\($0.title)", "\($0.reason)"] },
                hasRowHeaders: true)))
        }
        if !content.cites.isEmpty {
            document.append(.heading(level: 2, "Evidence cited"))
            document.append(.list(.unordered, paragraphs: content.cites.map { [.code($0)] }))
        }
        if let chart, chart.version != flowchart.version {
            // The record shows the questions as they were asked; the chart has changed since, so
            // its path is not drawn over a chart it was not walked through.
            document.append(.heading(level: 2, "The path through the flowchart"))
            document.append(.paragraph(
                "This decision was made with version \(flowchart.version) of the flowchart; it is now at version \(chart.version). "
                    + "The path above shows the questions as they were asked then."))
        } else if let chart {
            document.append(.heading(level: 2, "The path through the flowchart"))
            document.append(.paragraph("Nodes this decision passed are marked as visited."))
            document.append(.graph(FlowchartGraph.graph(of: chart, visited: Set(content.path.map(\.node)))))
        }
        if let source = flowchart.source {
            document.append(.heading(level: 2, "Provenance"))
            document.append(.paragraph("The flowchart draws on: \(source)."))
        }
        return document
    }

    private func item(_ step: DecisionRecordContent.PathStep) -> [Block] {
        var blocks: [Block] = [.paragraph([.strong(step.title), .text(" "), .code(step.node)] + (step.step.map { [.text(" (step \($0))")] } ?? []))]
        if step.title != step.asked { blocks.append(.paragraph([.emphasis(step.asked)])) }
        switch step.kind {
        case .prompt, .outcome:
            blocks.append(contentsOf: paragraphs(step.summary))
        default:
            blocks.append(.paragraph(step.summary))
        }
        if let note = step.answer.note, !note.isEmpty { blocks.append(.paragraph([.strong("Note: "), .text(note)])) }
        return blocks
    }

    /// Lenses down the side, options across, each cell the rating out of 5 and its note.
    private func lensTable(_ step: DecisionRecordContent.PathStep) -> Table {
        let options = step.answer.options ?? []
        let lenses = step.lenses ?? []
        let rows: [[Table.Cell]] = lenses.map { lens in
            [Table.Cell(stringLiteral: lens.name)] + options.map { option in
                guard let rating = option.ratings.first(where: { $0.lens == lens.id }) else { return "" }
                return Table.Cell([.strong("\(rating.rating)/5"), .text(" \(rating.note)")])
            }
        }
        // No total row: the ratings are read lens by lens, not summed or ranked.
        return Table(
            caption: [.text("\(step.title): each option rated from 1 (serves the lens badly) to 5 (serves it well), lens by lens; the ratings are not added up")],
            header: ["Lens"] + options.map { Table.Cell(stringLiteral: $0.name) },
            rows: rows, hasRowHeaders: true)
    }

    /// Text as the writer shaped it: paragraphs, lists and line breaks (see ``Block/freeText(_:)``).
    private func paragraphs(_ text: String) -> [Block] {
        Block.freeText(text)
    }
}

import Foundation
