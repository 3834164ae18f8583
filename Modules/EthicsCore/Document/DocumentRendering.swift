/// Published just before a document is written as HTML or Markdown, so that listeners can
/// annotate it: the glossary links the terms it knows and appends an appendix of them.
///
/// Listeners change the document through ``draft``:
///
/// ```swift
/// bus.subscribe(to: DocumentRendering.self, name: "glossary.link-terms") { event in
///     event.draft.update { $0 = $0.mapText(glossary.linkTerms) }
/// }
/// ```
///
/// In the journal the event is a summary, the document's title, the format and the number of
/// blocks, because the document itself is output rather than a fact about what happened. For the
/// same reason a journal line cannot be decoded back into a live event.
public struct DocumentRendering: Event {
    public static let topic = "document.rendering"

    public let draft: DocumentDraft
    public let format: OutputFormat

    public init(draft: DocumentDraft, format: OutputFormat) {
        self.draft = draft
        self.format = format
    }

    private enum CodingKeys: String, CodingKey {
        case title, format, blockCount
    }

    public func encode(to encoder: any Encoder) throws {
        let document = draft.document
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document.title, forKey: .title)
        try container.encode(format, forKey: .format)
        try container.encode(document.blocks.count, forKey: .blockCount)
    }

    /// Always throws: the journal keeps a summary of the document, not the document, so there is
    /// nothing to rebuild a draft from.
    public init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: decoder.codingPath,
            debugDescription: "A '\(Self.topic)' event is journalled as a summary of its document "
                + "and cannot be decoded back into a document to render."))
    }
}
