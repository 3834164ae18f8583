import EthicsYAML
import Foundation

/// What each kind of node accepts, and where an accepted answer leads: one set of rules for
/// answers files, terminals and resumed sessions alike.
enum AnswerRules {
    /// Checks `answer` at `node` and returns the id of the node that follows, or nil at an outcome.
    static func next(after answer: Answer, at node: FlowNode, in chart: Flowchart) throws(AnswerProblem) -> String? {
        switch node.kind {
        case .question:
            let choices = node.choices ?? []
            guard let id = answer.choice, let choice = choices.first(where: { $0.id.value == id }) else {
                throw AnswerProblem(
                    message: "'\(answer.choice ?? "")' is not a choice of question '\(node.id.value)'; the choices are \(choices.map { "'\($0.id.value)'" }.joined(separator: ", "))",
                    focus: .choice)
            }
            return choice.next?.value
        case .prompt:
            guard let text = answer.text, !text.allSatisfy(\.isWhitespace) else {
                throw AnswerProblem(message: "prompt '\(node.id.value)' needs a written answer")
            }
            return node.next?.value
        case .lensEvaluation:
            try check(answer.options ?? [], at: node, in: chart)
            return node.next?.value
        case .checklist:
            let items = node.items ?? []
            let checked = answer.checked ?? []
            var seen = Set<String>()
            for (offset, id) in checked.enumerated() {
                guard items.contains(where: { $0.id.value == id }) else {
                    throw AnswerProblem(
                        message: "'\(id)' is not an item of checklist '\(node.id.value)'; the items are \(items.map { "'\($0.id.value)'" }.joined(separator: ", "))",
                        focus: .item(offset))
                }
                guard seen.insert(id).inserted else {
                    throw AnswerProblem(message: "item '\(id)' is ticked twice", focus: .item(offset))
                }
            }
            let missing = items.filter { $0.required && !seen.contains($0.id.value) }
            guard missing.isEmpty else {
                guard let otherwise = node.otherwise else {
                    throw AnswerProblem(message: "checklist '\(node.id.value)' cannot go on unless \(missing.map { "'\($0.id.value)'" }.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") ticked")
                }
                return otherwise.value
            }
            return node.next?.value
        case .outcome:
            guard let text = answer.text, !text.allSatisfy(\.isWhitespace) else {
                throw AnswerProblem(message: "outcome '\(node.id.value)' needs the rationale for the decision: why this is the right outcome")
            }
            return nil
        }
    }

    /// Enough options, each named once and rated under every lens of the node, with a note.
    private static func check(_ options: [OptionAssessment], at node: FlowNode, in chart: Flowchart) throws(AnswerProblem) {
        let minimum = node.minOptions ?? FlowNode.defaultMinOptions
        guard options.count >= minimum else {
            throw AnswerProblem(message: "lens evaluation '\(node.id.value)' needs at least \(minimum) options, including keeping things as they are; \(options.count) given")
        }
        let lenses = chart.lenses(of: node).map(\.id.value)
        var names = Set<String>()
        for (offset, option) in options.enumerated() {
            let name = option.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw AnswerProblem(message: "an option needs a name", focus: .option(offset)) }
            guard names.insert(name.lowercased()).inserted else {
                throw AnswerProblem(message: "option '\(name)' is given twice", focus: .option(offset))
            }
            for rating in option.ratings {
                guard lenses.contains(rating.lens) else {
                    throw AnswerProblem(
                        message: "'\(rating.lens)' is not a lens of '\(node.id.value)'; its lenses are \(lenses.joined(separator: ", "))",
                        focus: .rating(option: offset, lens: rating.lens))
                }
                guard LensRating.scale.contains(rating.rating) else {
                    throw AnswerProblem(
                        message: "rate option '\(name)' under '\(rating.lens)' from 1 (serves it badly) to 5 (serves it well), not \(rating.rating)",
                        focus: .rating(option: offset, lens: rating.lens))
                }
                guard !rating.note.allSatisfy(\.isWhitespace) else {
                    throw AnswerProblem(
                        message: "say why option '\(name)' rates \(rating.rating) under '\(rating.lens)': a note is needed",
                        focus: .rating(option: offset, lens: rating.lens))
                }
            }
            let rated = option.ratings.map(\.lens)
            if let missing = lenses.first(where: { !rated.contains($0) }) {
                throw AnswerProblem(message: "option '\(name)' is not rated under lens '\(missing)'", focus: .option(offset))
            }
            if Set(rated).count != rated.count {
                throw AnswerProblem(message: "option '\(name)' is rated twice under one lens", focus: .option(offset))
            }
        }
    }
}
