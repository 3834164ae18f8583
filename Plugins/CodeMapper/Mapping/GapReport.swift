import EthicsCore

/// What a code leaves uncovered: attributes none of its clauses serves, and clauses of reference
/// codes that none of its clauses stands in for (see `ClauseAffinity.standsIn`).
///
/// This is how a council sees what its own code misses next to the codes its staff already
/// answer to.
struct GapReport: Sendable {
    /// Clauses of one reference code that the examined code does not answer.
    struct Uncovered: Sendable {
        let code: ProfessionalCode
        let clauses: [Clause]
    }

    let code: ProfessionalCode
    let references: [ProfessionalCode]
    let uncoveredAttributes: [Attribute]
    /// Only reference codes with at least one uncovered clause.
    let uncovered: [Uncovered]

    init(for code: ProfessionalCode, against references: [ProfessionalCode], in library: CodeLibrary) {
        self.code = code
        self.references = references
        let clauses = code.clauses
        uncoveredAttributes = library.attributes.attributes.filter { attribute in
            !clauses.contains { $0.serves(attribute.id) }
        }
        uncovered = references.compactMap { reference in
            let missing = reference.clauses.filter { referenceClause in
                !clauses.contains { ClauseAffinity(of: referenceClause, with: $0, in: library).standsIn }
            }
            return missing.isEmpty ? nil : Uncovered(code: reference, clauses: missing)
        }
    }

    var hasGaps: Bool {
        !uncoveredAttributes.isEmpty || !uncovered.isEmpty
    }

    var uncoveredClauseCount: Int {
        uncovered.reduce(0) { $0 + $1.clauses.count }
    }
}
