import EthicsCore
@testable import EthicsRender
import Testing

/// The PNG a DOCX keeps beside each SVG diagram, which LibreOffice and Word before 2016 show: its
/// boxes carry their labels in the bitmap font.
@Suite struct PaperRasterTests {
    /// The dark pixels inside a box's border.
    func inked(_ canvas: PaperRaster.Canvas, inside box: GraphLayout.Box) -> Int {
        let (left, right) = (Int(box.x - box.width / 2) + 1, Int(box.x + box.width / 2) - 1)
        let (top, bottom) = (Int(box.y - box.height / 2) + 1, Int(box.y + box.height / 2) - 1)
        var count = 0
        for y in top...bottom {
            for x in left...right where canvas.pixels[y * canvas.width + x] == 0x0B { count += 1 }
        }
        return count
    }

    @Test func eachBoxIsLetteredWithItsLabelInTheBitmapFont() {
        let graph = Graph(nodes: [.init(id: "a", label: "Is there an issue?"), .init(id: "b", label: "No")], edges: [.init(from: "a", to: "b")])
        let canvas = PaperRaster.canvas(of: graph)
        let layout = GraphLayout(ResolvedGraph(graph))
        for (index, label) in ["Is there an issue?", "No"].enumerated() {
            // Every lit bit of every glyph, its row drawn two pixels tall, and nothing else.
            let bits = label.reduce(0) { sum, character in sum + PaperRasterFont.rows(of: character).reduce(0) { $0 + $1.nonzeroBitCount } }
            #expect(inked(canvas, inside: layout.boxes[index]) == bits * 2, "\(label)")
        }
    }

    @Test func charactersBeyondASCIIAreDrawnAsTheirNearestOrAQuestionMark() {
        #expect(PaperRasterFont.rows(of: "\u{2019}") == PaperRasterFont.rows(of: "'"))
        #expect(PaperRasterFont.rows(of: "\u{2013}") == PaperRasterFont.rows(of: "-"))
        #expect(PaperRasterFont.rows(of: "é") == PaperRasterFont.rows(of: "?"))
        #expect(PaperRasterFont.rows(of: "A").elementsEqual([0x0C, 0x1E, 0x33, 0x33, 0x3F, 0x33, 0x33, 0x00]))
    }
}
