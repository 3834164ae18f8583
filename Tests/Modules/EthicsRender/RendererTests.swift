import EthicsCore
import EthicsRender
import Foundation
import Testing

@Suite("Renderer and formats")
struct RendererTests {
    @Test("formats are named as users type them", arguments: OutputFormat.allCases)
    func names(format: OutputFormat) {
        #expect(OutputFormat(rawValue: format.rawValue) == format)
    }

    @Test("unknown format names are rejected")
    func unknownName() {
        #expect(OutputFormat(rawValue: "pdf") == nil)
        #expect(OutputFormat(rawValue: "HTML") == nil)
    }

    @Test("each format says what it can carry and whether listeners annotate it")
    func capabilities() {
        #expect(OutputFormat.allCases.filter { $0.content == .wholeDocument } == [.text, .markdown, .html, .json, .odt, .docx])
        #expect(OutputFormat.csv.content == .tablesOnly)
        #expect(OutputFormat.mermaid.content == .graphsOnly)
        #expect(OutputFormat.dot.content == .graphsOnly)
        #expect(OutputFormat.annotated == [.markdown, .html, .odt, .docx])
        #expect(OutputFormat.allCases.map(\.fileExtension) == ["txt", "md", "html", "json", "csv", "mmd", "dot", "odt", "docx"])
        #expect(OutputFormat.allCases.filter(\.isBinary) == [.odt, .docx])
    }

    @Test("an empty table says what it was told to in the formats people read, and keeps its header in a spreadsheet")
    func emptyTables() throws {
        let empty = Table(caption: ["0 entries"], header: ["Entry", "Kind"], rows: [], whenEmpty: ["No entry matches."])
        let document = Document(title: "List", blocks: [.table(empty), .callout(.note, title: [.text("Inside")], [.table(empty)])])
        for format in [OutputFormat.text, .markdown, .html] {
            let page = try Renderer().render(document, as: format)
            #expect(page.components(separatedBy: "No entry matches.").count == 3, "\(format): \(page)")
            #expect(!page.contains("Kind"), "\(format): no header row: \(page)")
        }
        #expect(try Renderer().render(Document(title: "List", blocks: [.table(empty)]), as: .csv) == "Entry,Kind\r\n")
        let json = try Renderer().render(document, as: .json)
        #expect(try JSONDecoder().decode(Document.self, from: Data(json.utf8)) == document, "JSON keeps the table as it is")
        // With rows, or without words for its emptiness, a table is a table.
        var full = empty
        full.rows = [["DPIA", "term"]]
        #expect(try Renderer().render(Document(title: "L", blocks: [.table(full)]), as: .text).contains("Kind"))
        var silent = empty
        silent.whenEmpty = nil
        #expect(try Renderer().render(Document(title: "L", blocks: [.table(silent)]), as: .text).contains("Kind"))
    }

    @Test("JSON is the document model, stable and pretty with sorted keys")
    func json() throws {
        let json = try Renderer().render(Samples.everyBlock, as: .json)
        #expect(try JSONDecoder().decode(Document.self, from: Data(json.utf8)) == Samples.everyBlock)
        #expect(json == (try Renderer().render(Samples.everyBlock, as: .json)))
        #expect(json.hasPrefix("{\n  \"blocks\" : ["))
        #expect(json.contains(#""url" : "https://example.org""#), "slashes are not escaped")
    }

    @Test("a value JSON cannot represent is a render error, not a crash")
    func jsonFailure() throws {
        let document = Document(title: "T", blocks: [.table(Table(header: [.init(intensity: .nan)], rows: []))])
        let error = try #require(throws: RenderError.self) { try Renderer().render(document, as: .json) }
        #expect(error.format == .json)
        #expect(error.message.hasPrefix("'T' cannot be written as JSON"))
    }

    @Test("the renderer works through the protocol plugins see")
    func protocolUse() throws {
        let renderer: any DocumentRenderer = Renderer(textWidth: 40)
        #expect(try renderer.render(Document(title: "Hello"), as: .text) == "Hello\n=====\n")
    }
}
