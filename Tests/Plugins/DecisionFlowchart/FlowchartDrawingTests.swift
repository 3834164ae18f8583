import EthicsCore
import EthicsRender
import EthicsTestSupport
import Foundation
import Testing
@testable import DecisionFlowchart

/// The shipped flowchart drawn for people: no label printed over another.
@Suite struct FlowchartDrawingTests {
    @Test("no two labels of the shipped flowchart's drawing overlap, in the HTML page and in the papers' picture")
    func shippedFlowchartLabelsDoNotOverlap() throws {
        let page = FlowchartDocument(chart: try Fixtures.shippedChart(), attributes: try Fixtures.shippedAttributes())
        let html = try Renderer().render(page.document, as: .html)
        let svg = try #require(html.range(of: "<svg ").map { String(html[$0.lowerBound...]) })
        let boxes = SVGLabelBoxes.boxes(in: svg)
        // Every node and every labelled edge has its label drawn.
        let graph = try #require(page.document.blocks.compactMap { if case .graph(let graph) = $0 { graph } else { nil } }.first)
        #expect(boxes.count == graph.nodes.count + graph.edges.filter { $0.label != nil }.count)
        if let (one, other) = SVGLabelBoxes.firstOverlap(in: svg) {
            Issue.record("\(one) overlaps \(other)")
        }
    }
}
