public import EthicsCore
import EthicsDiagnostics

/// Turns documents into the formats users ask for: the one place in the toolkit that knows HTML
/// and Markdown escaping, CSV quoting and accessibility.
///
/// Rendering is a pure function of the document and the format, after one deliberate step: the
/// document hooks that apply to the format (``DocumentHook``, added by plugins when they are
/// activated) change the document first, in order, like middleware. That is how the glossary links
/// terms in every page without any plugin asking it to. A hook that throws is reported and
/// skipped. The cost of rendering is linear in the document's size.
public struct Renderer: DocumentRenderer {
    /// The hooks applied before writing; none by default.
    public let hooks: DocumentHooks
    /// Told of each hook that threw; the document is then written as the other hooks left it.
    public let onHookFailure: @Sendable (DocumentHook, any Error) -> Void
    /// The column at which terminal text wraps.
    public let textWidth: Int
    /// The council's name, logo and accent colour on HTML pages; nil for the toolkit's own look.
    public let branding: Branding?

    public init(
        hooks: DocumentHooks = DocumentHooks(), textWidth: Int = 80, branding: Branding? = nil,
        onHookFailure: @escaping @Sendable (DocumentHook, any Error) -> Void = { _, _ in }
    ) {
        self.hooks = hooks
        self.textWidth = textWidth
        self.branding = branding
        self.onHookFailure = onHookFailure
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
        let document = hooked(document, for: format)
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
        case .odt, .docx:
            throw RenderError(
                format: format,
                message: "\(format.rawValue) is a binary file (a zip archive), not text; write it to a file with --output FILE")
        }
        return ControlCharacters.neutralised(output)
    }

    /// Renders `document` as the bytes of a file: the zip archive of an ODT or DOCX paper, or the
    /// UTF-8 of a text format (as ``render(_:as:)`` writes it).
    public func renderBytes(_ document: Document, as format: OutputFormat) throws(RenderError) -> [UInt8] {
        switch format {
        case .odt:
            return try ODTRenderer.render(hooked(document, for: format), branding: branding)
        case .docx:
            return try DOCXRenderer.render(hooked(document, for: format), branding: branding)
        default:
            return Array(try render(document, as: format).utf8)
        }
    }

    /// The document after the hooks for `format` have changed it, in order.
    private func hooked(_ document: Document, for format: OutputFormat) -> Document {
        var document = format == .json ? document : document.framed()
        if format != .json, format.content == .wholeDocument {
            document = document.sayingWhatIsEmpty()
        }
        for hook in hooks.chain(for: format) {
            do {
                document = try hook.apply(document)
            } catch {
                onHookFailure(hook, error)
            }
        }
        return document
    }
}
