import EthicsCore

/// Writes graphs as Mermaid flowcharts.
///
/// Node ids are replaced by `n0`, `n1`, … (see ``ResolvedGraph``) and every label is quoted with
/// Mermaid's own entity codes (`#quot;`, `#lt;`), so no content can close a shape, start an edge,
/// or inject markup into the SVG Mermaid draws.
enum MermaidRenderer {
    /// Every graph in `document`, one flowchart each, separated by a blank line.
    static func render(_ document: Document) throws(RenderError) -> String {
        let graphs = document.allGraphs
        guard !graphs.isEmpty else { throw .nothingToRender(.mermaid, in: document) }
        return graphs.map(render).joined(separator: "\n")
    }

    /// One flowchart, ending with a newline; a title goes in Mermaid's front matter.
    static func render(_ graph: Graph) -> String {
        let graph = ResolvedGraph(graph)
        var output = ""
        if let title = graph.title {
            output += "---\ntitle: \""
            output.append(title) { byte in
                switch byte {
                case UInt8(ascii: "\\"): "\\\\"
                case UInt8(ascii: "\""): "\\\""
                // `%%{init: …}%%` anywhere in the text is read by Mermaid as a directive, even
                // inside a quoted title; YAML's \x25 is a percent sign Mermaid never sees as one.
                case UInt8(ascii: "%"): "\\x25"
                case 0..<0x20, 0x7F: " "
                default: nil
                }
            }
            output += "\"\n---\n"
        }
        output += "flowchart \(graph.direction == .leftRight ? "LR" : "TD")\n"
        for node in graph.nodes {
            let (open, close) = delimiters(node.shape)
            output += "    \(node.key)\(open)\""
            appendLabel(node.label, to: &output)
            output += "\"\(close)\n"
        }
        for edge in graph.edges {
            output += "    \(graph.nodes[edge.from].key) -->"
            if let label = edge.label {
                output += "|\""
                appendLabel(label, to: &output)
                output += "\"|"
            }
            output += " \(graph.nodes[edge.to].key)\n"
        }
        for (className, keys) in graph.nodesByClass {
            output += "    class \(keys.joined(separator: ",")) \(className)\n"
        }
        return output
    }

    private static func delimiters(_ shape: Graph.Node.Shape) -> (open: String, close: String) {
        switch shape {
        case .box: ("[", "]")
        case .rounded: ("(", ")")
        case .diamond: ("{", "}")
        case .stadium: ("([", "])")
        case .circle: ("((", "))")
        }
    }

    /// Appends a label for use inside double quotes. `#` starts Mermaid's entity codes and a
    /// backquote starts its Markdown strings, so both are encoded too; line breaks become spaces.
    /// `%` is encoded because Mermaid looks for `%%{…}%%` directives (which can change its
    /// configuration, security level included) anywhere in the text before it parses shapes.
    private static func appendLabel(_ label: String, to output: inout String) {
        output.append(label) { byte in
            switch byte {
            case UInt8(ascii: "\""): "#quot;"
            case UInt8(ascii: "#"): "#35;"
            case UInt8(ascii: "&"): "#amp;"
            case UInt8(ascii: "<"): "#lt;"
            case UInt8(ascii: ">"): "#gt;"
            case UInt8(ascii: "|"): "#124;"
            case UInt8(ascii: "`"): "#96;"
            case UInt8(ascii: "%"): "#37;"
            case 0..<0x20, 0x7F: " "
            default: nil
            }
        }
    }
}
