import EthicsCore
import EthicsDiagnostics
import EthicsYAML
import Foundation

/// Walks a flowchart with a person at a terminal: numbered choices, multi-line answers, and
/// three commands available at every prompt: `:back` (undo the last answer), `:save` (save and
/// finish later) and `:help`.
///
/// Reading and writing are passed in, so tests can hold the conversation with a script of lines;
/// the command gives it standard input and output.
struct TerminalConversation {
    enum Ending {
        case finished(DecisionWalk)
        case saved(DecisionWalk)
    }

    let chart: Flowchart
    let readLine: () -> String?
    let write: (String) -> Void

    private enum Interruption: Error {
        case back, save, endOfInput
    }

    static let help = """
        Commands, at any prompt:
          :back   go back one step and answer it again
          :save   save your answers and stop; resume later with 'run --resume ID'
          :help   show this
        Ctrl-C stops at once and keeps nothing.
        """

    /// Asks for each node until an outcome is answered or the person saves.
    /// - Parameter onStep: called with each answer taken and how many answers the walk now holds.
    func converse(from start: DecisionWalk, onStep: (TakenStep, Int) -> Void) throws(DiagnosticError) -> Ending {
        var walk = start
        while !walk.isFinished {
            let node = walk.currentNode(in: chart)
            write("\n" + heading(for: node, number: walk.steps.count + 1))
            do {
                let answer = try ask(node)
                do {
                    let step = try walk.answer(answer, in: chart)
                    onStep(step, walk.steps.count)
                } catch {
                    write("! \(error.message)\n")
                }
            } catch Interruption.back {
                if !walk.back() { write("This is the first step; there is nothing to go back to.\n") }
            } catch Interruption.save {
                return .saved(walk)
            } catch {
                throw .error("the input ended before the decision was finished; nothing was recorded", suggestion: "type :save to keep your answers and finish later")
            }
        }
        return .finished(walk)
    }

    private func heading(for node: FlowNode, number: Int) -> String {
        var text = "Step \(number)" + (node.step.map { " (stage \($0) of 5)" } ?? "") + ": \(node.name)\n"
        if node.name != node.text { text += node.text + "\n" }
        return text
    }

    private func ask(_ node: FlowNode) throws -> Answer {
        switch node.kind {
        case .question:
            let choices = node.choices ?? []
            for (offset, choice) in choices.enumerated() { write("  \(offset + 1). \(choice.label)\n") }
            let choice = try askUntilValid("Choose 1-\(choices.count): ") { reply -> String? in
                if let number = Int(reply), choices.indices.contains(number - 1) { return choices[number - 1].id.value }
                return choices.first { $0.id.value == reply }?.id.value
            }
            return Answer(choice: choice, note: try optionalNote())
        case .prompt:
            return Answer(text: try multiLine("Your answer (finish with an empty line or a line holding only '.'):\n"))
        case .outcome:
            write("Verdict: \(node.verdict?.label ?? "")\n")
            for obligation in node.obligations ?? [] { write("  - \(obligation)\n") }
            return Answer(text: try multiLine("Rationale: why is this the right decision? (finish with an empty line or '.'):\n"))
        case .checklist:
            let items = node.items ?? []
            for (offset, item) in items.enumerated() { write("  \(offset + 1). \(item.text)\(item.required ? " (required)" : "")\n") }
            let checked = try askUntilValid("Which hold? Numbers separated by spaces, or Enter for none: ") { reply -> [String]? in
                var ids: [String] = []
                for part in reply.split(whereSeparator: { $0 == " " || $0 == "," }) {
                    guard let number = Int(part), items.indices.contains(number - 1) else { return nil }
                    ids.append(items[number - 1].id.value)
                }
                return ids
            }
            return Answer(checked: checked, note: try optionalNote())
        case .lensEvaluation:
            let lenses = chart.lenses(of: node)
            for lens in lenses { write("  \(lens.name): \(lens.question)\n") }
            let minimum = node.minOptions ?? FlowNode.defaultMinOptions
            var names: [String] = []
            while names.count < minimum {
                names = try lines("Name the options, one a line, at least \(minimum) (finish with an empty line):\n")
            }
            var options: [OptionAssessment] = []
            for name in names {
                var ratings: [LensRating] = []
                for lens in lenses {
                    let rating = try askUntilValid("\(name) under \(lens.name), 1-5: ") { Int($0).flatMap { LensRating.scale.contains($0) ? $0 : nil } }
                    let note = try askUntilValid("  why? ") { $0.isEmpty ? nil : $0 }
                    ratings.append(LensRating(lens: lens.id.value, rating: rating, note: note))
                }
                options.append(OptionAssessment(name: name, ratings: ratings))
            }
            return Answer(options: options)
        }
    }

    /// One line, with the commands handled; nil input (end of file) stops the conversation.
    private func line(_ prompt: String) throws -> String {
        write(prompt)
        guard let line = readLine() else { throw Interruption.endOfInput }
        switch line.trimmingCharacters(in: .whitespaces) {
        case ":back": throw Interruption.back
        case ":save": throw Interruption.save
        case ":help":
            write(Self.help + "\n")
            return try self.line(prompt)
        default: return line.trimmingCharacters(in: .whitespaces)
        }
    }

    private func askUntilValid<T>(_ prompt: String, _ parse: (String) -> T?) throws -> T {
        while true {
            if let value = parse(try line(prompt)) { return value }
            write("That is not one of the answers offered; try again (or :help).\n")
        }
    }

    private func optionalNote() throws -> String? {
        let note = try line("Note (optional, Enter to skip): ")
        return note.isEmpty ? nil : note
    }

    /// Lines up to an empty line or a lone `.`, kept as typed.
    private func multiLine(_ prompt: String) throws -> String {
        try lines(prompt).joined(separator: "\n")
    }

    private func lines(_ prompt: String) throws -> [String] {
        write(prompt)
        var lines: [String] = []
        while true {
            let next = try line("> ")
            if next.isEmpty || next == "." { return lines }
            lines.append(next)
        }
    }
}
