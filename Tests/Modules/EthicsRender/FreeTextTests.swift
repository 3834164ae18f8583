import EthicsCore
import EthicsRender
import Testing

/// Text a person wrote keeps its paragraphs, lists and line breaks in every format.
@Suite("Free text")
struct FreeTextTests {
    static let mitigations = """
        We will:
        1. Test the model for bias by reporting rate
           before launch.
        2. Publish a model card.
        3) Review it every quarter.

        Owners:
        - Repairs service manager
        - Data protection officer
        Ring 01234 567890
        or write to us.
        """

    @Test("numbered and bulleted lines become lists; other lines keep their breaks")
    func blocks() {
        #expect(Block.freeText(Self.mitigations) == [
            .paragraph([.text("We will:")]),
            .list(.ordered, ["Test the model for bias by reporting rate before launch.", "Publish a model card.", "Review it every quarter."]),
            .paragraph([.text("Owners:")]),
            .list(.unordered, ["Repairs service manager", "Data protection officer Ring 01234 567890 or write to us."]),
        ])
        #expect(Block.freeText("Line one\r\nLine two\r\n\r\nNext") == [
            .paragraph([.text("Line one"), .lineBreak, .text("Line two")]), .paragraph([.text("Next")]),
        ])
        #expect(Block.freeText("  \n\n") == [])
        #expect(Block.freeText("2026. A year") == [.paragraph([.text("2026. A year")])], "a number then a full stop at the start is a list only with a space and text after")
    }

    @Test("a numbered block is a list in text, HTML, Markdown and the papers, never one run-on paragraph")
    func everyFormat() throws {
        let document = Document(title: "Mitigations", blocks: Block.freeText(Self.mitigations))
        let renderer = Renderer()
        let text = try renderer.render(document, as: .text)
        #expect(text.contains("1. Test the model for bias by reporting rate before launch.\n"), "\(text)")
        #expect(text.contains("2. Publish a model card."))
        let html = try renderer.render(document, as: .html)
        #expect(html.contains("<ol>\n<li>Test the model for bias by reporting rate before launch.</li>\n<li>Publish a model card.</li>"))
        #expect(html.contains("<ul>\n<li>Repairs service manager</li>"))
        let markdown = try renderer.render(document, as: .markdown)
        #expect(markdown.contains("1. Test the model"))
        let lines = try renderer.render(Document(title: "T", blocks: Block.freeText("a\nb")), as: .html)
        #expect(lines.contains("<p>a<br>b</p>"))
    }
}
