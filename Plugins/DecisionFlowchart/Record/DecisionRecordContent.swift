import EthicsCore

/// A decision as the register keeps it (the record's JSON body): everything needed to show
/// later how the decision was reached, readable without the flowchart it was reached with.
struct DecisionRecordContent: Codable, Sendable, Hashable {
    struct ChartReference: Codable, Sendable, Hashable {
        var id: String
        var title: String
        var version: String
        /// The chart's provenance, as one citation.
        var source: String?
    }

    /// One node passed, with what it asked and what was answered.
    struct PathStep: Codable, Sendable, Hashable {
        var node: String
        var kind: NodeKind
        var step: Int?
        var title: String
        var asked: String
        var answer: Answer
        /// The answer in words: the choice's label, the ticked items, the options weighed.
        var summary: String
        /// For lens evaluations: each lens's id and name, in the node's order.
        var lenses: [LensName]?
    }

    struct LensName: Codable, Sendable, Hashable {
        var id: String
        var name: String
    }

    struct Outcome: Codable, Sendable, Hashable {
        var node: String
        var verdict: Verdict
        var title: String
        var text: String
        var obligations: [String]
        var reviewBy: CalendarDate?
    }

    var title: String
    var author: String
    var date: CalendarDate
    var council: String
    var flowchart: ChartReference
    var path: [PathStep]
    var outcome: Outcome
    var rationale: String
    /// Attribute ids the path engaged, in the council's order.
    var attributes: [String]
    /// Clause ids the nodes and choices on the path cite.
    var clauses: [String]
    /// Register records (canvases) the decision rests on.
    var cites: [String]
    /// The professional duties code-mapper found engaged; absent when it is switched off.
    var duties: [EngagedDuty]?

    /// Every lens evaluation on the path.
    var evaluations: [PathStep] { path.filter { $0.kind == .lensEvaluation } }
}
