public import EthicsDiagnostics
public import EthicsYAML

/// Answers to forms written in a YAML file, for runs without a terminal: scripts, tests, a
/// worksheet typed up after a workshop. The answers file's way of driving a ``Form``.
///
/// ```yaml
/// title: Predictive model for housing repairs     # a field of the form: its value
/// consequences:                                    # a repeating group: a list of items
///   - description: Repairs reach damp homes sooner
///     intended: yes
///     response: [act]                              # a choice, or a list of choices
/// ```
///
/// Values are checked by the same rules as the terminal (``FormField/parse(_:)``), and every
/// problem is reported at once, at its line and column, with the field it belongs to.
public struct FormAnswersFile: Sendable {
    public let file: String
    /// The file's top-level mapping.
    public let root: YAMLNode

    /// Reads `file`; it must hold a mapping.
    public init(file: String) throws(DiagnosticError) {
        let document = try YAMLParser.parse(file: file)
        guard let root = document.root, root.kind == .mapping else {
            throw .error(
                "an answers file is a mapping from each question's id to its answer",
                at: document.root?.location, file: file, suggestion: "for example 'title: Predictive model for housing repairs'")
        }
        self.file = file
        self.root = root
    }

    /// The answers to `form` in `node` (the whole file by default), every problem at once:
    /// unknown keys, values that do not fit, and required fields left out.
    /// - Parameters:
    ///   - ignoring: keys that belong to other forms (answered under their own keys), not errors here.
    ///   - givenAsOptions: questions already answered on the command line (`--title`): the file
    ///     answering them too is an error that says so.
    public func answers(
        to form: Form, in node: YAMLNode? = nil, ignoring: Set<String> = [], givenAsOptions: Set<String> = []
    ) throws(DiagnosticError) -> FormAnswers {
        var problems = DiagnosticCollector()
        let node = node ?? root
        for (key, _) in node.kind == .mapping ? node.entries : [] where givenAsOptions.contains(key.text ?? "") {
            let id = key.text ?? ""
            problems.append(.error(
                "'\(id)' is answered on the command line too (--\(id)); give it in one place", at: key.location,
                suggestion: "leave out --\(id), or remove '\(id):' from the file"))
        }
        let answers = read(form.fields, in: node, path: "", ignoring: ignoring.union(givenAsOptions), nested: ignoring, problems: &problems)
        try problems.throwIfErrors()
        return answers
    }

    /// - Parameter nested: the keys under which the answers to other forms are given (an
    ///   operation's further questions, such as a transparency record's `record:`), named when a
    ///   key is unknown, since such an answer is most often one left out of its key.
    private func read(
        _ fields: [FormField], in node: YAMLNode, path: String, ignoring: Set<String> = [], nested: Set<String> = [],
        problems: inout DiagnosticCollector
    ) -> FormAnswers {
        guard node.kind == .mapping else {
            problems.append(.error("expected a mapping of answers, found \(node.kind.userDescription)", at: node.location))
            return FormAnswers()
        }
        var answers = FormAnswers()
        for (key, value) in node.entries {
            let id = key.text ?? ""
            if ignoring.contains(id) { continue }
            guard let field = fields.first(where: { $0.id == id }) else {
                problems.append(.error(
                    "'\(path)\(id)' is not a question here", at: key.location,
                    suggestion: Suggestion.didYouMean(id, among: fields.map(\.id))
                        ?? "the questions are: \(fields.map(\.id).joined(separator: ", "))"
                            + (nested.isEmpty ? "" : "; the answers to the questions asked as it runs go under "
                                + nested.sorted().map { "'\($0):'" }.joined(separator: " or "))))
                continue
            }
            if let parsed = read(field, value, path: path, problems: &problems) {
                answers[id] = parsed
            }
        }
        for field in fields where field.isRequired && answers[field.id] == nil && node[field.id] == nil {
            problems.append(.error(
                "no answer for '\(path)\(field.id)' (\(field.label))", at: node.location,
                suggestion: "add '\(field.id):' with \(Self.expected(field.kind))"))
        }
        return answers
    }

    private func read(_ field: FormField, _ value: YAMLNode, path: String, problems: inout DiagnosticCollector) -> FormValue? {
        let name = path + field.id
        switch field.kind {
        case .repeating(let inner, _):
            guard value.kind == .sequence else {
                problems.append(.error("'\(name)' is a list of items, each a mapping of answers", at: value.location))
                return nil
            }
            let items = value.elements.enumerated().map { offset, element in
                read(inner, in: element, path: "\(name)[\(offset + 1)].", problems: &problems)
            }
            return .items(items)
        case .choices where value.kind == .sequence:
            var ids: [String] = []
            for element in value.elements {
                guard let text = scalar(element, name: name, problems: &problems) else { continue }
                switch field.parse(text) {
                case .success(.choices(let picked)): ids += picked.filter { !ids.contains($0) }
                case .success: break
                case .failure(let problem): problems.append(.error(problem.message, at: element.location))
                }
            }
            return .choices(ids)
        default:
            if value.isNull {
                if field.isRequired { problems.append(.error("'\(name)' (\(field.label)) needs an answer", at: value.location)) }
                return nil
            }
            guard let text = scalar(value, name: name, problems: &problems) else { return nil }
            switch field.parse(text) {
            case .success(let parsed): return parsed
            case .failure(let problem):
                problems.append(.error(problem.message, at: value.location))
                return nil
            }
        }
    }

    private func scalar(_ value: YAMLNode, name: String, problems: inout DiagnosticCollector) -> String? {
        guard value.kind == .scalar, let text = value.text else {
            problems.append(.error("'\(name)' takes a single value, found \(value.kind.userDescription)", at: value.location))
            return nil
        }
        return text
    }

    static func expected(_ kind: FormField.Kind) -> String {
        switch kind {
        case .text: "one line of text"
        case .longText: "the text (a '|' block keeps line breaks)"
        case .choice(let choices): "one of: \(choices.map(\.id).joined(separator: ", "))"
        case .choices(let choices): "a list of any of: \(choices.map(\.id).joined(separator: ", "))"
        case .integer(let range): "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .date: "a date, YYYY-MM-DD"
        case .flag: "yes or no"
        case .repeating: "a list of items"
        }
    }
}
