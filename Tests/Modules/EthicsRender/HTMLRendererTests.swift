import EthicsCore
import EthicsRender
import Foundation
import Testing

@Suite("HTML renderer")
struct HTMLRendererTests {
    private func render(_ blocks: [Block], title: String = "Title") throws -> String {
        try Renderer().render(Document(title: title, blocks: blocks), as: .html)
    }

    /// The page between the document's `</header>` and `</main>`: what the blocks became.
    private func body(_ blocks: [Block]) throws -> Substring {
        let html = try render(blocks)
        let documentHeader = try #require(html.range(of: "<header class=\"document-header\">")).upperBound
        let start = try #require(html.range(of: "</header>\n", range: documentHeader..<html.endIndex)).upperBound
        let end = try #require(html.range(of: "</main>")).lowerBound
        return html[start..<end]
    }

    @Test("the page is a self-contained, accessible HTML document")
    func pageSkeleton() throws {
        let html = try Renderer().render(Samples.decisionRecord, as: .html)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains(#"<meta name="viewport" content="width=device-width, initial-scale=1">"#))
        #expect(html.contains("<title>Decision: publish parking data</title>"))
        #expect(html.contains("<a class=\"skip-link\" href=\"#content\">Skip to main content</a>\n<header class=\"banner\">"))
        #expect(html.contains("<main id=\"content\" tabindex=\"-1\">"))
        #expect(html.contains("<footer class=\"colophon\">"))
        // The footer speaks to the reader, not to the developer who made the page.
        #expect(html.contains("you can save it, print it or pass it on"))
        // A wide table may use the window's width on screen, not only the text column's
        // (Tests/Browser checks in Chromium that no table is cut off at 1280 pixels).
        #expect(html.contains("max-width: calc(100vw - 3rem)"))
        #expect(!html.contains("needs no script"))
        #expect(html.contains("<style>"))
        #expect(html.contains("@media print"))
        #expect(html.components(separatedBy: "<h1>").count == 2, "exactly one h1, the title")
        #expect(!html.contains("<script"), "nothing needs JavaScript")
        #expect(!html.contains("<link") && !html.contains("src="), "no external assets")
        #expect(html.hasSuffix("</footer>\n</body>\n</html>\n"))
        #expect(!html.contains("tabindex=\"1") && !html.contains("tabindex=\"2"), "no positive tabindex")
    }

    @Test("text, titles and metadata are escaped")
    func escaping() throws {
        let document = Document(
            title: Samples.hostile, subtitle: Samples.hostile,
            metadata: [.init(Samples.hostile, Samples.hostile)],
            blocks: [
                .paragraph([.text(Samples.hostile)]),
                .table(Table(caption: [.text(Samples.hostile)], header: [.init([.text(Samples.hostile)])], rows: [])),
                .code(Samples.hostile, language: #"x" onload="alert(1)"#),
            ])
        let html = try Renderer().render(document, as: .html)
        let escaped = #"&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt; "#
            + #"| *bold* _u_ `tick` #1, &quot;q&quot;, a\b"#
        #expect(!html.contains("<script"))
        #expect(!html.contains(#"" onload"#))
        #expect(
            html.components(separatedBy: escaped).count == 10,
            "title and h1, subtitle, metadata key and value, paragraph, caption, header cell, code")
    }

    @Test("tables have a caption, scoped header cells and a labelled scrolling region")
    func tables() throws {
        let html = try body([
            .table(Table(caption: ["Lenses"], header: ["Lens", "Finding"], rows: [["Rights", "ok"], ["Care"]],
                         alignments: [.left, .center], hasRowHeaders: true)),
        ])
        #expect(html == """
            <div class="table-scroll" role="region" aria-labelledby="table-1-caption" tabindex="0">
            <table>
            <caption id="table-1-caption">Lenses</caption>
            <thead>
            <tr><th scope="col">Lens</th><th scope="col" class="align-center">Finding</th></tr>
            </thead>
            <tbody>
            <tr><th scope="row">Rights</th><td class="align-center">ok</td></tr>
            <tr><th scope="row">Care</th><td class="align-center"></td></tr>
            </tbody>
            </table>
            </div>

            """)
    }

    @Test("heatmap cells are shaded by intensity and always show the number")
    func heatmap() throws {
        let html = try render([.table(Samples.heatmap)])
        #expect(html.contains(#"""
            <tr><th scope="row">Nolan</th>\#
            <td class="align-right heat heat-4" data-intensity="1.00"><span class="heat-value">1.00</span></td>\#
            <td class="align-right heat heat-1" data-intensity="0.25"><span class="heat-value">0.25</span></td></tr>
            """#))
        #expect(html.contains(#"""
            <td class="align-right heat heat-3" data-intensity="0.75">3 of 4</td>
            """#))
        let print = try #require(html.range(of: "@media print")).upperBound
        #expect(html[print...].contains(".heat { background: none !important; color: #000000 !important; }"))
    }

    @Test("term references link to the glossary entry, and links never nest")
    func termReferences() throws {
        let html = try body([
            .paragraph(["A ", .termReference("DPIA", termID: "DPIA"), "."]),
            .paragraph([
                .link([.termReference("DPIA", termID: "dpia"), .link("inner", url: "https://b.example")],
                      url: "https://a.example"),
            ]),
        ])
        #expect(html == """
            <p>A <a class="term" href="#term-dpia">DPIA</a>.</p>
            <p><a href="https://a.example">DPIAinner</a></p>

            """)
    }

    @Test(
        "only safe link targets become links",
        arguments: [
            ("https://example.org/?a=1&b=2", #"<a href="https://example.org/?a=1&amp;b=2">x</a>"#),
            ("mailto:dpo@council.gov.uk", #"<a href="mailto:dpo@council.gov.uk">x</a>"#),
            ("#section", ##"<a href="#section">x</a>"##),
            ("guide.html", #"<a href="guide.html">x</a>"#),
            ("javascript:alert(1)", "x"),
            ("  java\nscript:alert(1)", "x"),
            ("data:text/html,<script>", "x"),
            (#"https://example.org/" onmouseover="alert(1)"#,
             #"<a href="https://example.org/&quot; onmouseover=&quot;alert(1)">x</a>"#),
        ])
    func links(url: String, expected: String) throws {
        #expect(try body([.paragraph([.link("x", url: url)])]) == "<p>\(expected)</p>\n")
    }

    @Test("headings start below the title, keep their anchors and go at most one level deeper")
    func headings() throws {
        let html = try body([
            .heading(level: 1, "Section"),
            .heading(level: 3, ["Sub ", .emphasis("section")], anchor: "Sub Section"),
            .heading(level: 9, "Deepest"),
        ])
        #expect(html == """
            <h2>Section</h2>
            <h3 id="sub-section">Sub <em>section</em></h3>
            <h4>Deepest</h4>

            """)
    }

    @Test("graphs are an inline SVG image with a caption and a text version readable without scripts")
    func graphs() throws {
        let html = try body([.graph(Samples.awkwardGraph)])
        #expect(html.hasPrefix(
            "<figure class=\"graph\" aria-labelledby=\"graph-1-caption\">\n<figcaption id=\"graph-1-caption\">Flow &quot;one&quot; &lt;b&gt;</figcaption>\n<svg "))
        #expect(html.contains(#"role="img" aria-labelledby="graph-1-title graph-1-desc">"#))
        #expect(html.contains(#"<title id="graph-1-title">Flow &quot;one&quot; &lt;b&gt;</title>"#))
        #expect(!html.contains("mermaid"), "the drawing needs no script")
        #expect(html.contains(
            #"<li>Start &quot;here&quot; &lt;b&gt; → Is it {lawful}? [yes|no] #1 \N (say &quot;yes&quot; | maybe)</li>"#))
        #expect(html.contains("<li>Is it {lawful}? [yes|no] #1 \\N → undeclared id</li>"))
        #expect(!html.contains("<b>"))
    }

    @Test("headings never skip a level, so the outline reads in order")
    func headingOrder() throws {
        let html = try body([.heading(level: 4, "Deep first"), .heading(level: 3, "Then three"), .heading(level: 2, "Two")])
        #expect(html == "<h2>Deep first</h2>\n<h3>Then three</h3>\n<h2>Two</h2>\n")
    }

    @Test("callouts name their kind in words and lists, quotes and definitions are semantic")
    func otherBlocks() throws {
        let html = try body([
            .callout(.warning, title: "Check", "Review."),
            .list(.ordered, items: [[.paragraph("one")], [.paragraph("two"), .paragraph("more")]]),
            .quote([.paragraph("quoted")]),
            .definitions([.init("Term", "Meaning.", anchor: "term-t")]),
            .paragraph(["line", .lineBreak, "break"]),
            .thematicBreak,
        ])
        #expect(html == """
            <div class="callout callout-warning" role="note">
            <p class="callout-title"><strong>Warning</strong>: Check</p>
            <p>Review.</p>
            </div>
            <ol>
            <li>one</li>
            <li>
            <p>two</p>
            <p>more</p>
            </li>
            </ol>
            <blockquote>
            <p>quoted</p>
            </blockquote>
            <dl>
            <dt id="term-t">Term</dt>
            <dd>Meaning.</dd>
            </dl>
            <p>line<br>break</p>
            <hr>

            """)
    }
}
