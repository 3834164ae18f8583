import EthicsCore
import EthicsRender
import Foundation
import Synchronization
import Testing

/// The renderer applies document hooks (the glossary's term linking is one) before it writes
/// HTML and Markdown, and only then.
@Suite("document hooks")
struct DocumentHookTests {
    private let document = Document(title: "Decision", blocks: [.paragraph("We need a DPIA before we publish.")])

    /// Links every mention of "DPIA", as the glossary's hook does.
    private static let linkDPIA = DocumentHook(name: "test.link-dpia") { document in
        document.mapText { text in
            var inlines: [Inline] = []
            for (index, part) in text.split(separator: "DPIA", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { inlines.append(.termReference("DPIA", termID: "dpia")) }
                if !part.isEmpty { inlines.append(.text(String(part))) }
            }
            return inlines
        }
    }

    @Test("a hook that links a term changes the rendered HTML and Markdown")
    func hookLinksTerms() throws {
        let plainHTML = try Renderer().render(document, as: .html)
        #expect(!plainHTML.contains(#"class="term""#))
        let renderer = Renderer(hooks: DocumentHooks([Self.linkDPIA]))
        let html = try renderer.render(document, as: .html)
        let markdown = try renderer.render(document, as: .markdown)
        #expect(html.contains(##"<p>We need a <a class="term" href="#term-dpia">DPIA</a> before we publish.</p>"##))
        #expect(markdown.contains("We need a [DPIA](#term-dpia) before we publish."))
    }

    @Test("hooks run only for the formats they name: HTML, Markdown and the papers by default")
    func onlyTheirFormats() throws {
        let formats = Mutex<Int>(0)
        let counting = DocumentHook(name: "test.count") { document in
            formats.withLock { $0 += 1 }
            return document
        }
        var document = document
        document.append(.table(Table(header: ["A"], rows: [["1"]])))
        document.append(.graph(Graph(nodes: [.init(id: "a", label: "A")], edges: [])))
        let renderer = Renderer(hooks: DocumentHooks([counting]))
        for format in OutputFormat.allCases {
            _ = try renderer.renderBytes(document, as: format)
        }
        #expect(formats.withLock { $0 } == 4)
        #expect(OutputFormat.annotated == [.markdown, .html, .odt, .docx])
    }

    @Test("a hook can append an appendix that is rendered")
    func appendix() throws {
        let hook = DocumentHook(name: "test.appendix") { document in
            var document = document
            document.append(.heading(level: 2, "Terms used"))
            return document
        }
        let markdown = try Renderer(hooks: DocumentHooks([hook])).render(document, as: .markdown)
        #expect(markdown.hasSuffix("## Terms used\n"))
    }
}
