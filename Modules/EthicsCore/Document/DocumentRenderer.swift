/// Something that turns a document into text in a given format.
///
/// Plugins depend only on EthicsCore, so they receive the renderer through this protocol (in their
/// context) rather than the concrete `Renderer` from EthicsRender; tests can substitute their own.
public protocol DocumentRenderer: Sendable {
    /// Renders `document` as `format`.
    ///
    /// Throws when the format cannot carry the document, such as CSV for a document without a
    /// table, or when the format is binary (``OutputFormat/isBinary``): ask for bytes then.
    func render(_ document: Document, as format: OutputFormat) throws -> String

    /// Renders `document` as the bytes of a file in `format`: the zip archive of an ODT or DOCX
    /// paper, or the UTF-8 of a text format.
    func renderBytes(_ document: Document, as format: OutputFormat) throws -> [UInt8]
}

extension DocumentRenderer {
    /// Text formats are their UTF-8; a renderer that writes binary formats says so by overriding.
    public func renderBytes(_ document: Document, as format: OutputFormat) throws -> [UInt8] {
        Array(try render(document, as: format).utf8)
    }
}
