import EthicsCore
// Its enums say Codable here and YAMLStringEnum in CanvasRecords.swift: the YAML reading of an
// enum (YAMLStringEnum's init(from:)) must be visible here to be the one Codable uses.
import EthicsYAML

/// A project's canvas (or self-assessment): the team's own file, filled in over time and
/// reviewed at milestones. Areas, answers and actions are kept in the order written so the
/// file diffs cleanly from one review to the next.
struct Canvas: Sendable, Hashable {
    var template: String
    var templateVersion: String
    var title: String
    /// The ODI app's id for the canvas; kept so an exported file is the same canvas to the app.
    var uuid: String?
    var created: CalendarDate
    var updated: CalendarDate
    var reviewBy: CalendarDate?
    /// The register's id for this canvas, once `record` has kept a version of it.
    var record: String?
    var areas: [CanvasArea]
    var actions: [CanvasAction]
    /// What the ODI file held that the toolkit does not model (key order, unknown fields).
    var odi: ODIPassthrough?

    func area(_ id: String) -> CanvasArea? {
        areas.first { $0.id == id }
    }

    /// The entry for area `id`, created in template order if the file did not have it yet.
    mutating func withArea(_ id: String, in template: CanvasTemplate, _ change: (inout CanvasArea) -> Void) {
        if let index = areas.firstIndex(where: { $0.id == id }) {
            change(&areas[index])
            return
        }
        var area = CanvasArea(id: id)
        change(&area)
        let order = template.areas.map(\.id)
        let position = order.firstIndex(of: id) ?? order.count
        let insertAt = areas.firstIndex { (order.firstIndex(of: $0.id) ?? order.count) > position } ?? areas.count
        areas.insert(area, at: insertAt)
    }
}

/// One area of a canvas as the team has filled it in.
struct CanvasArea: Sendable, Hashable {
    var id: String
    var status: AreaStatus?
    /// 0 to 5, for a scored area (a framework principle).
    var score: Int?
    var notes: String?
    /// Answers by question id, in the order written.
    var answers: [Answer] = []
    var odi: ODIPassthrough?

    init(id: String, status: AreaStatus? = nil, score: Int? = nil, notes: String? = nil, answers: [Answer] = [], odi: ODIPassthrough? = nil) {
        self.id = id
        self.status = status
        self.score = score
        self.notes = notes
        self.answers = answers
        self.odi = odi
    }

    struct Answer: Sendable, Hashable {
        var question: String
        var text: String
    }

    func answer(_ question: String) -> String? {
        answers.first { $0.question == question }?.text
    }

    mutating func setAnswer(_ question: String, _ text: String?) {
        let index = answers.firstIndex { $0.question == question }
        switch (index, text) {
        case (let index?, let text?): answers[index].text = text
        case (let index?, nil): answers.remove(at: index)
        case (nil, let text?): answers.append(Answer(question: question, text: text))
        case (nil, nil): break
        }
    }
}

/// Where an area stands, in the ODI app's words.
enum AreaStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case inProgress = "IN_PROGRESS"
    case forReview = "FOR_REVIEW"
    case complete = "COMPLETE"

    var label: String {
        switch self {
        case .inProgress: "in progress"
        case .forReview: "for review"
        case .complete: "complete"
        }
    }
}

/// An action or decision the team takes away from the canvas.
struct CanvasAction: Sendable, Hashable, Codable {
    enum Priority: String, Sendable, Hashable, CaseIterable, Codable {
        case high = "HIGH", medium = "MEDIUM", low = "LOW"
    }

    enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case action, decision
    }

    var title: String
    var description: String?
    var priority: Priority?
    var owner: String?
    /// The id of the area it came from.
    var area: String?
    var type: Kind
}
