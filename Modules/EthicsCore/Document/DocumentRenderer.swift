/// Something that turns a document into text in a given format.
///
/// Plugins depend only on EthicsCore, so they receive the renderer through this protocol (in their
/// context) rather than the concrete `Renderer` from EthicsRender; tests can substitute their own.
public protocol DocumentRenderer: Sendable {
    /// Renders `document` as `format`.
    ///
    /// Throws when the format cannot carry the document, such as CSV for a document without a
    /// table.
    func render(_ document: Document, as format: OutputFormat) throws -> String
}
