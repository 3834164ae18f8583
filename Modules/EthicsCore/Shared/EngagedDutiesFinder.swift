/// A capability: which professional duties does a decision engage? code-mapper answers it from
/// the codes a council follows; decision-flowchart asks it before keeping a decision, so the
/// record lists the duties in the same transaction as the decision itself.
public protocol EngagedDutiesFinder: Sendable {
    /// The clauses engaged by a decision with these attributes and explicitly cited clauses,
    /// cited ones first. Clause ids that no code defines are left out and returned apart.
    func duties(attributes: [String], citedClauses: [String]) throws -> (duties: [EngagedDuty], unknownClauses: [String])
}

/// One clause of a professional code that a decision engages, and why.
public struct EngagedDuty: Codable, Sendable, Hashable {
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
