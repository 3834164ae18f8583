import EthicsCore
import EthicsRender
import Foundation
import Synchronization
import Testing

@Suite("document.rendering event")
struct DocumentRenderingTests {
    private let document = Document(
        title: "Decision",
        blocks: [.paragraph("We need a DPIA before we publish.")])

    /// Links every mention of "DPIA" to the glossary, as the glossary plugin will.
    private static func linkDPIA(_ event: DocumentRendering) {
        event.draft.update { document in
            document = document.mapText { text in
                var inlines: [Inline] = []
                for (index, part) in text.split(separator: "DPIA", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { inlines.append(.termReference("DPIA", termID: "dpia")) }
                    if !part.isEmpty { inlines.append(.text(String(part))) }
                }
                return inlines
            }
        }
    }

    @Test("a draft shows every update to later readers")
    func draftUpdates() {
        let draft = DocumentDraft(document)
        draft.update { $0.title = "Changed" }
        draft.update { $0.append(.thematicBreak) }
        #expect(draft.document.title == "Changed")
        #expect(draft.document.blocks.count == 2)
    }

    @Test("the journal gets the title, format and block count, not the document")
    func journalSummary() throws {
        let draft = DocumentDraft(document)
        let event = DocumentRendering(draft: draft, format: .html)
        draft.update { $0.append(.paragraph("Appendix")) }

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(json == #"{"blockCount":2,"format":"html","title":"Decision"}"#)
        #expect(DocumentRendering.topic == "document.rendering")
    }

    @Test("a journal line cannot be decoded back into a live event")
    func summaryDoesNotDecode() {
        let json = Data(#"{"blockCount":2,"format":"html","title":"Decision"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DocumentRendering.self, from: json) }
    }

    @Test("a listener that links a term changes the rendered HTML and Markdown")
    func listenerLinksTerms() throws {
        let bus = EventBus()
        bus.subscribe(to: DocumentRendering.self, name: "test.link-dpia", Self.linkDPIA)

        let plainHTML = try Renderer().render(document, as: .html)
        let plainMarkdown = try Renderer().render(document, as: .markdown)
        #expect(!plainHTML.contains(#"class="term""#))
        #expect(!plainMarkdown.contains("#term-dpia"))

        let renderer = Renderer(bus: bus)
        let html = try renderer.render(document, as: .html)
        let markdown = try renderer.render(document, as: .markdown)
        #expect(html.contains(##"<p>We need a <a class="term" href="#term-dpia">DPIA</a> before we publish.</p>"##))
        #expect(markdown.contains("We need a [DPIA](#term-dpia) before we publish."))
    }

    @Test("listeners are asked only for HTML and Markdown, and are told which")
    func onlyAnnotatedFormats() throws {
        let bus = EventBus()
        let formats = Mutex<[OutputFormat]>([])
        bus.subscribe(to: DocumentRendering.self, name: "test.record") { event in
            formats.withLock { $0.append(event.format) }
        }
        var document = document
        document.append(.table(Table(header: ["A"], rows: [["1"]])))
        document.append(.graph(Graph(nodes: [.init(id: "a", label: "A")], edges: [])))

        let renderer = Renderer(bus: bus)
        for format in OutputFormat.allCases {
            _ = try renderer.render(document, as: format)
        }
        #expect(formats.withLock { $0 } == [.markdown, .html])
    }

    @Test("a listener can append an appendix that is rendered")
    func listenerAppends() throws {
        let bus = EventBus()
        bus.subscribe(to: DocumentRendering.self, name: "test.appendix") { event in
            event.draft.update { document in
                document.append(.heading(level: 2, "Glossary"))
                document.append(.definitions([
                    .init("DPIA", "Data protection impact assessment.", anchor: Inline.anchor(forTerm: "dpia")),
                ]))
            }
        }
        let html = try Renderer(bus: bus).render(document, as: .html)
        #expect(html.contains("<h2>Glossary</h2>"))
        #expect(html.contains(#"<dt id="term-dpia">DPIA</dt>"#))
    }

    @Test("a failing listener is reported and the document is still rendered")
    func failingListener() throws {
        struct Broken: Error {}
        let failures = Mutex<[String]>([])
        let bus = EventBus { failure in failures.withLock { $0.append(failure.subscriber) } }
        bus.subscribe(to: DocumentRendering.self, name: "test.broken") { _ in throw Broken() }
        bus.subscribe(to: DocumentRendering.self, name: "test.link-dpia", Self.linkDPIA)

        let markdown = try Renderer(bus: bus).render(document, as: .markdown)
        #expect(markdown.contains("[DPIA](#term-dpia)"))
        #expect(failures.withLock { $0 } == ["test.broken"])
    }

    @Test("the event is journalled through a sink like any other")
    func sinkRecordsEvent() throws {
        let bus = EventBus()
        let sink = InMemoryEventSink()
        bus.attach(sink)
        _ = try Renderer(bus: bus).render(document, as: .html)
        #expect(sink.topics == ["document.rendering"])
        #expect(sink.events(of: DocumentRendering.self).first?.format == .html)
    }
}
