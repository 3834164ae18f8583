import EthicsCore

/// Finds the professional duties a decision touches, so that its record lists them (the
/// ``EngagedDutiesFinder`` capability).
///
/// Clauses the flowchart cited come first, whatever their attributes. Then, for each code, the
/// clauses that best match the decision's attributes: most shared attributes first, then the
/// closest focus. Only a few per code are kept, because a record that lists half of every code
/// tells its reader nothing.
struct DecisionAnnotator: Sendable {
    let library: CodeLibrary
    /// How many attribute-matched clauses of each code to keep.
    let clausesPerCode: Int

    /// The duties engaged, and the cited ids that name no clause (an unknown id is the
    /// flowchart's problem, and must not stop the record from being annotated).
    func annotate(attributes: [String], citedClauses: [String]) -> (duties: [EngagedDuty], unknownClauses: [String]) {
        let decisionAttributes = library.attributes(among: attributes).map(\.id)
        var engaged: [EngagedDuty] = []
        var unknown: [String] = []
        var cited = Set<String>()
        for id in citedClauses where !cited.contains(id) {
            guard let clause = library.clause(id) else {
                unknown.append(id)
                continue
            }
            cited.insert(id)
            engaged.append(engagement(of: clause, sharing: decisionAttributes.filter(clause.serves), reason: "cited by the flowchart"))
        }
        for code in library.codes {
            let matches = code.clauses.enumerated()
                .filter { !cited.contains($0.element.id) }
                .map { (offset: $0.offset, clause: $0.element, shared: decisionAttributes.filter($0.element.serves)) }
                .filter { !$0.shared.isEmpty }
                .sorted { first, second in
                    if first.shared.count != second.shared.count { return first.shared.count > second.shared.count }
                    // Fewer attributes beyond the decision's means a closer focus.
                    if first.clause.attributes.count != second.clause.attributes.count {
                        return first.clause.attributes.count < second.clause.attributes.count
                    }
                    return first.offset < second.offset
                }
                .prefix(clausesPerCode)
            for match in matches {
                let names = match.shared.map { library.attributes[$0]?.name.lowercased() ?? $0 }
                engaged.append(engagement(of: match.clause, sharing: match.shared, reason: "serves " + names.joined(separator: ", ")))
            }
        }
        return (engaged, unknown)
    }

    private func engagement(of clause: Clause, sharing attributes: [String], reason: String) -> EngagedDuty {
        EngagedDuty(
            clauseID: clause.id, code: library.code(of: clause)?.title ?? clause.codeID, title: clause.title,
            sharedAttributes: attributes, reason: reason)
    }
}
