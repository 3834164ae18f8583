public import EthicsCore
import EthicsDiagnostics

/// Turns documents into the formats users ask for: the one place in the toolkit that knows HTML
/// and Markdown escaping, CSV quoting and accessibility.
///
/// Rendering is a pure function of the document and the format, except for one deliberate step:
/// given a bus, the renderer first publishes ``DocumentRendering`` for HTML and Markdown and
/// renders the document as the listeners leave it, which is how the glossary links terms in every
/// page without any plugin asking it to. The cost of rendering is linear in the document's size.
public struct Renderer: DocumentRenderer {
    /// Where ``DocumentRendering`` is published; without one, documents are rendered as given.
    public let bus: EventBus?
    /// The column at which terminal text wraps.
    public let textWidth: Int
    /// The council's name, logo and accent colour on HTML pages; nil for the toolkit's own look.
    public let branding: Branding?

    public init(bus: EventBus? = nil, textWidth: Int = 80, branding: Branding? = nil) {
        self.bus = bus
        self.textWidth = textWidth
        self.branding = branding
    }

    /// Renders `document` as `format`.
    ///
    /// - Throws: ``RenderError`` when the format cannot carry the document: CSV without a table,
    ///   Mermaid or DOT without a graph.
    ///
    /// Control characters that arrived inside content (escaped in YAML or JSON, typed on the
    /// command line, in a spreadsheet cell) leave every format harmless: JSON escapes them as
    /// `\u001b`, and every other format shows them as visible stand-ins (see
    /// `ControlCharacters`), so a page or a terminal never acts on them.
    public func render(_ document: Document, as format: OutputFormat) throws(RenderError) -> String {
        let document = annotated(document, for: format)
        let output: String
        switch format {
        case .text:
            output = TextRenderer(width: textWidth).render(document)
        case .markdown:
            output = MarkdownRenderer().render(document)
        case .html:
            output = HTMLRenderer.render(document, branding: branding)
        case .json:
            return try JSONRenderer.render(document)
        case .csv:
            output = try CSVRenderer.render(document)
        case .mermaid:
            output = try MermaidRenderer.render(document)
        case .dot:
            output = try DOTRenderer.render(document)
        }
        return ControlCharacters.neutralised(output)
    }

    /// The document after listeners to ``DocumentRendering`` have annotated it, for the formats
    /// that are annotated.
    private func annotated(_ document: Document, for format: OutputFormat) -> Document {
        guard let bus, format.isAnnotated else { return document }
        let draft = DocumentDraft(document)
        bus.publish(DocumentRendering(draft: draft, format: format))
        return draft.document
    }
}
