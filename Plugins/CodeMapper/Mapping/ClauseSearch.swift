/// Finds clauses whose id, title or text contain every word of a query, ignoring case, so that
/// "personal data" finds a clause that says "protect personal data" and one that says "data
/// that is personal" alike.
struct ClauseSearch: Sendable {
    /// The query's words, lowercased.
    let terms: [String]

    /// Nil when the query holds no words.
    init?(_ query: String) {
        let terms = query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard !terms.isEmpty else { return nil }
        self.terms = terms
    }

    func matches(_ clause: Clause) -> Bool {
        let haystack = [clause.id, clause.title, clause.text].joined(separator: "\n").lowercased()
        return terms.allSatisfy(haystack.contains)
    }

    /// The matching clauses, in the order of the codes and their clauses.
    func results(in library: CodeLibrary) -> [Clause] {
        library.codes.flatMap(\.clauses).filter(matches)
    }
}
