import EthicsCore
import EthicsYAML

/// A flowchart as boxes and arrows: questions as diamonds, outcomes as stadiums, and the nodes
/// a decision passed marked `visited`, so a record shows the path it took through the chart.
enum FlowchartGraph {
    static func graph(of chart: Flowchart, visited: Set<String> = []) -> Graph {
        var nodes: [Graph.Node] = []
        var edges: [Graph.Edge] = []
        for node in chart.nodes {
            let id = node.id.value
            let kind = visited.contains(id) ? "visited" : node.kind.rawValue
            let label = node.kind == .outcome ? "\(node.name) (\(node.verdict?.rawValue ?? ""))" : node.name
            nodes.append(Graph.Node(id: id, label: label, shape: shape(of: node.kind), kind: kind))
            switch node.kind {
            case .question:
                for choice in node.choices ?? [] {
                    if let next = choice.next { edges.append(Graph.Edge(from: id, to: next.value, label: choice.label)) }
                }
            case .checklist:
                if let next = node.next {
                    edges.append(Graph.Edge(from: id, to: next.value, label: node.otherwise == nil ? nil : "all required ticked"))
                }
                if let otherwise = node.otherwise { edges.append(Graph.Edge(from: id, to: otherwise.value, label: "otherwise")) }
            case .prompt, .lensEvaluation:
                if let next = node.next { edges.append(Graph.Edge(from: id, to: next.value)) }
            case .outcome:
                break
            }
        }
        return Graph(title: chart.title, direction: .topDown, nodes: nodes, edges: edges)
    }

    static func shape(of kind: NodeKind) -> Graph.Node.Shape {
        switch kind {
        case .question: .diamond
        case .prompt: .box
        case .lensEvaluation: .rounded
        case .checklist: .box
        case .outcome: .stadium
        }
    }
}
