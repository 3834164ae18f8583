import EthicsCore

extension GlossaryDocuments {
    /// `ethics glossary show`: one entry in full, with what it relates to and where it comes from.
    ///
    /// The definition sits in a definition list under the entry's anchor, so when the document is
    /// linked the entry counts as defined here: it is not linked to itself nor repeated in the
    /// appendix, while the entries it mentions are.
    static func entry(_ entry: GlossaryEntry, in glossary: Glossary, attributes: AttributeCatalog) -> Document {
        var metadata: [Document.MetadataEntry] = [.init("ID", entry.id)]
        if !entry.altLabels.isEmpty { metadata.append(.init("Also called", entry.altLabels.joined(separator: "; "))) }
        if !entry.attributes.isEmpty { metadata.append(.init("Attributes", attributeNames(entry.attributes, catalog: attributes))) }
        if !entry.tags.isEmpty { metadata.append(.init("Tags", entry.tags.joined(separator: ", "))) }

        var details: [Block] = [.paragraph(entry.definition)]
        if let link = resourceLink(entry) { details.append(link) }
        var blocks: [Block] = [.definitions([Block.Definition(term: [.text(entry.label)], details: details, anchor: entry.anchor)])]
        if !entry.seeAlso.isEmpty {
            blocks.append(.heading(level: 2, "See also"))
            blocks.append(.list(paragraphs: entry.seeAlso.map { mention($0, in: glossary) }))
        }
        if !entry.sources.isEmpty {
            blocks.append(.heading(level: 2, "Sources"))
            blocks.append(.list(paragraphs: sourceLines(entry.sources, in: glossary)))
        }
        if let provenance = entry.provenance {
            blocks.append(.heading(level: 2, "Provenance"))
            blocks.append(.paragraph("From \(provenance.citation)."))
        }
        return Document(title: entry.label, subtitle: kindName(entry.kind), metadata: metadata, blocks: blocks)
    }
}
