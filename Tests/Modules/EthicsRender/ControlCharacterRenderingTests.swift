import EthicsCore
import EthicsRender
import Testing

/// Control characters that reach a document escaped (YAML `"\e[2J"`, JSON `"\u001b["`, a title
/// typed on the command line, U+009B in a CSV cell) must not come out raw in any format.
@Suite("Control characters in rendered documents")
struct ControlCharacterRenderingTests {
    static let hostile = "Repairs \u{1B}[2J\u{1B}]0;pwn\u{07} \u{9B}31m \u{0}end\u{7F} \u{202E}devorppa"

    private var document: Document {
        Document(title: Self.hostile, blocks: [
            .paragraph([.text(Self.hostile)]),
            .table(Table(header: [.init([.text(Self.hostile)])], rows: [[.init([.text("cell \u{9B}1;1H")])]])),
            .graph(Graph(nodes: [.init(id: "a", label: Self.hostile)], edges: [])),
        ])
    }

    @Test("no C0 or C1 control except tab and line breaks survives", arguments: [
        OutputFormat.text, .markdown, .html, .csv, .mermaid, .dot,
    ])
    func neutralised(format: OutputFormat) throws {
        let output = try Renderer().render(document, as: format)
        let controls = output.unicodeScalars.filter {
            ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || (0x7F..<0xA0).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
        #expect(controls.isEmpty, "\(format): \(controls.map { String($0.value, radix: 16) })")
        #expect(!output.contains("\r") || format == .csv, "a carriage return only ends a CSV record")
    }

    @Test("the one HTML escaping (a form's typed value echoed back) replaces NUL, which HTML does not allow")
    func escapingReplacesNUL() {
        #expect(HTMLText.escaped("dec-\u{0}<b>") == "dec-\u{2400}&lt;b&gt;")
    }

    @Test("JSON keeps them, escaped")
    func json() throws {
        let output = try Renderer().render(document, as: .json)
        #expect(output.contains(#"\u001b[2J"#) || output.contains(#"\u001B[2J"#))
        #expect(!output.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test("a Mermaid directive in a label or title is not one")
    func mermaidDirective() throws {
        let graph = Graph(title: "%%{init: {'securityLevel': 'loose'}}%%",
                          nodes: [.init(id: "a", label: "%%{init: {'theme': 'dark'}}%%")], edges: [])
        let output = try Renderer().render(Document(title: "T", blocks: [.graph(graph)]), as: .mermaid)
        #expect(!output.contains("%%"), "\(output)")
        #expect(output.contains("#37;#37;{init: {'theme': 'dark'}}#37;#37;"))
        #expect(output.contains(#"title: "\x25\x25{init:"#))
    }
}
