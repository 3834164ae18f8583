/// One entry found by a search, and why it was found.
public struct SearchHit: Hashable, Sendable {
    /// How a query matched, best first: results are ranked by this before anything else.
    public enum Match: Hashable, Sendable, Comparable {
        /// The query is the entry's preferred label or its id.
        case exact
        /// The preferred label starts with the query.
        case prefix
        /// The query is, or starts, one of the entry's alternative labels.
        case alternativeLabel
        /// The query is a few edits away from a label or its first words.
        case misspelling(edits: Int)
        /// Every word of the query (common words aside) appears in the entry's definition or
        /// labels, in the singular or plural.
        case fullText

        private var rank: Int {
            switch self {
            case .exact: 0
            case .prefix: 1
            case .alternativeLabel: 2
            case .misspelling: 3
            case .fullText: 4
            }
        }

        public static func < (lhs: Match, rhs: Match) -> Bool {
            switch (lhs, rhs) {
            case let (.misspelling(a), .misspelling(b)): a < b
            default: lhs.rank < rhs.rank
            }
        }
    }

    public var entry: GlossaryEntry
    public var match: Match
    /// The label the query matched (the preferred label for exact and full-text matches).
    public var matchedLabel: String

    public init(entry: GlossaryEntry, match: Match, matchedLabel: String) {
        self.entry = entry
        self.match = match
        self.matchedLabel = matchedLabel
    }

    /// How the match reads to a person: "starts with the query", "also called AI bias".
    public var explanation: String {
        switch match {
        case .exact: "exact match"
        case .prefix: "label starts with the query"
        case .alternativeLabel: "also called \(matchedLabel)"
        case .misspelling(let edits):
            "close to \"\(matchedLabel)\" (\(edits) \(edits == 1 ? "change" : "changes"))"
        case .fullText: "mentions the words searched for"
        }
    }
}
