/// The professional duties a decision touches, found by code-mapper from the decision's
/// attributes and explicit clause references, so the decision record can list them.
public struct CodesMapped: Event, Hashable {
    public static let topic = "codes.mapped"

    /// One clause of a professional code that the decision engages, and why.
    public struct EngagedClause: Codable, Sendable, Hashable {
        /// `bcs.1.a`
        public var clauseID: String
        /// The code's title (`BCS Code of Conduct`).
        public var code: String
        /// The clause's short title or one-line summary.
        public var title: String
        /// The decision's attributes that this clause serves too.
        public var sharedAttributes: [String]
        /// Why it is engaged: "cited by the flowchart" or "serves justice, explicability".
        public var reason: String

        public init(clauseID: String, code: String, title: String, sharedAttributes: [String], reason: String) {
            self.clauseID = clauseID
            self.code = code
            self.title = title
            self.sharedAttributes = sharedAttributes
            self.reason = reason
        }
    }

    /// The decision record these clauses belong to.
    public var recordID: String
    public var clauses: [EngagedClause]

    public init(recordID: String, clauses: [EngagedClause]) {
        self.recordID = recordID
        self.clauses = clauses
    }
}
