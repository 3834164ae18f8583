/// Each clause of one code with its closest counterparts in another, best first.
struct Crosswalk: Sendable {
    struct Entry: Sendable {
        let clause: Clause
        /// At most the crosswalk's limit, best first; empty when nothing corresponds.
        let counterparts: [ClauseAffinity]
    }

    let source: ProfessionalCode
    let target: ProfessionalCode
    let entries: [Entry]

    /// - Parameter limit: how many counterparts to keep for each clause.
    init(from source: ProfessionalCode, to target: ProfessionalCode, in library: CodeLibrary, limit: Int) {
        self.source = source
        self.target = target
        let candidates = target.clauses
        entries = source.clauses.map { clause in
            let affinities = candidates.map { ClauseAffinity(of: clause, with: $0, in: library) }
            return Entry(clause: clause, counterparts: Array(ClauseAffinity.ranked(affinities).prefix(limit)))
        }
    }

    /// How many clauses of the source have at least one counterpart.
    var matchedCount: Int {
        entries.count { !$0.counterparts.isEmpty }
    }
}
