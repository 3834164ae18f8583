import Foundation
import EthicsCore

/// The canvas as a document: first the grid the team sees on screen (one column per group, one
/// cell per area with its status and how many questions are answered), then the readable report
/// a board reads or prints (each group and area with its questions and answers, then the actions,
/// then where the template comes from and its licence).
struct CanvasDocument {
    var canvas: Canvas
    var template: CanvasTemplate
    var check: CanvasCheck

    var document: Document {
        var metadata: [Document.MetadataEntry] = [
            .init("Template", "\(template.title) (\(template.id) \(canvas.templateVersion))"),
            .init("Started", canvas.created.description),
            .init("Updated", canvas.updated.description),
            .init("Review by", canvas.reviewBy?.description ?? "not set"),
        ]
        if let record = canvas.record { metadata.append(.init("Register record", record)) }
        var document = Document(title: canvas.title, subtitle: template.title, metadata: metadata)
        document.append(.heading(level: 2, "The canvas at a glance", anchor: "grid"))
        document.append(.table(grid))
        if !template.scale.isEmpty && template.areas.contains(where: \.scored) {
            document.append(.heading(level: 2, "What the scores mean", anchor: "scale"))
            document.append(.table(Table(
                caption: [.text("Scores 0 to 5 for each principle")], header: ["Score", "Meaning"],
                rows: template.scale.map { ["\($0.score)", Table.Cell([.text($0.meaning)])] }, alignments: [.right, .left])))
        }
        for group in template.groups {
            document.append(.heading(level: 2, group.title, anchor: "group-\(group.id)"))
            if let summary = group.summary { document.append(.paragraph(summary)) }
            for area in group.areas {
                document.append(contentsOf: section(for: area))
            }
        }
        document.append(.heading(level: 2, "Actions and decisions", anchor: "actions"))
        document.append(contentsOf: ActionsTable.blocks(canvas.actions, template: template))
        document.append(.heading(level: 2, "Source and licence", anchor: "source"))
        document.append(.paragraph(template.provenance.citation))
        if let attribution = template.attribution { document.append(.paragraph(attribution)) }
        return document
    }

    /// Groups as columns, areas down each column, so the grid reads like the printed canvas.
    private var grid: Table {
        let depth = template.groups.map(\.areas.count).max() ?? 0
        let results = Dictionary(uniqueKeysWithValues: check.areas.map { ($0.area.id, $0) })
        let rows = (0..<depth).map { row in
            template.groups.map { group -> Table.Cell in
                guard row < group.areas.count, let result = results[group.areas[row].id] else { return Table.Cell([]) }
                return Table.Cell(cell(result))
            }
        }
        return Table(
            caption: [.text("\(canvas.title): each area's status and answered questions, by group")],
            header: template.groups.map { Table.Cell([.text($0.title)]) }, rows: rows)
    }

    private func cell(_ result: CanvasCheck.AreaResult) -> [Inline] {
        var inlines: [Inline] = [.link(result.area.title, url: "#area-\(result.area.id)"), .lineBreak]
        inlines.append(.text(result.status?.label ?? "not started"))
        if let score = canvas.area(result.area.id)?.score { inlines.append(.text(", score \(score) of 5")) }
        inlines.append(.lineBreak)
        inlines.append(.text("\(result.answered) of \(result.area.questions.count) answered"))
        return inlines
    }

    private func section(for area: CanvasTemplate.Area) -> [Block] {
        let entry = canvas.area(area.id)
        var blocks: [Block] = [.heading(level: 3, area.title, anchor: "area-\(area.id)")]
        var facts = "Status: \(entry?.status?.label ?? "not started")"
        if area.scored {
            let score = entry?.score
            facts += score.map { "; score \($0) of 5 (\(template.meaning(ofScore: $0) ?? ""))" } ?? "; not scored yet"
        }
        blocks.append(.paragraph(facts))
        if let summary = area.summary { blocks.append(.paragraph([.emphasis(summary)])) }
        blocks.append(.definitions(area.questions.map { question in
            let answer = entry?.answer(question.id).flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
            let details: [Block]
            if let answer {
                details = Block.freeText(answer)
            } else if CanvasCheck.isAnswered(question, in: entry, area: area, canvas: canvas) {
                let count = canvas.actions.count
                details = [.paragraph([.link("\(count) \(count == 1 ? "action or decision" : "actions and decisions"), listed under Actions and decisions", url: "#actions")])]
            } else {
                details = [.paragraph([.emphasis("Not answered yet.")])]
            }
            return Block.Definition(term: [.text(question.text)], details: details)
        }))
        if let notes = entry?.notes, !notes.isEmpty {
            blocks.append(.paragraph([.strong("Notes")]))
            blocks.append(contentsOf: Block.freeText(notes))
        }
        return blocks
    }
}

/// The actions and decisions as a table: what, which kind, priority, owner, area, detail.
enum ActionsTable {
    static func blocks(_ actions: [CanvasAction], template: CanvasTemplate) -> [Block] {
        guard !actions.isEmpty else { return [.paragraph("No actions or decisions recorded yet.")] }
        let rows = actions.map { action -> [Table.Cell] in
            [
                Table.Cell([.text(action.title)]),
                Table.Cell([.text(action.type.rawValue)]),
                Table.Cell([.text(action.priority?.rawValue ?? "not set")]),
                Table.Cell([.text(action.owner.flatMap { $0.isEmpty ? nil : $0 } ?? "not set")]),
                Table.Cell([.text(action.area.flatMap { template.area($0)?.title } ?? action.area ?? "")]),
                Table.Cell([.text(action.description ?? "")]),
            ]
        }
        return [.table(Table(
            caption: [.text("Actions and decisions, with priority, owner and area")],
            header: ["Title", "Type", "Priority", "Owner", "Area", "Description"], rows: rows))]
    }
}
