import EthicsCore
import Foundation
import ZIPFoundation

/// A PNG of a diagram's boxes, their labels and the lines between them: the stand-in a DOCX keeps
/// beside the SVG picture, which Word before 2016 and LibreOffice show instead of the SVG.
///
/// The boxes sit where the SVG puts them, each lettered with its label's lines in an 8-pixel-wide
/// bitmap font (`PaperRasterFont`), its rows doubled to fill the SVG's line height; edges are
/// straight lines without their labels, which the text version printed under every diagram
/// gives. A diagram scaled down below the font's size is drawn unlettered. Lines are drawn one
/// pixel wide on a grey scale; the image is compressed with ZIPFoundation's deflate.
enum PaperRaster {
    /// The largest side drawn, in pixels; a bigger diagram is scaled down to it.
    static let maxSide = 2400.0

    static func png(of graph: Graph) -> [UInt8] {
        canvas(of: graph).png()
    }

    /// The diagram's pixels before they are compressed (what `png(of:)` encodes).
    static func canvas(of graph: Graph) -> Canvas {
        let resolved = ResolvedGraph(graph)
        let layout = GraphLayout(resolved)
        let scale = min(1, maxSide / max(layout.width, layout.height, 1))
        let width = max(Int((layout.width * scale).rounded(.up)), 1)
        let height = max(Int((layout.height * scale).rounded(.up)), 1)
        var canvas = Canvas(width: width, height: height)
        for edge in resolved.edges {
            let from = layout.boxes[edge.from]
            let to = layout.boxes[edge.to]
            canvas.line(from.x * scale, from.y * scale, to.x * scale, to.y * scale, shade: 0x50)
        }
        for box in layout.boxes {
            let (left, top) = ((box.x - box.width / 2) * scale, (box.y - box.height / 2) * scale)
            let (right, bottom) = ((box.x + box.width / 2) * scale, (box.y + box.height / 2) * scale)
            canvas.fill(left, top, right, bottom, shade: 0xFF)
            canvas.line(left, top, right, top, shade: 0x0B)
            canvas.line(right, top, right, bottom, shade: 0x0B)
            canvas.line(right, bottom, left, bottom, shade: 0x0B)
            canvas.line(left, bottom, left, top, shade: 0x0B)
            // The label's lines centred in the box, as the SVG centres them.
            let rowHeight = scale >= 0.9 ? 2 : scale >= 0.45 ? 1 : 0
            guard rowHeight > 0 else { continue }
            let firstLine = box.y - Double(box.lines.count - 1) * GraphLayout.lineHeight / 2
            for (index, line) in box.lines.enumerated() {
                let centreY = (firstLine + Double(index) * GraphLayout.lineHeight) * scale
                let textWidth = Double(line.count * 8)
                canvas.letter(String(line), left: box.x * scale - textWidth / 2, top: centreY - Double(4 * rowHeight), rowHeight: rowHeight)
            }
        }
        return canvas
    }

    /// Eight-bit grey pixels, white to start with.
    struct Canvas {
        let width: Int
        let height: Int
        var pixels: [UInt8]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            pixels = Array(repeating: 0xFF, count: width * height)
        }

        mutating func fill(_ left: Double, _ top: Double, _ right: Double, _ bottom: Double, shade: UInt8) {
            let x0 = max(Int(left), 0), x1 = min(Int(right), width - 1)
            let y0 = max(Int(top), 0), y1 = min(Int(bottom), height - 1)
            guard x0 <= x1, y0 <= y1 else { return }
            for y in y0...y1 {
                for x in x0...x1 { pixels[y * width + x] = shade }
            }
        }

        /// `text` in the bitmap font from (`left`, `top`), each glyph row drawn `rowHeight` pixels tall.
        mutating func letter(_ text: String, left: Double, top: Double, rowHeight: Int) {
            var x = Int(left.rounded())
            let y = Int(top.rounded())
            for character in text {
                for (row, bits) in PaperRasterFont.rows(of: character).enumerated() where bits != 0 {
                    for column in 0..<8 where bits & (1 << column) != 0 {
                        for repeat_ in 0..<rowHeight {
                            let (px, py) = (x + column, y + row * rowHeight + repeat_)
                            if px >= 0, px < width, py >= 0, py < height { pixels[py * width + px] = 0x0B }
                        }
                    }
                }
                x += 8
            }
        }

        /// A straight line, stepped along its longer axis.
        mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, shade: UInt8) {
            let steps = max(Int(max(abs(x1 - x0), abs(y1 - y0)).rounded(.up)), 1)
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                let x = Int((x0 + (x1 - x0) * t).rounded())
                let y = Int((y0 + (y1 - y0) * t).rounded())
                if x >= 0, x < width, y >= 0, y < height { pixels[y * width + x] = shade }
            }
        }

        func png() -> [UInt8] {
            var raw = [UInt8]()
            raw.reserveCapacity((width + 1) * height)
            for row in 0..<height {
                raw.append(0)
                raw.append(contentsOf: pixels[row * width..<(row + 1) * width])
            }
            var header = [UInt8]()
            header += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
            header += [8, 0, 0, 0, 0]
            var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            chunk("IHDR", header, into: &png)
            chunk("IDAT", zlib(raw), into: &png)
            chunk("IEND", [], into: &png)
            return png
        }

        private func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
            let body = Array(type.utf8) + data
            png += bigEndian(UInt32(data.count)) + body
            png += bigEndian(Data(body).crc32(checksum: 0))
        }

        /// A zlib stream: deflate from ZIPFoundation, framed with zlib's header and Adler-32.
        private func zlib(_ raw: [UInt8]) -> [UInt8] {
            let data = Data(raw)
            var deflated: [UInt8] = [0x78, 0x01]
            let compressed = try? Data.compress(size: Int64(data.count), bufferSize: max(data.count, 1), provider: { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }, consumer: { chunk in
                deflated += chunk
            })
            if compressed == nil {
                // Stored blocks: never expected, but a picture is better than none.
                deflated = [0x78, 0x01]
                var offset = 0
                repeat {
                    let size = min(65535, raw.count - offset)
                    let last: UInt8 = offset + size >= raw.count ? 1 : 0
                    deflated += [last, UInt8(size & 0xFF), UInt8(size >> 8), UInt8(~size & 0xFF), UInt8((~size >> 8) & 0xFF)]
                    deflated += raw[offset..<offset + size]
                    offset += size
                } while offset < raw.count
            }
            var a: UInt32 = 1, b: UInt32 = 0
            for byte in raw {
                a = (a + UInt32(byte)) % 65521
                b = (b + a) % 65521
            }
            return deflated + bigEndian(b << 16 | a)
        }

        private func bigEndian(_ value: UInt32) -> [UInt8] {
            [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
        }
    }
}
