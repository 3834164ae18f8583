import EthicsDiagnostics

/// An operation's command-line words read against its input form: `--<field> VALUE`,
/// `--<field>=VALUE`, flags, positional fields, and the options every operation has
/// (`--format`, `--output`, `--answers`, `--help`, and the committee paper's ``CommitteePaperOption``s).
/// Every problem is reported at once.
struct OperationArguments {
    var answers = FormAnswers()
    var format: OutputFormat?
    var output: String?
    /// The committee paper asked for, when any of its options is given.
    var paper: CommitteePaper?
    var answersFile: FormAnswersFile?
    var wantsHelp = false

    init<P>(_ words: [String], for operation: PluginOperation<P>) throws(DiagnosticError) {
        var problems = DiagnosticCollector()
        var positional = operation.positional[...]
        var answersPath: String?
        var index = 0
        func value(for option: String, inline: String?) -> String? {
            if let inline { return inline }
            index += 1
            guard index < words.count else {
                problems.append(.error("\(option) needs a value"))
                return nil
            }
            return words[index]
        }
        while index < words.count {
            defer { index += 1 }
            let word = words[index]
            if word == "-h" || word == "--help" {
                wantsHelp = true
                continue
            }
            guard word.hasPrefix("-"), word != "-" else {
                guard let id = positional.popFirst(), let field = operation.input.field(id) else {
                    problems.append(.error("unexpected argument '\(word)'", suggestion: "see 'ethics \(P.descriptor.id) \(operation.name) --help'"))
                    continue
                }
                set(field, word, problems: &problems)
                continue
            }
            var name = String(word.drop { $0 == "-" })
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            switch name {
            case "format", "f":
                guard let text = value(for: word, inline: inline) else { continue }
                guard let format = OutputFormat(rawValue: text), operation.formats.contains(format) else {
                    problems.append(.error(
                        "'\(text)' is not a format of '\(operation.name)'; it writes \(operation.formats.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                self.format = format
            case "output", "o":
                output = value(for: word, inline: inline)
            case "answers":
                answersPath = value(for: word, inline: inline)
            default:
                // A field of the operation's own of the same name comes first.
                if operation.input.field(name) == nil, let option = CommitteePaperOption(rawValue: name) {
                    guard let text = value(for: word, inline: inline) else { continue }
                    var asked = paper ?? CommitteePaper()
                    do {
                        try option.set(text, in: &asked)
                    } catch {
                        problems.append(contentsOf: error.diagnostics)
                    }
                    paper = asked
                    continue
                }
                guard let field = operation.input.field(name) else {
                    let known = operation.input.fields.map(\.id) + ["format", "output", "answers", "help"]
                        + CommitteePaperOption.allCases.map(\.rawValue)
                    let nearest = Suggestion.closest(to: name, among: known)
                    problems.append(.error(
                        "unknown option '--\(name)' for '\(operation.name)'",
                        suggestion: nearest.map { "did you mean '--\($0)'?" } ?? "see 'ethics \(P.descriptor.id) \(operation.name) --help'"))
                    // A misspelt option that takes a value (`--titel Repairs`) takes its value
                    // with it, rather than leaving it to be reported again as a stray argument.
                    let takesValue = nearest.map { nearest in
                        guard let field = operation.input.field(nearest) else { return nearest != "help" }
                        if case .flag = field.kind { return false }
                        return true
                    } ?? false
                    if takesValue, inline == nil, index + 1 < words.count, !words[index + 1].hasPrefix("-") { index += 1 }
                    continue
                }
                if case .flag = field.kind, inline == nil {
                    answers[field.id] = .flag(true)
                    continue
                }
                guard let text = value(for: word, inline: inline) else { continue }
                set(field, text, problems: &problems)
            }
        }
        if let answersPath {
            do {
                answersFile = try FormAnswersFile(file: answersPath)
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        try problems.throwIfErrors()
    }

    private mutating func set(_ field: FormField, _ text: String, problems: inout DiagnosticCollector) {
        switch field.parse(text) {
        case .success(.choices(let picked)):
            // A field of several choices may repeat its option: --tag a --tag b.
            if case .choices(let earlier)? = answers[field.id], case .choices = field.kind {
                answers[field.id] = .choices(earlier + picked.filter { !earlier.contains($0) })
            } else {
                answers[field.id] = .choices(picked)
            }
        case .success(let value):
            answers[field.id] = value
        case .failure(let problem):
            problems.append(.error("--\(field.id): \(problem.message)"))
        }
    }
}
