import EthicsCore
import EthicsRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation

/// The ODT and DOCX papers as packages: the parts a word processor needs, well-formed XML, and the
/// structure (heading styles, repeating header rows, lists, links, page numbers, header) carried as
/// structure. LibreOffice and python-docx open them in Tests/EndToEnd/PapersEndToEndTests.
@Suite("ODT and DOCX papers")
struct PaperRendererTests {
    static let branding = Branding(
        name: "Anytown Borough Council",
        // A 2 × 1 PNG header is enough for the logo's proportions.
        logo: Branding.Logo(mediaType: "image/png", base64: Data([
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 2, 0, 0, 0, 1, 8, 0, 0, 0, 0,
        ]).base64EncodedString()))

    /// The parts of a paper by path, in archive order.
    static func parts(_ bytes: [UInt8]) throws -> [(path: String, text: String)] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return (entry.path, String(decoding: data, as: UTF8.self))
        }
    }

    static func part(_ path: String, of bytes: [UInt8]) throws -> String {
        try #require(try parts(bytes).first { $0.path == path }?.text, "no \(path)")
    }

    static func isWellFormed(_ xml: String) -> Bool {
        XMLParser(data: Data(xml.utf8)).parse()
    }

    @Test("an ODT starts with its mimetype, stored, and every XML part is well-formed")
    func odtPackage() throws {
        let bytes = try Renderer(branding: Self.branding).renderBytes(Samples.everyBlock, as: .odt)
        // ODF: the first entry is `mimetype`, uncompressed, so the type can be read at offset 38.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0)
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<77], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
        let parts = try Self.parts(bytes)
        #expect(parts.map(\.path) == ["mimetype", "content.xml", "styles.xml", "meta.xml", "Pictures/diagram-1.svg", "Pictures/logo.png", "META-INF/manifest.xml"])
        for part in parts where part.path.hasSuffix(".xml") || part.path.hasSuffix(".svg") {
            #expect(Self.isWellFormed(part.text), "\(part.path) is not well-formed")
        }
        #expect(try Self.part("META-INF/manifest.xml", of: bytes).contains(#"manifest:full-path="Pictures/diagram-1.svg" manifest:media-type="image/svg+xml""#))
    }

    @Test("an ODT carries structure: heading styles in the outline, header rows, lists, links, bookmarks, page numbers")
    func odtStructure() throws {
        let bytes = try Renderer(branding: Self.branding).renderBytes(Samples.everyBlock, as: .odt)
        let content = try Self.part("content.xml", of: bytes)
        #expect(content.contains(#"<text:p text:style-name="Title">Every block</text:p>"#))
        #expect(content.contains(#"<text:h text:style-name="Heading_20_1" text:outline-level="1"><text:bookmark text:name="top"/>Heading "#))
        #expect(content.contains("<table:table-header-rows><table:table-row>"))
        #expect(content.contains(#"<text:list text:style-name="List_20_Bullet">"#))
        #expect(content.contains(#"<text:list text:style-name="Numbering_20_123">"#))
        #expect(content.contains(#"<text:a xlink:type="simple" xlink:href="https://example.org""#))
        #expect(content.contains(##"xlink:href="#term_t""##), "a term reference lands on its entry's bookmark")
        #expect(content.contains(#"<text:bookmark text:name="term_t"/>Term"#))
        #expect(content.contains("after break") && content.contains("<text:line-break/>after break"))
        #expect(content.contains(#"<draw:image xlink:href="Pictures/diagram-1.svg""#))
        #expect(content.contains("Text version of the diagram") && content.contains("A → b (to b)"))
        #expect(content.contains("cell 0.50") == false && content.contains(">0.50<"), "the intensity is printed")
        let styles = try Self.part("styles.xml", of: bytes)
        #expect(styles.contains("<text:page-number text:select-page=\"current\">"))
        #expect(styles.contains("<text:page-count>"))
        #expect(styles.contains("Anytown Borough Council"))
        #expect(styles.contains(#"<draw:image xlink:href="Pictures/logo.png""#))
        #expect(styles.contains(#"svg:width="1.8cm" svg:height="0.9cm""#), "the logo keeps its proportions")
    }

    @Test("a DOCX has its parts, well-formed, with Word's heading styles, repeating header rows, numbering, links and page numbers")
    func docxStructure() throws {
        let bytes = try Renderer(branding: Self.branding).renderBytes(Samples.everyBlock, as: .docx)
        let parts = try Self.parts(bytes)
        for part in parts where part.path.hasSuffix(".xml") || part.path.hasSuffix(".rels") || part.path.hasSuffix(".svg") {
            #expect(Self.isWellFormed(part.text), "\(part.path) is not well-formed")
        }
        #expect(Set(parts.map(\.path)).isSuperset(of: [
            "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml",
            "word/header1.xml", "word/footer1.xml", "word/_rels/document.xml.rels", "word/media/diagram-1.svg",
            "word/media/diagram-1.png", "word/media/logo.png", "word/_rels/header1.xml.rels", "docProps/core.xml",
        ]))
        let document = try Self.part("word/document.xml", of: bytes)
        #expect(document.contains(#"<w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">Every block</w:t>"#))
        #expect(document.contains(#"<w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="1" w:name="top"/>"#))
        #expect(document.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"))
        #expect(document.contains(#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#))
        #expect(document.contains(#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>"#))
        #expect(document.contains(#"<w:hyperlink w:anchor="term_t">"#))
        #expect(document.contains("<w:br/></w:r><w:r><w:t xml:space=\"preserve\">after break") || document.contains("<w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">after break"))
        #expect(document.contains("asvg:svgBlip"))
        let relationships = try Self.part("word/_rels/document.xml.rels", of: bytes)
        #expect(relationships.contains(#"Target="https://example.org" TargetMode="External""#))
        let styles = try Self.part("word/styles.xml", of: bytes)
        #expect(styles.contains(#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>"#))
        let footer = try Self.part("word/footer1.xml", of: bytes)
        #expect(footer.contains(#"w:instr=" PAGE ""#) && footer.contains(#"w:instr=" NUMPAGES ""#))
        #expect(try Self.part("word/header1.xml", of: bytes).contains("Anytown Borough Council"))
        #expect(try Self.part("word/media/diagram-1.png", of: bytes).utf8.starts(with: [0x89, 0x50, 0x4E, 0x47]) == false,
                "read as text, a PNG does not start with its signature; the bytes are checked below")
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var png = Data()
        _ = try archive.extract(try #require(archive["word/media/diagram-1.png"])) { png.append($0) }
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// The code-mapper matrix's shape: seven columns, bold headers of one long word each. Before
    /// columns were sized by their printed words, LibreOffice without Liberation Sans broke
    /// "Autonomy" into "Autonom" and "y" (CI, 2026-12-06).
    @Test("every column of a paper's table has room for its longest word, and prose gets the rest")
    func columnsFitTheirWords() throws {
        let table = Table(
            header: ["Code", "Beneficence", "Non-maleficence", "Autonomy", "Justice", "Explicability", "Attributes served"],
            rows: [
                ["The Seven Principles of Public Life", "2 of 7 clauses (29%)", "0 of 7 clauses (0%)", "2 of 7 clauses (29%)",
                 "3 of 7 clauses (43%)", "4 of 7 clauses (57%)", "4 of 5"],
                ["UK Data Ethics Framework (2020 edition)", "2 of 8 clauses (25%)", "1 of 8 clauses (13%)", "3 of 8 clauses (38%)",
                 "3 of 8 clauses (38%)", "5 of 8 clauses (63%)", "5 of 5"],
            ])
        let document = try Self.part("word/document.xml", of: try Renderer().renderBytes(Document(title: "Matrix", blocks: [.table(table)]), as: .docx))
        let widths = document.matches(of: /<w:gridCol w:w="(\d+)"\/>/).map { Int($0.output.1)! }
        #expect(widths.count == 7)
        #expect(widths.reduce(0, +) <= 9638 && widths.reduce(0, +) > 9600, "the grid fills the 17 cm text width")
        // The widest each header word prints, bold at 9 pt in DejaVu Sans Bold (the widest of the
        // fonts a word processor may use for it), plus Word's default 0.19 cm cell margins, in
        // twentieths of a point: "Autonomy" is 5.744 em, "Explicability" 6.892 em, "maleficence" 6.77 em.
        let needed = [3: 5.744, 5: 6.892, 2: 6.77].mapValues { Int(($0 * 9 + 10.8) * 20) }
        for (column, twips) in needed {
            #expect(widths[column] >= twips, "column \(column) is \(widths[column]) twips, its longest word needs \(twips)")
        }

        let prose = Table(header: ["Step", "What to do"], rows: [
            ["1", "Name the people the decision affects, and ask the ones who are least often heard how it would change their day."],
        ])
        let paper = try Self.part("word/document.xml", of: try Renderer().renderBytes(Document(title: "Steps", blocks: [.table(prose)]), as: .docx))
        let shares = paper.matches(of: /<w:gridCol w:w="(\d+)"\/>/).map { Int($0.output.1)! }
        #expect(shares.count == 2 && shares[0] * 3 < shares[1], "a column of numbers stays narrow beside one of prose: \(shares)")
    }

    @Test("a hostile link is text, and control characters cannot break the XML", arguments: [OutputFormat.odt, .docx])
    func hostileContent(format: OutputFormat) throws {
        let document = Document(title: "Bad \u{1B}[2J title", blocks: [
            .paragraph([.link("click", url: "javascript:alert(1)"), " ", .text(Samples.hostile), "\u{0}\u{7}"]),
        ])
        let bytes = try Renderer().renderBytes(document, as: format)
        for part in try Self.parts(bytes) where part.path.hasSuffix(".xml") {
            #expect(Self.isWellFormed(part.text), "\(part.path)")
            #expect(!part.text.contains("javascript:"))
        }
    }

    @Test("the same document makes the same bytes", arguments: [OutputFormat.odt, .docx])
    func deterministic(format: OutputFormat) throws {
        let renderer = Renderer(branding: Self.branding)
        #expect(try renderer.renderBytes(Samples.everyBlock, as: format) == renderer.renderBytes(Samples.everyBlock, as: format))
    }

    @Test("a paper is not text: asking for it as a string says to write a file", arguments: [OutputFormat.odt, .docx])
    func notText(format: OutputFormat) {
        #expect(throws: RenderError.self) { try Renderer().render(Samples.everyBlock, as: format) }
    }
}
