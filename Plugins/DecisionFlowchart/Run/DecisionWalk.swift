import EthicsYAML
/// Where a person is in a flowchart and how they got there: the answers given so far and the
/// node they are at. A plain value, so that it can be saved to resume later, stepped back, and
/// replayed against the chart when a session is resumed.
struct DecisionWalk: Codable, Sendable, Hashable {
    var flowchartID: String
    var flowchartVersion: String
    private(set) var steps: [TakenStep] = []
    /// The node waiting for an answer; after the outcome is answered, the outcome.
    private(set) var current: String
    private(set) var isFinished = false

    init(chart: Flowchart) {
        flowchartID = chart.id.value
        flowchartVersion = chart.version
        current = chart.startID
    }

    func currentNode(in chart: Flowchart) -> FlowNode {
        // The walk only ever moves to nodes the checked chart has.
        chart.node(current) ?? chart.nodes[0]
    }

    /// Takes `answer` at the current node and moves on; the walk is unchanged when it is refused.
    @discardableResult
    mutating func answer(_ answer: Answer, in chart: Flowchart) throws(AnswerProblem) -> TakenStep {
        let node = currentNode(in: chart)
        let next = try AnswerRules.next(after: answer, at: node, in: chart)
        let step = TakenStep(node: node.id.value, answer: answer)
        steps.append(step)
        if let next {
            current = next
        } else {
            isFinished = true
        }
        return step
    }

    /// Forgets the last answer and returns to the node it was given at; false at the start.
    mutating func back() -> Bool {
        guard let last = steps.popLast() else { return false }
        current = last.node
        isFinished = false
        return true
    }

    /// A fresh walk of `chart` through the same answers, so a saved session is checked against
    /// the chart as it is now.
    static func replaying(_ steps: [TakenStep], in chart: Flowchart) throws(AnswerProblem) -> DecisionWalk {
        var walk = DecisionWalk(chart: chart)
        for step in steps {
            guard step.node == walk.current else {
                throw AnswerProblem(message: "the flowchart now goes to '\(walk.current)' where the saved answers went to '\(step.node)'")
            }
            try walk.answer(step.answer, in: chart)
        }
        return walk
    }
}
