import EthicsCore
import EthicsRender
import EthicsTestSupport
import Foundation
import Testing

/// Labels in drawings never overlap: each is measured, wrapped and placed clear of the boxes and
/// of every label placed before it.
@Suite("Diagram labels")
struct GraphLabelTests {
    /// A repeatable pseudo-random graph: `count` nodes, each joined to one or two earlier ones
    /// (and some back edges, closing cycles), with long labels on most edges, as a decision
    /// flowchart's answers are.
    static func generated(seed: UInt64, count: Int, direction: Graph.Direction) -> Graph {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = ["Yes", "no", "the", "people", "could", "be", "harmed", "or", "helped", "only", "a", "matter", "of", "law", "cost", "refer", "board"]
        func phrase(_ length: Int) -> String { (0..<length).map { _ in words[next(words.count)] }.joined(separator: " ") }
        let nodes = (0..<count).map { Graph.Node(id: "n\($0)", label: phrase(2 + next(6)), shape: [.box, .diamond, .rounded, .stadium][next(4)]) }
        var edges: [Graph.Edge] = []
        for index in 1..<count {
            for _ in 0..<(1 + next(2)) {
                edges.append(Graph.Edge(from: "n\(next(index))", to: "n\(index)", label: next(4) == 0 ? nil : phrase(1 + next(9))))
            }
            if next(6) == 0 { edges.append(Graph.Edge(from: "n\(index)", to: "n\(next(index))", label: phrase(3))) }
        }
        return Graph(title: "Generated \(seed)", direction: direction, nodes: nodes, edges: edges)
    }

    @Test("no two labels overlap in generated graphs, top down and left to right", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func generatedGraphs(seed: UInt64) throws {
        for direction in [Graph.Direction.topDown, .leftRight] {
            let graph = Self.generated(seed: seed, count: 12 + Int(seed) * 4, direction: direction)
            let html = try Renderer().render(Document(title: "G", blocks: [.graph(graph)]), as: .html)
            let boxes = SVGLabelBoxes.boxes(in: html)
            #expect(boxes.count == graph.nodes.count + graph.edges.filter { $0.label != nil }.count)
            if let (one, other) = SVGLabelBoxes.firstOverlap(in: html) {
                Issue.record("seed \(seed), \(direction): \(one) overlaps \(other)")
            }
        }
    }

    @Test("two long answers leaving one question are wrapped and kept apart")
    func siblingsApart() throws {
        let graph = Graph(nodes: [
            .init(id: "q", label: "Is there an ethical issue?", shape: .diamond), .init(id: "a", label: "Why not"), .init(id: "b", label: "The issue"),
        ], edges: [
            .init(from: "q", to: "a", label: "No, it is only a matter of law, cost or efficiency"),
            .init(from: "q", to: "b", label: "Yes, people could be helped or harmed, or treated differently"),
        ])
        let html = try Renderer().render(Document(title: "G", blocks: [.graph(graph)]), as: .html)
        #expect(html.contains("<tspan") && html.contains(">No, it is only a</tspan>"), "long labels wrap")
        #expect(SVGLabelBoxes.firstOverlap(in: html) == nil)
        // The papers draw the same picture.
        let odt = try Renderer().renderBytes(Document(title: "G", blocks: [.graph(graph)]), as: .odt)
        let svg = try PaperRendererTests.part("Pictures/diagram-1.svg", of: odt)
        #expect(SVGLabelBoxes.boxes(in: svg).count == 5)
        #expect(SVGLabelBoxes.firstOverlap(in: svg) == nil)
    }
}
