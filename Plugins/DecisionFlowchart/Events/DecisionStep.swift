public import EthicsCore

/// One node of a flowchart has been answered during a run.
public struct DecisionStep: Event, Hashable {
    public static let topic = "decision.step"

    public var title: String
    public var flowchartID: String
    /// 1 for the first node answered, and so on; stepping back and answering again repeats a number.
    public var number: Int
    public var node: String
    /// `question`, `prompt`, `lens-evaluation`, `checklist` or `outcome`.
    public var kind: String
    /// The choice taken at a question; nil for the other kinds, whose answers are free text.
    public var choice: String?

    public init(title: String, flowchartID: String, number: Int, node: String, kind: String, choice: String? = nil) {
        self.title = title
        self.flowchartID = flowchartID
        self.number = number
        self.node = node
        self.kind = kind
        self.choice = choice
    }
}
