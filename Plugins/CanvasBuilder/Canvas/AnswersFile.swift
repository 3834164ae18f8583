import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// Answers for `fill --answers FILE`, so a canvas can be filled from a script or a form:
///
/// ```yaml
/// review-by: 2027-03-01          # optional
/// areas:
///   sources:
///     status: FOR_REVIEW         # IN_PROGRESS, FOR_REVIEW or COMPLETE
///     notes: …
///     answers:
///       which-sources: …
///   transparency:
///     score: 3                   # scored areas only, 0 to 5
/// actions:                       # added; one with the same title as an existing action replaces it
///   - {title: …, priority: HIGH, owner: …, area: sources, type: action}
/// ```
///
/// Only what the file gives changes; a key left out keeps the canvas's value, and `null` clears it.
struct AnswersFile {
    struct Record: Decodable {
        var reviewBy: CalendarDate?
        var areas: YAMLNode?
        var actions: [ActionRecord]?

        enum CodingKeys: String, CodingKey {
            case reviewBy = "review-by", areas, actions
        }
    }

    /// Applies `path` to `canvas`, for `only` one area when given; returns the ids of the areas changed.
    static func apply(_ path: String, to canvas: inout Canvas, template: CanvasTemplate, only: String?) throws(DiagnosticError) -> [String] {
        let document = try YAMLParser.parse(file: path)
        guard let root = document.root else { throw .error("the answers file is empty", file: path) }
        var problems = DiagnosticCollector()
        // Collected, not thrown: a bad date or priority is reported together with an unknown
        // area or a score out of range further down, in one run.
        guard let record = YAMLDecoder().decode(Record.self, from: root, collectingInto: &problems) else {
            try problems.throwIfErrors()
            return []
        }
        var changed: [String] = []
        if root["review-by"] != nil { canvas.reviewBy = record.reviewBy }
        for (key, value) in record.areas?.entries ?? [] {
            let id = key.text ?? ""
            guard let area = CanvasFile.checkArea(id, at: key, template: template, keyPath: "areas", problems: &problems) else { continue }
            if let only, only != id { continue }
            var decoder = YAMLDecoder()
            decoder.keyPathPrefix = ["areas", id]
            guard let entry = decoder.decode(CanvasAreaRecord.self, from: value, collectingInto: &problems) else { continue }
            if let score = entry.score {
                CanvasFile.checkScore(score, for: area, at: value["score"] ?? value, template: template, problems: &problems)
            }
            let answers = CanvasFile.checkedAnswers(entry.answers, for: area, problems: &problems)
            canvas.withArea(id, in: template) { area in
                if value["status"] != nil { area.status = entry.status }
                if value["score"] != nil { area.score = entry.score }
                if value["notes"] != nil { area.notes = entry.notes }
                for (question, text) in answers { area.setAnswer(question, text) }
            }
            changed.append(id)
        }
        for (action, node) in zip(record.actions ?? [], root["actions"]?.elements ?? []) {
            if let area = action.area, !area.isEmpty {
                CanvasFile.checkArea(area, at: node["area"] ?? node, template: template, keyPath: "actions.area", problems: &problems)
            }
            let new = CanvasAction(
                title: action.title, description: action.description, priority: action.priority, owner: action.owner,
                area: action.area, type: action.type ?? .action)
            if let index = canvas.actions.firstIndex(where: { $0.title == action.title }) {
                canvas.actions[index] = new
            } else {
                canvas.actions.append(new)
            }
            if !changed.contains(ODIContent.actionsArea) && template.area(ODIContent.actionsArea) != nil { changed.append(ODIContent.actionsArea) }
        }
        try problems.throwIfErrors()
        return changed
    }
}
