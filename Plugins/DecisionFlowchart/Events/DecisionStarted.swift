public import EthicsCore

/// Someone has begun (or resumed) walking a proposal through a flowchart.
///
/// Free-text answers never travel on the bus: events are journalled, and the answers belong in
/// the decision record, which keeps them under the register's access rules.
public struct DecisionStarted: Event, Hashable {
    public static let topic = "decision.started"

    public var title: String
    public var author: String
    public var flowchartID: String
    public var flowchartVersion: String
    /// The saved session this run continues, if it is one.
    public var resumedSession: String?

    public init(title: String, author: String, flowchartID: String, flowchartVersion: String, resumedSession: String? = nil) {
        self.title = title
        self.author = author
        self.flowchartID = flowchartID
        self.flowchartVersion = flowchartVersion
        self.resumedSession = resumedSession
    }
}
