import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// The checks a flowchart's content must pass beyond decoding and beyond its shape as a graph
/// (`GraphValidator`): ids people can type, provenance, keys that belong to each node's kind,
/// lenses that exist, attributes the council knows and clause ids that look like clause ids.
///
/// Clause ids are only checked for form: the codes belong to code-mapper, which a plugin may not
/// import; it reports cited clauses it does not know when it annotates a decision.
struct FlowchartChecks {
    let chart: Flowchart
    let attributes: AttributeCatalog

    func problems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if !Identifier.isValid(chart.id.value) {
            problems.append(.error(
                "flowchart id '\(chart.id.value)' must be lowercase letters, digits and single hyphens, such as 'ethical-decision'",
                at: chart.id.location))
        }
        if chart.provenance == nil {
            problems.append(.error(
                "the flowchart has no provenance; every flowchart file says where its content came from",
                at: chart.location,
                suggestion: "add 'provenance:' with source, publisher, url, licence and retrieved (YYYY-MM-DD)"))
        }
        if chart.nodes.isEmpty {
            problems.append(.error("the flowchart has no nodes; list them under 'nodes'", at: chart.location))
        }
        var lensIDs = Set<String>()
        for lens in chart.lenses {
            if !lensIDs.insert(lens.id.value).inserted {
                problems.append(.error("lens id '\(lens.id.value)' is defined twice", at: lens.id.location))
            }
            problems += attributeProblems(lens.attributes)
        }
        for position in chart.nodes.indices {
            problems += nodeProblems(chart.nodes[position], lensIDs: lensIDs)
        }
        return problems
    }

    private func nodeProblems(_ node: FlowNode, lensIDs: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let id = node.id.value
        if !Identifier.isValid(id) {
            problems.append(.error(
                "node id '\(id)' must be lowercase letters, digits and single hyphens, such as 'get-the-facts'",
                at: node.id.location))
        }
        problems += misplacedKeys(in: node)
        problems += attributeProblems(node.attributes) + clauseProblems(node.clauses)
        switch node.kind {
        case .question:
            let choices = node.choices ?? []
            if choices.count == 1 {
                problems.append(.error(
                    "question '\(id)' offers only one choice; a question needs at least two (use a prompt to record a single answer)",
                    at: node.location(ofKey: "choices")))
            }
            problems += duplicates(choices.map(\.id), what: "choice", in: id)
            for choice in choices {
                if !Identifier.isValid(choice.id.value) {
                    problems.append(.error(
                        "choice id '\(choice.id.value)' must be lowercase letters, digits and single hyphens", at: choice.id.location))
                }
                problems += attributeProblems(choice.attributes) + clauseProblems(choice.clauses)
            }
        case .lensEvaluation:
            if chart.lenses.isEmpty {
                problems.append(.error(
                    "lens evaluation '\(id)' needs lenses, but the flowchart defines none; list them under 'lenses' at the top of the file",
                    at: node.id.location))
            }
            for lens in node.lenses ?? [] where !lensIDs.contains(lens.value) {
                problems.append(.error(
                    "lens evaluation '\(id)' uses lens '\(lens.value)', which the flowchart does not define", at: lens.location,
                    suggestion: Suggestion.didYouMean(lens.value, among: chart.lenses.map(\.id.value))))
            }
            if let minimum = node.minOptions, minimum < 1 {
                problems.append(.error("min-options must be at least 1, not \(minimum)", at: node.location(ofKey: "min-options")))
            }
        case .checklist:
            let items = node.items ?? []
            if items.isEmpty {
                problems.append(.error("checklist '\(id)' has no items; list them under 'items'", at: node.id.location))
            }
            problems += duplicates(items.map(\.id), what: "item", in: id)
            for item in items {
                if !Identifier.isValid(item.id.value) {
                    problems.append(.error(
                        "item id '\(item.id.value)' must be lowercase letters, digits and single hyphens", at: item.id.location))
                }
                problems += attributeProblems(item.attributes)
            }
            if let otherwise = node.otherwise, !items.contains(where: \.required) {
                problems.append(.error(
                    "checklist '\(id)' never takes 'otherwise': none of its items is required; mark the items that must hold with 'required: true'",
                    at: otherwise.location))
            }
        case .outcome:
            if node.verdict == nil {
                problems.append(.error(
                    "outcome '\(id)' gives no verdict", at: node.id.location,
                    suggestion: "add 'verdict:' with one of \(Verdict.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            if let months = node.reviewAfterMonths, !(1...120).contains(months) {
                problems.append(.error(
                    "review-after-months must be between 1 and 120, not \(months)", at: node.location(ofKey: "review-after-months")))
            }
        case .prompt:
            break
        }
        return problems
    }

    /// Keys that another kind of node takes: a near miss (a prompt with choices) that the
    /// decoder cannot see, since every node shares one shape. Judged from the decoded fields,
    /// not by walking the node's keys again, so that the check stays cheap on large charts.
    private func misplacedKeys(in node: FlowNode) -> [Diagnostic] {
        let kind = node.kind
        // Appending to an empty array allocates only when a key is out of place.
        var misplaced: [String] = []
        if node.choices != nil, kind != .question { misplaced.append("choices") }
        if node.next != nil, kind == .question || kind == .outcome { misplaced.append("next") }
        if node.otherwise != nil, kind != .checklist { misplaced.append("otherwise") }
        if node.items != nil, kind != .checklist { misplaced.append("items") }
        if node.lenses != nil, kind != .lensEvaluation { misplaced.append("lenses") }
        if node.minOptions != nil, kind != .lensEvaluation { misplaced.append("min-options") }
        if node.verdict != nil, kind != .outcome { misplaced.append("verdict") }
        if node.obligations != nil, kind != .outcome { misplaced.append("obligations") }
        if node.reviewAfterMonths != nil, kind != .outcome { misplaced.append("review-after-months") }
        return misplaced.map { key in
            .error(
                "'\(key)' does not belong on \(kind.phrase) node; \(kind.noun) nodes take \(kind.ownKeys.map { "'\($0)'" }.joined(separator: ", "))",
                at: node.location(ofKey: key))
        }
    }

    /// Ids given twice within one node. Nodes hold a handful of choices or items, so pairs
    /// are compared directly rather than through a dictionary built for every node.
    private func duplicates(_ ids: [Located<String>], what: String, in node: String) -> [Diagnostic] {
        guard ids.count > 1 else { return [] }
        var problems: [Diagnostic] = []
        for later in 1..<ids.count {
            if let first = ids[..<later].first(where: { $0.value == ids[later].value }) {
                problems.append(.error("\(what) id '\(ids[later].value)' is already used in '\(node)' at \(first.location)", at: ids[later].location))
            }
        }
        return problems
    }

    private func attributeProblems(_ ids: [Located<String>]) -> [Diagnostic] {
        ids.compactMap { id in
            guard attributes[id.value] == nil else { return nil }
            return .error(
                "unknown attribute '\(id.value)'", at: id.location,
                suggestion: Suggestion.didYouMean(id.value, among: attributes.ids)
                    ?? "known attributes: \(attributes.ids.joined(separator: ", "))")
        }
    }

    private func clauseProblems(_ ids: [Located<String>]) -> [Diagnostic] {
        ids.compactMap { id in
            Self.isClauseID(id.value) ? nil : .error(
                "'\(id.value)' is not a clause id; write the code's id, a dot and the clause's own number, as in 'bcs.1.a'",
                at: id.location)
        }
    }

    /// `<code>.<local id>`: lowercase code id, then letters, digits, hyphens and dots.
    static func isClauseID(_ id: String) -> Bool {
        guard let dot = id.firstIndex(of: "."), dot != id.startIndex else { return false }
        let code = id[..<dot]
        let local = id[id.index(after: dot)...]
        return code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !local.isEmpty && !local.hasSuffix(".")
            && local.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
            }
    }
}
