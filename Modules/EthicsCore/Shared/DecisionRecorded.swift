/// A decision reached through a decision flowchart has been kept in the register.
///
/// Part of the shared data model so that plugins can react to decisions without importing the
/// decision-flowchart plugin (code-mapper annotates the duties a decision engages).
public struct DecisionRecorded: Event, Hashable {
    public static let topic = "decision.recorded"

    /// The record's id in the register.
    public var recordID: String
    public var title: String
    public var flowchartID: String
    /// The outcome's verdict id (`proceed`, `escalate`, …).
    public var verdict: String
    /// Attribute ids the path through the flowchart engaged.
    public var attributes: [String]
    /// Code clause ids that the flowchart's nodes cite explicitly (`bcs.1.a`).
    public var clauses: [String]

    public init(recordID: String, title: String, flowchartID: String, verdict: String, attributes: [String], clauses: [String] = []) {
        self.recordID = recordID
        self.title = title
        self.flowchartID = flowchartID
        self.verdict = verdict
        self.attributes = attributes
        self.clauses = clauses
    }
}
