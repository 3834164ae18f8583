import EthicsDiagnostics
import EthicsYAML

/// An answers file: a YAML mapping from node id to the answer given there, for runs without a
/// terminal (scripts, tests, a form filled in elsewhere).
///
/// ```yaml
/// recognise-issue: ethical-issue             # question: a choice id,
/// enough-facts: {choice: enough, note: …}    #   or the choice with a note
/// describe-issue: |                          # prompt: the text
///   Repairs could be delayed for tenants …
/// evaluate-options:                          # lens evaluation: option -> lens -> rating and note
///   Rank repairs with the model:
///     rights: {rating: 3, note: …}
/// consulted: [data-protection, legal]        # checklist: the ticked items (or {checked: […], note: …})
/// proceed: Because …                         # outcome: the rationale
/// ```
///
/// Answers for nodes the walk does not pass are ignored, so one file can serve several routes;
/// a key that is no node of the chart is an error. Every problem names the node and its place.
struct AnswersFile {
    let file: String
    private let answers: [String: YAMLNode]

    init(file: String, chart: Flowchart) throws(DiagnosticError) {
        self.file = file
        let document = try YAMLParser.parse(file: file)
        guard let root = document.root, root.kind == .mapping else {
            throw .error(
                "an answers file is a mapping from node id to answer",
                at: document.root?.location, file: file,
                suggestion: "for example 'recognise-issue: ethical-issue'")
        }
        var problems = DiagnosticCollector()
        var answers: [String: YAMLNode] = [:]
        for (key, value) in root.entries {
            let id = key.text ?? ""
            guard chart.node(id) != nil else {
                problems.append(.error(
                    "'\(id)' is not a node of flowchart '\(chart.id.value)'", at: key.location,
                    suggestion: Suggestion.didYouMean(id, among: chart.nodes.map(\.id.value))))
                continue
            }
            answers[id] = value
        }
        try problems.throwIfErrors()
        self.answers = answers
    }

    /// Where the answer for node `id` is written, if the file gives one.
    func location(of id: String) -> SourceLocation? {
        answers[id]?.location
    }

    /// The answer for `node`, read and checked; a missing or invalid answer names the node.
    func answer(for node: FlowNode, in chart: Flowchart) throws(DiagnosticError) -> Answer {
        let id = node.id.value
        guard let value = answers[id] else {
            throw .error(
                "no answer for \(node.kind.noun) '\(id)' (\(node.name))", file: file,
                suggestion: "add '\(id):' with \(Self.expected(node.kind))")
        }
        let answer = try read(value, for: node, in: chart)
        do {
            _ = try AnswerRules.next(after: answer, at: node, in: chart)
        } catch {
            throw .error("invalid answer for '\(id)': \(error.message)", at: location(of: error.focus, in: value))
        }
        return answer
    }

    private func read(_ value: YAMLNode, for node: FlowNode, in chart: Flowchart) throws(DiagnosticError) -> Answer {
        let id = node.id.value
        switch node.kind {
        case .question:
            if value.kind == .mapping {
                let fields = try fields(of: value, allowed: ["choice", "note"], node: id)
                return Answer(choice: try text(fields["choice"], in: value, key: "choice", node: id), note: fields["note"]?.text)
            }
            return Answer(choice: try scalar(value, node: id, expecting: "a choice id"))
        case .prompt:
            return Answer(text: try scalar(value, node: id, expecting: "the written answer"))
        case .outcome:
            return Answer(text: try scalar(value, node: id, expecting: "the rationale for the decision"))
        case .checklist:
            if value.kind == .mapping {
                let fields = try fields(of: value, allowed: ["checked", "note"], node: id)
                let checked = try fields["checked"].map { node throws(DiagnosticError) in try items(node, node: id) } ?? []
                return Answer(checked: checked, note: fields["note"]?.text)
            }
            return Answer(checked: try items(value, node: id))
        case .lensEvaluation:
            guard value.kind == .mapping else {
                throw .error(
                    "invalid answer for '\(id)': expected a mapping from each option's name to its ratings under each lens",
                    at: value.location)
            }
            var options: [OptionAssessment] = []
            for (name, lenses) in value.entries {
                guard lenses.kind == .mapping else {
                    throw .error(
                        "invalid answer for '\(id)': option '\(name.text ?? "")' needs a mapping from lens id to {rating, note}",
                        at: lenses.location)
                }
                var ratings: [LensRating] = []
                for (lens, cell) in lenses.entries {
                    let fields = try fields(of: cell, allowed: ["rating", "note"], node: id)
                    let ratingText = try text(fields["rating"], in: cell, key: "rating", node: id)
                    guard let rating = Int(ratingText) else {
                        throw .error(
                            "invalid answer for '\(id)': a rating is a whole number from 1 to 5, not '\(ratingText)'",
                            at: fields["rating"]?.location ?? cell.location)
                    }
                    ratings.append(LensRating(
                        lens: lens.text ?? "", rating: rating, note: try text(fields["note"], in: cell, key: "note", node: id)))
                }
                options.append(OptionAssessment(name: name.text ?? "", ratings: ratings))
            }
            return Answer(options: options)
        }
    }

    /// The fields of a mapping answer; a key outside `allowed` is an error.
    private func fields(of value: YAMLNode, allowed: [String], node: String) throws(DiagnosticError) -> [String: YAMLNode] {
        guard value.kind == .mapping else {
            throw .error(
                "invalid answer for '\(node)': expected a mapping with \(allowed.map { "'\($0)'" }.joined(separator: " and "))",
                at: value.location)
        }
        var fields: [String: YAMLNode] = [:]
        for (key, field) in value.entries {
            let name = key.text ?? ""
            guard allowed.contains(name) else {
                throw .error(
                    "invalid answer for '\(node)': unknown key '\(name)'", at: key.location,
                    suggestion: Suggestion.didYouMean(name, among: allowed) ?? "expected \(allowed.map { "'\($0)'" }.joined(separator: " and "))")
            }
            fields[name] = field
        }
        return fields
    }

    private func text(_ field: YAMLNode?, in parent: YAMLNode, key: String, node: String) throws(DiagnosticError) -> String {
        guard let field else {
            throw .error("invalid answer for '\(node)': '\(key)' is missing", at: parent.location)
        }
        return try scalar(field, node: node, expecting: "'\(key)'")
    }

    private func scalar(_ value: YAMLNode, node: String, expecting what: String) throws(DiagnosticError) -> String {
        guard value.kind == .scalar, !value.isNull, let text = value.text else {
            throw .error("invalid answer for '\(node)': expected \(what), found \(value.isNull ? "nothing" : value.kind.userDescription)", at: value.location)
        }
        return text
    }

    private func items(_ value: YAMLNode, node: String) throws(DiagnosticError) -> [String] {
        guard value.kind == .sequence else {
            throw .error("invalid answer for '\(node)': expected a list of the ticked item ids (write [] for none)", at: value.location)
        }
        var ids: [String] = []
        for element in value.elements {
            ids.append(try scalar(element, node: node, expecting: "an item id"))
        }
        return ids
    }

    /// The YAML node an answer problem is about, as near as the file allows.
    private func location(of focus: AnswerProblem.Focus, in value: YAMLNode) -> SourceLocation {
        switch focus {
        case .whole:
            return value.location
        case .choice:
            return value.kind == .mapping ? value["choice"]?.location ?? value.location : value.location
        case .option(let offset):
            let entries = value.entries
            return entries.indices.contains(offset) ? entries[offset].key.location : value.location
        case .rating(let offset, let lens):
            let entries = value.entries
            guard entries.indices.contains(offset) else { return value.location }
            return entries[offset].value.keyNode(lens)?.location ?? entries[offset].value.location
        case .item(let offset):
            let list = value.kind == .mapping ? value["checked"] : value
            let elements = list?.elements ?? []
            return elements.indices.contains(offset) ? elements[offset].location : value.location
        }
    }

    static func expected(_ kind: NodeKind) -> String {
        switch kind {
        case .question: "one of its choice ids"
        case .prompt: "the written answer"
        case .lensEvaluation: "each option's name mapped to its lenses, each with {rating: 1-5, note: …}"
        case .checklist: "the list of ticked item ids"
        case .outcome: "the rationale for the decision"
        }
    }
}
