public import EthicsDiagnostics
import Foundation

/// Asks a form's questions of a person at a terminal, one field at a time, checking each answer
/// as it is typed: the terminal's way of driving a ``Form``.
///
/// Choices are numbered; long answers run over several lines and end with an empty line or a
/// line holding only `.`; Enter keeps the current answer and `-` clears it. At any prompt `:back`
/// and `:save` end the form early when the caller offers them, and `:help` lists the commands.
/// Nothing is kept until the caller has the answers, so Ctrl-C leaves nothing behind.
public struct FormConversation {
    /// How asking a form ended.
    public enum Outcome: Equatable, Sendable {
        case answered(FormAnswers)
        /// The person typed `:back`: go back to the previous form.
        case back
        /// The person typed `:save`: keep what was answered before this form and stop.
        case save
    }

    /// What the person may type instead of an answer, besides `:help`.
    public struct Commands: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let back = Commands(rawValue: 1)
        public static let save = Commands(rawValue: 2)
    }

    let terminal: any Terminal
    let commands: Commands

    public init(terminal: any Terminal, commands: Commands = []) {
        self.terminal = terminal
        self.commands = commands
    }

    /// The commands as the person is told of them.
    public var help: String {
        var lines = ["Commands, at any prompt:"]
        if commands.contains(.back) { lines.append("  :back   go back one step and answer it again") }
        if commands.contains(.save) { lines.append("  :save   save your answers and stop, to finish later") }
        lines.append("  :help   show this")
        lines.append("Ctrl-C stops at once and keeps nothing.")
        return lines.joined(separator: "\n")
    }

    private enum Interruption: Error {
        case back, save, endOfInput
    }

    /// Asks every field of `form`, starting from `current`.
    /// - Throws: when the input ends (Ctrl-D) before the form is answered.
    public func ask(_ form: Form, current: FormAnswers = FormAnswers()) throws(DiagnosticError) -> Outcome {
        terminal.line(form.title)
        if let help = form.help { terminal.line(help) }
        do {
            return .answered(try ask(form.fields, current: current))
        } catch .back {
            return .back
        } catch .save {
            return .save
        } catch {
            // The input ended at a prompt: end the prompt's line, so the message starts its own.
            terminal.line("")
            throw .error(
                "the input ended before '\(form.title)' was answered; nothing was kept",
                suggestion: commands.contains(.save) ? "type :save to keep your answers and finish later" : nil)
        }
    }

    private func ask(_ fields: [FormField], current: FormAnswers) throws(Interruption) -> FormAnswers {
        var answers = current
        for field in fields {
            answers[field.id] = try ask(field, current: current[field.id])
        }
        return answers
    }

    private func ask(_ field: FormField, current: FormValue?) throws(Interruption) -> FormValue? {
        if let help = field.help { terminal.line("  " + help) }
        switch field.kind {
        case .choice(let choices), .choices(let choices):
            for (offset, choice) in choices.enumerated() {
                terminal.line("  \(offset + 1). \(choice.label)" + (choice.help.map { " (\($0))" } ?? ""))
            }
        case .repeating(let inner, let itemLabel):
            return try askItems(field, inner: inner, itemLabel: itemLabel, current: current)
        default:
            break
        }
        while true {
            let reply: String
            if case .longText = field.kind {
                reply = try multiLine(prompt(for: field, current: current))
            } else {
                terminal.write(prompt(for: field, current: current))
                reply = try line()
            }
            if reply.isEmpty {
                if let current { return current }
                if !field.isRequired { return nil }
                terminal.line("! '\(field.label)' needs an answer")
                continue
            }
            if reply == "-" {
                if !field.isRequired { return nil }
                terminal.line("! '\(field.label)' cannot be left empty")
                continue
            }
            switch field.parse(reply) {
            case .success(let value): return value
            case .failure(let problem): terminal.line("! \(problem.message)")
            }
        }
    }

    private func askItems(
        _ field: FormField, inner: [FormField], itemLabel: String, current: FormValue?
    ) throws(Interruption) -> FormValue? {
        var items: [FormAnswers] = []
        if case .items(let existing)? = current { items = existing }
        terminal.line("\(field.label) (\(items.count) so far)")
        while true {
            let article = "aeiou".contains(itemLabel.lowercased().first ?? "x") ? "an" : "a"
            // The capital letter is what Enter answers: yes to the first item, no to another.
            terminal.write("Add \(items.isEmpty ? article : "another") \(itemLabel)? \(items.isEmpty ? "(Y/n)" : "(y/N)"): ")
            let reply = try line().lowercased()
            if reply == "n" || reply == "no" || (reply.isEmpty && !items.isEmpty) {
                if items.isEmpty && field.isRequired {
                    terminal.line("! '\(field.label)' needs at least one \(itemLabel)")
                    continue
                }
                return items.isEmpty ? nil : .items(items)
            }
            guard reply == "y" || reply == "yes" || reply.isEmpty else {
                terminal.line("! answer y or n")
                continue
            }
            terminal.line("\(itemLabel.prefix(1).uppercased() + itemLabel.dropFirst()) \(items.count + 1)")
            items.append(try ask(inner, current: FormAnswers()))
        }
    }

    private func prompt(for field: FormField, current: FormValue?) -> String {
        let shown = current.map { " [\($0.displayText.count > 40 ? String($0.displayText.prefix(37)) + "..." : $0.displayText)]" } ?? ""
        let optional = field.isRequired ? "" : " (optional)"
        switch field.kind {
        case .choice(let choices): return "\(field.label)\(optional): choose 1-\(choices.count)\(shown): "
        case .choices(let choices): return "\(field.label)\(optional): choose any of 1-\(choices.count), separated by commas\(shown): "
        case .integer(let range): return "\(field.label)\(optional) (\(range.lowerBound) to \(range.upperBound))\(shown): "
        case .date: return "\(field.label)\(optional) (YYYY-MM-DD)\(shown): "
        case .flag: return "\(field.label)\(optional) (y/n)\(shown): "
        case .longText: return "\(field.label)\(optional)\(shown) (finish with an empty line or a line holding only '.'):\n"
        case .text, .repeating: return "\(field.label)\(optional)\(shown): "
        }
    }

    /// One line, with the commands handled.
    private func line() throws(Interruption) -> String {
        while true {
            guard let raw = terminal.readLine() else { throw .endOfInput }
            let text = raw.trimmingCharacters(in: .whitespaces)
            switch text {
            case ":back" where commands.contains(.back): throw .back
            case ":save" where commands.contains(.save): throw .save
            case ":help":
                terminal.line(help)
                continue
            default:
                return text
            }
        }
    }

    private func multiLine(_ prompt: String) throws(Interruption) -> String {
        terminal.write(prompt)
        var lines: [String] = []
        while true {
            let text = try line()
            if text.isEmpty || text == "." { break }
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }
}
