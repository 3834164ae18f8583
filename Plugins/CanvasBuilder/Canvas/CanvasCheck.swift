import EthicsCore
import Foundation

/// How complete a canvas is, area by area and group by group, and what stands in the way of
/// bringing it to the ethics board: unanswered questions, unscored principles, actions without
/// an owner or priority, and a review date that has passed.
struct CanvasCheck: Sendable {
    struct AreaResult: Sendable {
        var area: CanvasTemplate.Area
        var status: AreaStatus?
        var answered: Int
        var unanswered: [CanvasTemplate.Question]
        var needsScore: Bool
        /// Complete when marked COMPLETE, every question is answered and any score is given.
        var isComplete: Bool { status == .complete && unanswered.isEmpty && !needsScore }
    }

    struct GroupResult: Sendable {
        var group: CanvasTemplate.Group
        var areas: [AreaResult]
        var complete: Int { areas.filter(\.isComplete).count }
        var isComplete: Bool { complete == areas.count }
    }

    var groups: [GroupResult]
    /// Actions (by position, 1-based) that lack an owner or a priority, with what is missing.
    var incompleteActions: [(number: Int, action: CanvasAction, missing: [String])]
    var reviewBy: CalendarDate?
    var today: CalendarDate

    init(canvas: Canvas, template: CanvasTemplate, today: CalendarDate) {
        groups = template.groups.map { group in
            GroupResult(group: group, areas: group.areas.map { area in
                let entry = canvas.area(area.id)
                let unanswered = area.questions.filter { question in
                    Self.isAnswered(question, in: entry, area: area, canvas: canvas) == false
                }
                return AreaResult(
                    area: area, status: entry?.status, answered: area.questions.count - unanswered.count,
                    unanswered: unanswered, needsScore: area.scored && entry?.score == nil)
            })
        }
        incompleteActions = canvas.actions.enumerated().compactMap { index, action in
            var missing: [String] = []
            if (action.owner ?? "").isEmpty { missing.append("owner") }
            if action.priority == nil { missing.append("priority") }
            return missing.isEmpty ? nil : (index + 1, action, missing)
        }
        reviewBy = canvas.reviewBy
        self.today = today
    }

    /// A question is answered by a non-empty answer; the ODI canvas's "what will you do next?" is
    /// answered by the canvas's actions. The grid and the report both ask this, so they agree.
    static func isAnswered(_ question: CanvasTemplate.Question, in entry: CanvasArea?, area: CanvasTemplate.Area, canvas: Canvas) -> Bool {
        if let text = entry?.answer(question.id), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return true }
        if question.odi?.form == .actions, !canvas.actions.isEmpty { return true }
        return false
    }

    var areas: [AreaResult] { groups.flatMap(\.areas) }

    var reviewOverdue: Bool { reviewBy.map { $0 < today } ?? false }

    var isComplete: Bool {
        groups.allSatisfy(\.isComplete) && incompleteActions.isEmpty && reviewBy != nil && !reviewOverdue
    }

    /// What stands in the way, in a few words ("3 areas to finish, no review date"); empty when
    /// the canvas is complete.
    var whatIsLeft: [String] {
        var left: [String] = []
        let unfinished = areas.filter { !$0.isComplete }.count
        if unfinished > 0 { left.append(CanvasBuilderPlugin.areasToFinish(unfinished)) }
        if !incompleteActions.isEmpty {
            left.append("\(incompleteActions.count) action\(incompleteActions.count == 1 ? "" : "s") without an owner or priority")
        }
        if reviewBy == nil { left.append("no review date") } else if reviewOverdue { left.append("a review date that has passed") }
        return left
    }
}
