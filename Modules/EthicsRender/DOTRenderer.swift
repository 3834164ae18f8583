import EthicsCore

/// Writes graphs as Graphviz digraphs.
///
/// Node ids become `n0`, `n1`, … (see ``ResolvedGraph``); every label and class is a quoted DOT
/// string with `\` and `"` escaped, so content can neither end the string nor trigger Graphviz's
/// backslash escapes such as `\N`.
enum DOTRenderer {
    /// Every graph in `document`, one digraph each, separated by a blank line; Graphviz accepts
    /// several graphs in one file.
    static func render(_ document: Document) throws(RenderError) -> String {
        let graphs = document.allGraphs
        guard !graphs.isEmpty else { throw .nothingToRender(.dot, in: document) }
        return graphs.map(render).joined(separator: "\n")
    }

    static func render(_ graph: Graph) -> String {
        let graph = ResolvedGraph(graph)
        var output = "digraph {\n"
        output += "    rankdir=\(graph.direction == .leftRight ? "LR" : "TB");\n"
        if let title = graph.title {
            output += "    labelloc=t;\n    label=\(quoted(title));\n"
        }
        output += "    node [fontname=\"sans-serif\"];\n    edge [fontname=\"sans-serif\"];\n"
        for node in graph.nodes {
            output += "    \(node.key) [label=\(quoted(node.label)), \(attributes(node.shape))"
            if let className = node.className {
                output += ", class=\(quoted(className))"
            }
            output += "];\n"
        }
        for edge in graph.edges {
            output += "    \(graph.nodes[edge.from].key) -> \(graph.nodes[edge.to].key)"
            if let label = edge.label {
                output += " [label=\(quoted(label))]"
            }
            output += ";\n"
        }
        output += "}\n"
        return output
    }

    /// DOT has no stadium, so starts and ends are ellipses, the usual flowchart terminal there.
    private static func attributes(_ shape: Graph.Node.Shape) -> String {
        switch shape {
        case .box: "shape=box"
        case .rounded: "shape=box, style=rounded"
        case .diamond: "shape=diamond"
        case .stadium: "shape=ellipse"
        case .circle: "shape=circle"
        }
    }

    private static func quoted(_ text: String) -> String {
        var output = "\""
        output.append(text) { byte in
            switch byte {
            case UInt8(ascii: "\\"): "\\\\"
            case UInt8(ascii: "\""): "\\\""
            case UInt8(ascii: "\n"): "\\n"
            case 0..<0x20, 0x7F: " "
            default: nil
            }
        }
        output += "\""
        return output
    }
}
