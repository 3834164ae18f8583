import EthicsDiagnostics
import Foundation

/// How a typed or written answer becomes a value: the one set of rules and messages for the
/// terminal, the answers file, command-line options and (next) the browser.
extension FormField {
    /// The value `text` gives this field, or why it cannot be one.
    ///
    /// A choice may be given by its id, by its label, or by its number in the list (from 1), since
    /// that is what a terminal shows; several choices are separated by commas.
    public func parse(_ text: String) -> Result<FormValue, FormProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch kind {
        case .text:
            if trimmed.contains(where: \.isNewline) {
                return .failure(FormProblem(field: id, message: "'\(label)' takes one line"))
            }
            if !trimmed.isEmpty, let problem = format?.problem(with: trimmed, label: label) {
                return .failure(FormProblem(field: id, message: problem))
            }
            return .success(.text(trimmed))
        case .longText:
            return .success(.text(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        case .choice(let choices):
            return Self.choice(trimmed, among: choices, field: self).map { .choices([$0]) }
        case .choices(let choices):
            var picked: [String] = []
            // Separated by commas; numbers may also be separated by spaces ("1 2 3"), as people type them.
            let parts = trimmed.split(separator: ",").flatMap { part -> [Substring] in
                let words = part.split(whereSeparator: \.isWhitespace)
                return words.count > 1 && words.allSatisfy({ Int($0) != nil }) ? words : [part]
            }
            for part in parts {
                switch Self.choice(String(part).trimmingCharacters(in: .whitespaces), among: choices, field: self) {
                case .success(let id): if !picked.contains(id) { picked.append(id) }
                case .failure(let problem): return .failure(problem)
                }
            }
            return .success(.choices(picked))
        case .integer(let range):
            guard let number = Int(trimmed), range.contains(number) else {
                return .failure(FormProblem(field: id, message: "'\(label)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(trimmed)'"))
            }
            return .success(.integer(number))
        case .date:
            guard let date = CalendarDate(trimmed) else {
                return .failure(FormProblem(field: id, message: "'\(label)' must be a date written YYYY-MM-DD, e.g. 2027-03-31, not '\(trimmed)'"))
            }
            return .success(.date(date))
        case .flag:
            switch trimmed.lowercased() {
            case "y", "yes", "true": return .success(.flag(true))
            case "n", "no", "false": return .success(.flag(false))
            default: return .failure(FormProblem(field: id, message: "'\(label)' takes yes or no, not '\(trimmed)'"))
            }
        case .repeating:
            return .failure(FormProblem(field: id, message: "'\(label)' is a list of items, not one value"))
        }
    }

    private static func choice(_ text: String, among choices: [FormChoice], field: FormField) -> Result<String, FormProblem> {
        if let number = Int(text), choices.indices.contains(number - 1) { return .success(choices[number - 1].id) }
        if let match = choices.first(where: { $0.id == text || $0.label.caseInsensitiveCompare(text) == .orderedSame }) {
            return .success(match.id)
        }
        let ids = choices.map(\.id)
        var message = "'\(text)' is not one of the choices for '\(field.label)': \(ids.joined(separator: ", "))"
        if let near = Suggestion.closest(to: text, among: ids) { message += "; did you mean '\(near)'?" }
        return .failure(FormProblem(field: field.id, message: message))
    }
}

/// Why an answer does not fit its field.
public struct FormProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field's id (for an item of a repeating group, `group[2].field`).
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

extension Form {
    /// Every required field that has no answer, and every repeating group whose items lack one.
    public func missing(in answers: FormAnswers) -> [FormProblem] {
        Self.missing(fields, in: answers, prefix: "")
    }

    private static func missing(_ fields: [FormField], in answers: FormAnswers, prefix: String) -> [FormProblem] {
        var problems: [FormProblem] = []
        for field in fields {
            let value = answers[field.id]
            let empty: Bool = switch value {
            case nil: true
            case .text(let text)?: text.isEmpty
            case .choices(let ids)?: ids.isEmpty
            case .items(let items)?: items.isEmpty
            default: false
            }
            if field.isRequired && empty {
                problems.append(FormProblem(field: prefix + field.id, message: "'\(field.label)' needs an answer"))
            }
            if case .repeating(let inner, _) = field.kind {
                for (index, item) in answers.items(field.id).enumerated() {
                    problems += missing(inner, in: item, prefix: "\(prefix)\(field.id)[\(index + 1)].")
                }
            }
        }
        return problems
    }
}
