import EthicsCore
import EthicsDiagnostics

/// Walks a flowchart with a person at a terminal: each node is asked as its form
/// (``FlowNode/form(in:)``) by the toolkit's one terminal form driver, with `:back` (undo the
/// last answer) and `:save` (save and finish later) at every prompt.
///
/// The terminal comes from the context, so tests hold the conversation with a script of lines.
struct TerminalConversation {
    enum Ending {
        case finished(DecisionWalk)
        case saved(DecisionWalk)
    }

    let chart: Flowchart
    let terminal: any Terminal

    var forms: FormConversation {
        FormConversation(terminal: terminal, commands: [.back, .save])
    }

    /// Asks for each node until an outcome is answered or the person saves.
    func converse(from start: DecisionWalk) throws(DiagnosticError) -> Ending {
        var walk = start
        while !walk.isFinished {
            let node = walk.currentNode(in: chart)
            terminal.write("\nStep \(walk.steps.count + 1)" + (node.step.map { " (stage \($0) of 5)" } ?? "") + ": \(node.name)\n")
            switch try forms.ask(node.form(in: chart)) {
            case .answered(let answers):
                do {
                    _ = try walk.answer(node.answer(from: answers, in: chart), in: chart)
                } catch {
                    terminal.line("! \(error.message)")
                }
            case .back:
                if !walk.back() { terminal.line("This is the first step; there is nothing to go back to.") }
            case .save:
                return .saved(walk)
            }
        }
        return .finished(walk)
    }
}
