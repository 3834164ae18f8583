import EthicsCore
import EthicsDiagnostics
import Foundation
import ZIPFoundation

/// The zip container of an ODT or DOCX paper, packed in memory by ZIPFoundation.
///
/// Entries go in the order given; the first may be stored uncompressed, as ODF requires of its
/// `mimetype`. Every entry carries the same fixed date, so the same document always makes the same
/// bytes, and a paper can be compared or checksummed.
struct PaperPackage {
    struct Entry {
        var path: String
        var bytes: [UInt8]
        var compressed: Bool
    }

    private(set) var entries: [Entry] = []

    /// Adds a part of XML text. Control characters that arrived inside content are replaced by
    /// visible stand-ins first (see `ControlCharacters`), since XML 1.0 cannot carry most of them.
    mutating func add(_ path: String, xml: String) {
        entries.append(Entry(path: path, bytes: Array(ControlCharacters.neutralised(xml).utf8), compressed: true))
    }

    mutating func add(_ path: String, bytes: [UInt8], compressed: Bool = true) {
        entries.append(Entry(path: path, bytes: bytes, compressed: compressed))
    }

    /// The zip archive's bytes.
    func archive(format: OutputFormat) throws(RenderError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries {
                let data = Data(entry.bytes)
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: Self.fixedDate, compressionMethod: entry.compressed ? .deflate : .none,
                    bufferSize: max(data.count, 1)
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else {
                throw RenderError(format: format, message: "the \(format.rawValue) archive could not be packed")
            }
            return [UInt8](data)
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(format: format, message: "the \(format.rawValue) archive could not be packed: \(error)")
        }
    }

    /// 1 January 2000, noon: any fixed date in zip's range would do.
    private static let fixedDate = Date(timeIntervalSince1970: 946_728_000)
}

/// Where papers agree with each other, whatever the container.
enum Paper {
    /// A bookmark name both Word and LibreOffice accept for an anchor: letters, digits and `_`,
    /// starting with a letter, at most 40 characters (Word's limit). Links use the same name, so
    /// a term reference lands on its glossary entry.
    static func bookmark(_ anchor: String) -> String {
        var name = ""
        for scalar in Inline.anchorSlug(anchor).unicodeScalars {
            name.unicodeScalars.append(scalar == "-" ? "_" : scalar)
        }
        if let first = name.unicodeScalars.first, !("a"..."z").contains(first) { name = "a_" + name }
        return String(name.prefix(40))
    }

    /// The level a heading takes in a word processor: the document's title is the paper's Title,
    /// so the sections (level 2 in the model, as in HTML) are Heading 1, and so on down.
    static func outlineLevel(_ level: Int) -> Int {
        Block.renderedLevel(level) - 1
    }

    /// The footer line, addressed to whoever reads the paper.
    static func colophon(_ branding: Branding?) -> String {
        let name = branding?.name ?? ""
        return name.isEmpty ? "Page" : "\(name) · Page"
    }

    /// The address of a link the paper may make clickable, or nil when it must stay text.
    static func target(_ url: String) -> String? {
        LinkPolicy.allows(url) ? url : nil
    }

    /// A drawing of `graph` as an SVG file, its size in points (a CSS pixel is three quarters of
    /// a point), scaled to fit the text area of an A4 page (`maxWidth` × `maxHeight` points), and
    /// the drawing's text version.
    static func drawing(_ graph: Graph, number: Int, maxWidth: Double = 480, maxHeight: Double = 640) -> (svg: [UInt8], width: Double, height: Double, title: String, lines: [String]) {
        let resolved = ResolvedGraph(graph)
        let title = graph.title.flatMap { $0.isEmpty ? nil : $0 } ?? "Diagram \(number)"
        var svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let size = SVGGraphRenderer.append(resolved, idPrefix: "graph-\(number)", title: title, standalone: true, to: &svg)
        var width = size.width * 0.75
        var height = size.height * 0.75
        let scale = min(1, maxWidth / max(width, 1), maxHeight / max(height, 1))
        width *= scale
        height *= scale
        return (Array(ControlCharacters.neutralised(svg).utf8), width, height, title, resolved.textVersion)
    }
}

extension ResolvedGraph {
    /// The diagram in words, one line per connection (`From → To (label)`) and per unconnected
    /// step: the text version printed beside every drawing.
    var textVersion: [String] {
        var lines = edges.map { edge in
            var line = nodes[edge.from].label + " → " + nodes[edge.to].label
            if let label = edge.label { line += " (\(label))" }
            return line
        }
        lines += isolatedNodes.map(\.label)
        return lines
    }
}

/// The council's logo as a picture inside a paper: its bytes, and its shape so it keeps its
/// proportions in the page header (read from a PNG's or GIF's header; otherwise taken as square).
struct PaperLogo {
    var bytes: [UInt8]
    var mediaType: String
    var fileExtension: String
    /// Width over height.
    var aspectRatio: Double

    init?(_ logo: Branding.Logo) {
        guard let data = Data(base64Encoded: logo.base64) else { return nil }
        let bytes = [UInt8](data)
        self.bytes = bytes
        mediaType = logo.mediaType
        let fileExtension = switch logo.mediaType {
        case "image/png": "png"
        case "image/jpeg": "jpg"
        case "image/gif": "gif"
        case "image/webp": "webp"
        default: "svg"
        }
        self.fileExtension = fileExtension
        func big(_ offset: Int) -> Double {
            Double(bytes[offset]) * 16_777_216 + Double(bytes[offset + 1]) * 65536 + Double(bytes[offset + 2]) * 256 + Double(bytes[offset + 3])
        }
        var ratio = 1.0
        if fileExtension == "png", bytes.count >= 24 {
            let (width, height) = (big(16), big(20))
            if width > 0, height > 0 { ratio = width / height }
        } else if fileExtension == "gif", bytes.count >= 10 {
            let width = Double(bytes[6]) + Double(bytes[7]) * 256
            let height = Double(bytes[8]) + Double(bytes[9]) * 256
            if width > 0, height > 0 { ratio = width / height }
        }
        aspectRatio = min(max(ratio, 0.2), 8)
    }
}

extension Table {
    /// How wide each column should be, as shares of the table that add up to 1.
    ///
    /// Each column first gets room for its longest word, measured as it prints (`PaperTextWidth`)
    /// with the cell's padding, so no word is broken across lines; what is left of the table's
    /// width then goes to the columns whose cells want more, up to a line of prose each, so a
    /// column of numbers stays narrow and a column of prose gets the room.
    var columnShares: [Double] {
        let columns = max(columnCount, 1)
        var words = Array(repeating: 0.0, count: columns)
        var texts = Array(repeating: 0.0, count: columns)
        func measure(_ cells: [Table.Cell], header: Bool) {
            for (index, cell) in cells.enumerated() where index < columns {
                // A cell prints its intensity only when it has no content of its own.
                let printed = cell.intensityLabel.map { [Inline.text($0)] } ?? cell.content
                let (word, line) = PaperTextWidth.measure(printed, bold: header || (index == 0 && hasRowHeaders))
                words[index] = max(words[index], word)
                texts[index] = max(texts[index], line)
            }
        }
        measure(header, header: true)
        for row in rows.prefix(200) { measure(row, header: false) }
        // In points: 9-point table text, 17 cm of table, and a cell's padding and borders (the
        // DOCX's 0.19 cm a side is the larger) with a little to spare.
        let (size, table, padding) = (9.0, 17 / 2.54 * 72, 13.0)
        let least = words.map { $0 * size + padding }
        let wanted = zip(texts, least).map { max(min($0 * size + padding, 200), $1) }
        let spare = table - least.reduce(0, +)
        let more = zip(wanted, least).map { max($0 - $1, 0) }
        let widths: [Double]
        if spare <= 0 {
            // The longest words cannot all fit: the columns of the longest give way to an equal
            // share of what the others leave (they break their words: a link or an identifier,
            // most often), and every other column keeps its words whole.
            var cap = Double.infinity
            var rest = table
            for (index, width) in least.sorted().enumerated() {
                let fair = rest / Double(columns - index)
                if width > fair { cap = fair; break }
                rest -= width
            }
            widths = least.map { min($0, cap) }
        } else if more.reduce(0, +) <= spare {
            // Every column has all it wants; what is still left goes out in proportion.
            let total = wanted.reduce(0, +)
            widths = wanted.map { $0 + (table - total) * $0 / total }
        } else {
            let total = more.reduce(0, +)
            widths = zip(least, more).map { $0 + spare * $1 / total }
        }
        let total = widths.reduce(0, +)
        return widths.map { $0 / total }
    }
}
