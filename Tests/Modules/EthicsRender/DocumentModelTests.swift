import EthicsCore
import EthicsRender
import Foundation
import Testing

@Suite("Document model")
struct DocumentModelTests {
    @Test("string literals build text inlines and plain-text builders wrap them")
    func literalsAndBuilders() {
        let built: Block = .paragraph(["Read ", .strong("this"), " \(1 + 1) times"])
        #expect(built == .paragraph([.text("Read "), .strong([.text("this")]), .text(" 2 times")]))
        #expect(Block.paragraph("plain") == .paragraph([.text("plain")]))
        #expect(Block.heading(level: 3, "Title") == .heading(level: 3, [.text("Title")], anchor: nil))
        #expect(Block.list(.ordered, ["a"]) == .list(.ordered, items: [[.paragraph([.text("a")])]]))
        #expect(Inline.link("GOV.UK", url: "https://gov.uk") == .link([.text("GOV.UK")], url: "https://gov.uk"))
    }

    @Test("every block and inline survives a JSON round trip")
    func jsonRoundTrip() throws {
        let data = try JSONEncoder().encode(Samples.everyBlock)
        #expect(try JSONDecoder().decode(Document.self, from: data) == Samples.everyBlock)
    }

    @Test("a command is written as the command in every format, and survives a JSON round trip")
    func commandsAreWrittenAsTheCommand() throws {
        let page = OperationPage("a new scan", plugin: "consequence-scanning", operation: "scan")
        let inline = Inline.command("ethics consequence-scanning scan", page: page)
        #expect(try JSONDecoder().decode(Inline.self, from: JSONEncoder().encode(inline)) == inline)
        let document = Document(title: "Scans", blocks: [.paragraph(["Start one with ", inline, "."])])
        let renderer = Renderer()
        #expect(try renderer.render(document, as: .html).contains("Start one with <code>ethics consequence-scanning scan</code>."))
        #expect(try renderer.render(document, as: .markdown).contains("Start one with `ethics consequence-scanning scan`."))
        #expect(try renderer.render(document, as: .text).contains("Start one with ethics consequence-scanning scan."))
        #expect(document.blocks[0].plainText == "Start one with ethics consequence-scanning scan.")
        let odt = try renderer.renderBytes(document, as: .odt)
        #expect(odt.count > 100)
    }

    @Test("blocks and inlines are encoded as objects tagged with their type")
    func jsonIsTagged() throws {
        let block = Block.heading(level: 2, ["Hi ", .termReference("DPIA", termID: "dpia")], anchor: "hi")
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(block)) as? [String: Any])
        #expect(json["type"] as? String == "heading")
        #expect(json["level"] as? Int == 2)
        #expect(json["anchor"] as? String == "hi")
        let content = try #require(json["content"] as? [[String: Any]])
        #expect(content.map { $0["type"] as? String } == ["text", "termReference"])
        #expect(content[1]["termID"] as? String == "dpia")
    }

    @Test("an unknown block type is a decoding error, not a silent drop")
    func unknownTypeFails() {
        let json = Data(#"{"type": "marquee", "content": []}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Block.self, from: json) }
    }

    @Test("containsInline finds an inline at any depth, and none where there is none")
    func containsInlineLooksEverywhere() {
        func isCommand(_ inline: Inline) -> Bool { if case .command = inline { true } else { false } }
        let command = Inline.command("ethics x y", page: OperationPage("the page", plugin: "x", operation: "y"))
        let nested = Document(title: "Nested", blocks: [
            .definitions([Block.Definition(term: ["Term"], details: [
                .list(.unordered, items: [[.table(Table(caption: [], header: ["Heading"], rows: [[Table.Cell([.strong([.link([command], url: "#a")])])]]))]]),
            ])]),
        ])
        #expect(nested.containsInline(where: isCommand))
        #expect(!Samples.everyBlock.containsInline(where: isCommand))
        #expect(Samples.everyBlock.containsInline { if case .termReference = $0 { true } else { false } })
        #expect(!Document(title: "Code only", blocks: [.code("ethics x y", language: nil)]).containsInline { _ in true })
    }

    @Test("mapInlines reaches the inlines of every kind of block")
    func mapInlinesReachesEverything() {
        let shouted = Samples.everyBlock.mapInlines { inline -> [Inline] in
            switch inline {
            case .text(let text): [.text(text.uppercased())]
            case .code(let code): [.code(code.uppercased())]
            case .termReference(let text, let id): [.termReference(text.uppercased(), termID: id)]
            case .emphasis, .strong, .link, .lineBreak, .command: [inline]
            }
        }
        let blocks = shouted.blocks.filter {
            if case .code = $0 { false } else if case .graph = $0 { false } else { true }
        }
        let text = blocks.map(\.plainText).joined()
        #expect(!text.isEmpty)
        #expect(text == text.uppercased())
        #expect(shouted.title == "Every block", "the title is a plain string and is left alone")
    }

    @Test("mapInlines passes containers their mapped children and can split or drop inlines")
    func mapInlinesSplitsAndDrops() {
        let document = Document(title: "T", blocks: [.paragraph([.emphasis(["a", "drop", "b"]), .lineBreak])])
        var seen: [Inline] = []
        let mapped = document.mapInlines { inline in
            seen.append(inline)
            switch inline {
            case .text("drop"), .lineBreak: return []
            case .text(let text): return [.text(text), .text(text)]
            default: return [inline]
            }
        }
        #expect(mapped.blocks == [.paragraph([.emphasis(["a", "a", "b", "b"])])])
        #expect(seen.last == .lineBreak)
        #expect(seen.contains(.emphasis(["a", "a", "b", "b"])), "the container sees its mapped children")
    }

    @Test("mapText rewrites prose but not links, code or existing term references")
    func mapTextSkipsLinks() {
        let document = Document(title: "T", blocks: [
            .paragraph([
                "a DPIA ", .strong("DPIA"), .link("DPIA", url: "https://example.org"),
                .code("DPIA"), .termReference("DPIA", termID: "dpia"),
            ]),
        ])
        let linked = document.mapText { text in
            text == "DPIA" ? [.termReference(text, termID: "dpia")] : [.text(text)]
        }
        #expect(linked.blocks == [
            .paragraph([
                "a DPIA ", .strong([.termReference("DPIA", termID: "dpia")]),
                .link("DPIA", url: "https://example.org"), .code("DPIA"),
                .termReference("DPIA", termID: "dpia"),
            ]),
        ])
    }

    @Test("plainText lists what a reader reads, without markup or URLs")
    func plainText() {
        let document = Document(
            title: "Title", subtitle: "Sub", metadata: [.init("Author", "Me")],
            blocks: [
                .paragraph(["See ", .link("the guide", url: "https://example.org/secret-url"), "."]),
                .table(Table(header: ["A", "B"], rows: [["1", Table.Cell(intensity: 0.5)]])),
            ])
        #expect(document.plainText == "Title\nSub\nAuthor: Me\nSee the guide.\nA\tB\n1\t")
    }

    @Test(
        "term anchors are safe in ids and URL fragments",
        arguments: [
            ("DPIA", "term-dpia"),
            ("Data Protection Impact Assessment", "term-data-protection-impact-assessment"),
            ("<script>alert(1)</script>", "term-script-alert-1-script"),
            ("already-safe_id", "term-already-safe_id"),
            ("Ünïcode", "term-unicode"),
            ("Zoë's café – été 2027", "term-zoes-cafe-ete-2027"),
            ("  Spaces  around,  and between ", "term-spaces-around-and-between"),
            ("数据", "term-_"),
            ("", "term-_"),
        ])
    func termAnchors(termID: String, anchor: String) {
        #expect(Inline.anchor(forTerm: termID) == anchor)
    }

    @Test("cell intensity is clamped to 0...1 and a non-finite value counts as absent")
    func intensityNormalisation() {
        #expect(Table.Cell(intensity: 1.7).normalizedIntensity == 1)
        #expect(Table.Cell(intensity: -3).normalizedIntensity == 0)
        #expect(Table.Cell(intensity: 0.4).normalizedIntensity == 0.4)
        #expect(Table.Cell(intensity: .nan).normalizedIntensity == nil)
        #expect(Table.Cell(intensity: .infinity).normalizedIntensity == nil)
        #expect(Table.Cell("text").normalizedIntensity == nil)
    }

    @Test("a ragged table counts the widest row as its width")
    func columnCount() {
        let table = Table(header: ["A"], rows: [["1", "2", "3"], ["1"]], alignments: [.right])
        #expect(table.columnCount == 3)
        #expect(table.alignment(ofColumn: 0) == .right)
        #expect(table.alignment(ofColumn: 2) == .left)
    }
}
