import EthicsCore
import EthicsRender
import Foundation
import Testing

@Suite("Mermaid and DOT renderers")
struct GraphRendererTests {
    private let document = Document(title: "Flow", blocks: [.graph(Samples.awkwardGraph)])

    @Test("Mermaid replaces ids, encodes labels and maps shapes")
    func mermaid() throws {
        #expect(try Renderer().render(document, as: .mermaid) == #"""
            ---
            title: "Flow \"one\" <b>"
            ---
            flowchart LR
                n0(["Start #quot;here#quot; #lt;b#gt;"])
                n1{"Is it {lawful}? [yes#124;no] #35;1 \N"}
                n2["undeclared id"]
                n0 -->|"say #quot;yes#quot; #124; maybe"| n1
                n1 --> n2
                class n0 start-node

            """#)
    }

    @Test("DOT quotes and escapes labels and maps shapes")
    func dot() throws {
        #expect(try Renderer().render(document, as: .dot) == #"""
            digraph {
                rankdir=LR;
                labelloc=t;
                label="Flow \"one\" <b>";
                node [fontname="sans-serif"];
                edge [fontname="sans-serif"];
                n0 [label="Start \"here\" <b>", shape=ellipse, class="start-node"];
                n1 [label="Is it {lawful}? [yes|no] #1 \\N", shape=diamond];
                n2 [label="undeclared id", shape=box];
                n0 -> n1 [label="say \"yes\" | maybe"];
                n1 -> n2;
            }

            """#)
    }

    @Test(
        "every shape has a Mermaid and a DOT form",
        arguments: [
            (Graph.Node.Shape.box, #"n0["x"]"#, "shape=box"),
            (.rounded, #"n0("x")"#, "shape=box, style=rounded"),
            (.diamond, #"n0{"x"}"#, "shape=diamond"),
            (.stadium, #"n0(["x"])"#, "shape=ellipse"),
            (.circle, #"n0(("x"))"#, "shape=circle"),
        ])
    func shapes(shape: Graph.Node.Shape, mermaid: String, dot: String) throws {
        let graph = Graph(nodes: [.init(id: "x", label: "x", shape: shape)], edges: [])
        let document = Document(title: "T", blocks: [.graph(graph)])
        #expect(try Renderer().render(document, as: .mermaid).contains("    \(mermaid)\n"))
        #expect(try Renderer().render(document, as: .dot).contains(#"n0 [label="x", \#(dot)];"#))
    }

    @Test("line breaks in labels cannot end a Mermaid line or a DOT string")
    func lineBreaksInLabels() throws {
        let graph = Graph(nodes: [.init(id: "a", label: "one\ntwo\r\nthree")], edges: [])
        let document = Document(title: "T", blocks: [.graph(graph)])
        #expect(try Renderer().render(document, as: .mermaid).contains(#"n0["one two  three"]"#))
        #expect(try Renderer().render(document, as: .dot).contains(#"label="one\ntwo \nthree""#))
    }

    @Test("every graph in the document is written, nested ones included")
    func severalGraphs() throws {
        let small = Graph(direction: .topDown, nodes: [.init(id: "a", label: "A")], edges: [])
        let document = Document(title: "T", blocks: [
            .graph(small), .list(.unordered, items: [[.graph(small)]]),
        ])
        let mermaid = try Renderer().render(document, as: .mermaid)
        let dot = try Renderer().render(document, as: .dot)
        #expect(mermaid == "flowchart TD\n    n0[\"A\"]\n\nflowchart TD\n    n0[\"A\"]\n")
        #expect(dot.components(separatedBy: "digraph {").count == 3)
        #expect(dot.contains("rankdir=TB;"))
    }

    @Test("a document without a graph cannot be written as Mermaid or DOT", arguments: [OutputFormat.mermaid, .dot])
    func noGraph(format: OutputFormat) throws {
        let error = try #require(throws: RenderError.self) {
            try Renderer().render(Document(title: "Notes", blocks: [.paragraph("No graph.")]), as: format)
        }
        #expect(error.format == format)
        #expect(error.description.hasPrefix("'Notes' has no graph, so it cannot be written as \(format.rawValue);"))
    }
}
