public import EthicsDiagnostics
import EthicsYAML

/// Checks the shape of a flowchart as a graph, in time linear in its nodes and edges: duplicate
/// ids, ways on that name no node, nodes the start never reaches, nodes with no way on, and
/// cycles that no answer can leave.
///
/// Everything works on arrays of node indices (edges in compressed rows, forward and reversed),
/// so a chart of 100,000 nodes is checked in a few breadth-first passes and one strongly
/// connected components pass, with no per-node allocation.
public struct GraphValidator {
    let chart: Flowchart

    public init(_ chart: Flowchart) {
        self.chart = chart
    }

    public func problems() -> [Diagnostic] {
        let nodes = chart.nodes
        let count = nodes.count
        guard count > 0 else { return [] }
        var problems: [Diagnostic] = []

        // Ids: the first node with an id owns it (the chart's index, built while decoding);
        // later ones are reported.
        let index = chart.index
        for position in 0..<count {
            let node = nodes[position].id
            if let first = index[node.value], first != position {
                problems.append(.error(
                    "node id '\(node.value)' is already used at \(nodes[first].id.location); node ids must be unique within a flowchart",
                    at: node.location))
            }
        }

        // Edges in compressed rows. A node whose way on is missing or names no node is "open":
        // its own message says what to fix, so it is not also reported as never reaching an outcome.
        var offsets = [Int32](repeating: 0, count: count + 1)
        var targets: [Int32] = []
        targets.reserveCapacity(count * 2)
        var open = [Bool](repeating: false, count: count)
        var isOutcome = [Bool](repeating: false, count: count)
        for position in 0..<count {
            let kind = nodes[position].kind
            isOutcome[position] = kind == .outcome
            func follow(_ target: Located<String>) {
                if let to = index[target.value] {
                    targets.append(Int32(to))
                } else {
                    open[position] = true
                    problems.append(.error(
                        "node '\(nodes[position].id.value)' leads to '\(target.value)', which is not a node of this flowchart",
                        at: target.location, suggestion: suggestion(for: target.value, among: index)))
                }
            }
            var missingWayOn = false
            switch kind {
            case .question:
                let choices = nodes[position].choices ?? []
                missingWayOn = choices.isEmpty
                for choice in choices {
                    if let next = choice.next { follow(next) } else { missingWayOn = true }
                }
            case .prompt, .lensEvaluation, .checklist:
                if let next = nodes[position].next { follow(next) } else { missingWayOn = true }
                if kind == .checklist, let otherwise = nodes[position].otherwise { follow(otherwise) }
            case .outcome:
                break
            }
            if missingWayOn {
                let node = nodes[position]
                open[position] = true
                problems.append(.error(
                    "\(node.kind.noun) '\(node.id.value)' can never reach an outcome: \(node.missingWayOnReason)",
                    at: node.id.location))
            }
            offsets[position + 1] = Int32(targets.count)
        }

        // Where a walk can go from the start.
        let startID = chart.startID
        guard let start = index[startID].map(Int32.init) else {
            problems.append(.error(
                "the start node '\(startID)' is not a node of this flowchart",
                at: chart.start?.location ?? chart.location, suggestion: suggestion(for: startID, among: index)))
            return problems
        }
        let reachable = Self.search(from: [start], count: count, offsets: offsets, targets: targets)

        // Which nodes can still reach an outcome (or an open node, whose fix may give it one):
        // the same search over the reversed edges.
        var reverseOffsets = [Int32](repeating: 0, count: count + 1)
        for target in targets { reverseOffsets[Int(target) + 1] += 1 }
        for position in 0..<count { reverseOffsets[position + 1] += reverseOffsets[position] }
        var fill = reverseOffsets
        var sources = [Int32](repeating: 0, count: targets.count)
        for from in 0..<count {
            for edge in Int(offsets[from])..<Int(offsets[from + 1]) {
                let to = Int(targets[edge])
                sources[Int(fill[to])] = Int32(from)
                fill[to] += 1
            }
        }
        let seeds = (0..<count).filter { isOutcome[$0] || open[$0] }.map { Int32($0) }
        if !isOutcome.contains(true) {
            problems.append(.error(
                "the flowchart has no outcome node; every walk must end at one (kind: outcome)",
                at: chart.location))
            return problems
        }
        let finishes = Self.search(from: seeds, count: count, offsets: reverseOffsets, targets: sources)

        for position in 0..<count where !reachable[position] {
            let node = nodes[position]
            guard index[node.id.value] == position else { continue }
            problems.append(.error(
                "node '\(node.id.value)' cannot be reached from the start node '\(startID)'",
                at: node.id.location))
        }

        // Trapped nodes: reached, but no outcome after them. Their successors are trapped too,
        // so they form a closed subgraph whose strongly connected components are the cycles
        // with no exit; the rest only lead into those cycles.
        let trapped = (0..<count).map { reachable[$0] && !finishes[$0] }
        guard trapped.contains(true) else { return problems }
        let components = StronglyConnectedComponents(count: count, offsets: offsets, targets: targets, included: trapped)
        for component in components.cycles {
            let members = component.sorted()
            let names = members.prefix(5).map { "'\(nodes[Int($0)].id.value)'" }.joined(separator: ", ")
            let more = members.count > 5 ? " and \(members.count - 5) more" : ""
            problems.append(.error(
                "cycle with no exit: \(members.count == 1 ? "node" : "nodes") \(names)\(more) lead only back to \(members.count == 1 ? "itself" : "each other") and never reach an outcome",
                at: nodes[Int(members[0])].id.location))
        }
        for position in 0..<count where trapped[position] && !components.inCycle[position] {
            problems.append(.error(
                "node '\(nodes[position].id.value)' can never reach an outcome: every way on from it ends in a cycle with no exit",
                at: nodes[position].id.location))
        }
        return problems
    }

    /// Breadth-first search over compressed rows; which nodes the seeds reach (seeds included).
    static func search(from seeds: [Int32], count: Int, offsets: [Int32], targets: [Int32]) -> [Bool] {
        var seen = [Bool](repeating: false, count: count)
        var queue = [Int32]()
        queue.reserveCapacity(count)
        for seed in seeds where !seen[Int(seed)] {
            seen[Int(seed)] = true
            queue.append(seed)
        }
        var head = 0
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                let next = Int(targets[edge])
                if !seen[next] {
                    seen[next] = true
                    queue.append(Int32(next))
                }
            }
        }
        return seen
    }

    /// A did-you-mean for a mistyped node id. Skipped for very large charts, where comparing
    /// against every id would cost more than the rest of the check.
    private func suggestion(for id: String, among index: [String: Int]) -> String? {
        guard index.count <= 5_000 else { return nil }
        return Suggestion.didYouMean(id, among: chart.nodes.map(\.id.value))
    }
}

extension FlowNode {
    var missingWayOnReason: String {
        switch kind {
        case .question:
            if let choice = (choices ?? []).first(where: { $0.next == nil }) {
                "its choice '\(choice.id.value)' does not say where it leads; add 'next:' to the choice"
            } else {
                "it offers no choices; list them under 'choices', each with 'next:'"
            }
        default: "it does not say which node comes next; add 'next:'"
        }
    }
}
