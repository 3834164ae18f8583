import EthicsCore
import EthicsRender
import Foundation
import Testing

/// The inline SVG drawing of graphs in HTML pages.
@Suite("SVG graph drawing")
struct SVGGraphTests {
    private func html(_ graphs: [Graph]) throws -> String {
        try Renderer().render(Document(title: "Graphs", blocks: graphs.map(Block.graph)), as: .html)
    }

    /// The `<svg>…</svg>` elements of a page.
    private func drawings(_ html: String) -> [Substring] {
        html.components(separatedBy: "<svg ").dropFirst().map { part in
            part[..<(part.range(of: "</svg>")?.upperBound ?? part.endIndex)]
        }
    }

    private func count(_ needle: String, in text: some StringProtocol) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test("the same graph always draws the same SVG, with a box per node and a path per edge")
    func deterministic() throws {
        let graph = Graph(title: "Flow", nodes: [
            .init(id: "start", label: "Recognise the issue", shape: .stadium),
            .init(id: "facts", label: "Get the facts, including who is affected and how", shape: .rounded),
            .init(id: "ok", label: "Is it lawful?", shape: .diamond, kind: "question"),
            .init(id: "end", label: "Act", shape: .circle, kind: "visited"),
            .init(id: "note", label: "An unconnected note"),
        ], edges: [
            .init(from: "start", to: "facts"), .init(from: "facts", to: "ok"),
            .init(from: "ok", to: "end", label: "yes"), .init(from: "ok", to: "facts", label: "no"),
        ])
        let first = try html([graph])
        #expect(first == (try html([graph])))
        let svg = try #require(drawings(first).first)
        #expect(count("<g class=\"node ", in: svg) == 5)
        #expect(count("<path class=\"edge\"", in: svg) == 4)
        #expect(svg.contains("<rect class=\"shape\""), "stadium and rounded boxes")
        #expect(svg.contains("<polygon class=\"shape\""), "the question is a diamond")
        #expect(svg.contains("<ellipse class=\"shape\""))
        #expect(svg.contains("class=\"node node-circle kind-visited\""))
        #expect(svg.contains("<text class=\"edge-label\""))
        #expect(svg.contains("<tspan"), "a long label wraps onto lines")
        #expect(svg.contains(#"<desc id="graph-1-desc">A diagram of 5 steps and 4 connections;"#))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test("labels are escaped, and nothing in the drawing refers outside the page")
    func escapingAndNoExternalReferences() throws {
        let hostile = #"<script>alert("x")</script> & <img src=http://x.test/a.png>"#
        let graph = Graph(title: hostile, nodes: [.init(id: "a", label: hostile), .init(id: "b", label: "B")],
                          edges: [.init(from: "a", to: "b", label: hostile)])
        let page = try html([graph])
        let svg = try #require(drawings(page).first)
        #expect(!page.contains("<script") && !page.contains("<img"))
        // The edge label wraps at 22 characters, inside the long word, so only its start is whole.
        #expect(count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", in: svg) == 2, "title and node label")
        #expect(count("&lt;script&gt;alert(&quot;x&quot;)", in: svg) == 3, "and the edge label")
        let withoutText = svg.replacingOccurrences(of: "http://x.test/a.p", with: "")
        #expect(!withoutText.contains("http") && !svg.contains("href") && !svg.contains("xmlns"))
        for use in svg.components(separatedBy: "url(").dropFirst() {
            #expect(use.hasPrefix("#graph-1-"), "only the page's own marker")
        }
    }

    @Test("several graphs on one page have their own ids")
    func uniqueIDs() throws {
        let graph = Graph(nodes: [.init(id: "a", label: "A")], edges: [.init(from: "a", to: "b")])
        let page = try html([graph, graph])
        #expect(page.contains(#"id="graph-1-arrow""#) && page.contains(#"id="graph-2-arrow""#))
        #expect(page.contains("<title id=\"graph-2-title\">Diagram 2</title>"), "an untitled graph is still named")
    }

    @Test("cycles and self-loops are drawn, in both directions")
    func cyclesAndSelfLoops() throws {
        for direction in [Graph.Direction.topDown, .leftRight] {
            let graph = Graph(direction: direction, nodes: [], edges: [
                .init(from: "a", to: "b"), .init(from: "b", to: "c"), .init(from: "c", to: "a", label: "again"),
                .init(from: "c", to: "c", label: "retry"), .init(from: "b", to: "b"),
            ])
            let svg = try #require(drawings(try html([graph])).first)
            #expect(count("<g class=\"node ", in: svg) == 3)
            #expect(count("<path class=\"edge\"", in: svg) == 5)
            #expect(svg.contains(">again</tspan></text>") && svg.contains(">retry</tspan></text>"))
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }

    /// A thousand nodes in a tangle of chains, branches, long jumps and loops back: drawn without
    /// hanging, every node once, in output that grows in proportion to the graph (a quadratic step
    /// would show as size or as a test that never ends, without a timed assertion to flake).
    @Test("a 1,000-node graph draws in output proportional to its size")
    func largeGraph() throws {
        func tangle(_ count: Int) -> Graph {
            var edges: [Graph.Edge] = []
            for node in 1..<count {
                edges.append(.init(from: "n\(node - 1)", to: "n\(node)"))
                if node % 7 == 0 { edges.append(.init(from: "n\(node)", to: "n\(node / 2)", label: "back")) }
                if node % 5 == 0 { edges.append(.init(from: "n\(node / 3)", to: "n\(node)")) }
            }
            return Graph(nodes: (0..<count).map { .init(id: "n\($0)", label: "Step \($0)") }, edges: edges)
        }
        let large = try html([tangle(1000)])
        let half = try html([tangle(500)])
        let svg = try #require(drawings(large).first)
        #expect(count("<g class=\"node ", in: svg) == 1000)
        let ratio = Double(large.utf8.count) / Double(half.utf8.count)
        #expect(ratio < 2.3, "output grew \(ratio)x for twice the nodes")
    }
}
