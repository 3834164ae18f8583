import EthicsCore
import EthicsRender
import Testing

/// A council's branding on HTML pages.
@Suite("HTML branding")
struct BrandingTests {
    private let document = Document(title: "Matrix", blocks: [.paragraph("Body.")])

    @Test("the name, the embedded logo and the accent appear, and nothing is fetched")
    func branded() throws {
        let branding = Branding(
            name: "Anytown <Borough> Council",
            logo: .init(mediaType: "image/svg+xml", base64: "PHN2Zy8+"),
            accent: HexColour("#00703C"))
        let html = try Renderer(branding: branding).render(document, as: .html)
        #expect(html.contains(#"<header class="banner">"# + "\n"
            + #"<p class="organisation"><img class="logo" src="data:image/svg+xml;base64,PHN2Zy8+" alt="">Anytown &lt;Borough&gt; Council</p>"#))
        #expect(html.contains(":root { --accent: #00703c; }\n</style>"))
        #expect(html.contains("<p>Published by Anytown &lt;Borough&gt; Council. This page is complete in itself"))
        #expect(!html.contains("src=\"http") && !html.contains("url("), "no external reference anywhere in the page")
    }

    @Test("without branding the banner names the toolkit and the default accent stays")
    func unbranded() throws {
        let html = try Renderer().render(document, as: .html)
        #expect(html.contains(#"<p class="organisation">EthicsToolkit</p>"#))
        #expect(!html.contains("<img") && !html.contains(":root { --accent: #"), "no override")
    }

    @Test("colours parse from #rrggbb or #rgb and measure WCAG contrast", arguments: [
        ("#1d70b8", "#1d70b8", 5.17), ("#FFF", "#ffffff", 1.0), ("#000000", "#000000", 21.0), ("#00703c", "#00703c", 6.21),
    ])
    func colours(text: String, spelled: String, contrast: Double) throws {
        let colour = try #require(HexColour(text))
        #expect(colour.description == spelled)
        #expect(abs(colour.contrastRatio(against: .white) - contrast) < 0.01)
    }

    @Test("anything else is not a colour", arguments: ["", "#", "1d70b8", "#1d70b", "#gggggg", "red", "#1d70b8ff", "＃1d70b8"])
    func notColours(text: String) {
        #expect(HexColour(text) == nil)
    }

    @Test("a shade darkened for contrast keeps its hue and reaches AA")
    func darkened() throws {
        let yellow = try #require(HexColour("#ffdd00"))
        let shade = yellow.darkened(toContrast: HexColour.minimumTextContrast, against: .white)
        #expect(shade.contrastRatio(against: .white) >= 4.5)
        #expect(shade.blue == 0 && shade.red > shade.green)
    }
}
