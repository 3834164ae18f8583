import EthicsCore

/// A graph whose node ids have been replaced by `n0`, `n1`, … in reading order.
///
/// Content ids can be anything (`end`, `Q1 (a)`, `a-->b`), and Mermaid and DOT each reserve
/// different words and characters, so rather than escape ids per syntax the renderers never emit
/// them at all; the labels, which are escaped, carry the meaning. Duplicate ids keep their first
/// node, and an edge naming an unknown id gets a node labelled with that id, as Mermaid would do.
struct ResolvedGraph {
    struct Node {
        var key: String
        var label: String
        var shape: Graph.Node.Shape
        /// The node's kind reduced to a safe class name.
        var className: String?
    }

    struct Edge {
        var from: Int
        var to: Int
        var label: String?
    }

    let title: String?
    let direction: Graph.Direction
    let nodes: [Node]
    let edges: [Edge]

    init(_ graph: Graph) {
        var nodes: [Node] = []
        var indexByID: [String: Int] = [:]
        nodes.reserveCapacity(graph.nodes.count)
        indexByID.reserveCapacity(graph.nodes.count)

        func index(of id: String, label: String, shape: Graph.Node.Shape, kind: String?) -> Int {
            if let existing = indexByID[id] { return existing }
            let index = nodes.count
            indexByID[id] = index
            nodes.append(Node(
                key: "n\(index)", label: label, shape: shape,
                className: kind.map(Inline.anchorSlug)))
            return index
        }

        for node in graph.nodes {
            _ = index(of: node.id, label: node.label, shape: node.shape, kind: node.kind)
        }
        let edges = graph.edges.map { edge in
            Edge(
                from: index(of: edge.from, label: edge.from, shape: .box, kind: nil),
                to: index(of: edge.to, label: edge.to, shape: .box, kind: nil),
                label: edge.label.flatMap { $0.isEmpty ? nil : $0 })
        }

        self.title = graph.title
        self.direction = graph.direction
        self.nodes = nodes
        self.edges = edges
    }

    /// Nodes grouped by class name, in order of first appearance, for `class` statements.
    var nodesByClass: [(className: String, keys: [String])] {
        var order: [String] = []
        var keys: [String: [String]] = [:]
        for node in nodes {
            guard let className = node.className else { continue }
            if keys[className] == nil { order.append(className) }
            keys[className, default: []].append(node.key)
        }
        return order.map { ($0, keys[$0] ?? []) }
    }

    /// Nodes that no edge touches, which a text outline of the edges alone would leave out.
    var isolatedNodes: [Node] {
        var touched = Array(repeating: false, count: nodes.count)
        for edge in edges {
            touched[edge.from] = true
            touched[edge.to] = true
        }
        return nodes.indices.filter { !touched[$0] }.map { nodes[$0] }
    }
}
