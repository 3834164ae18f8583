import EthicsCore

extension GlossaryDocuments {
    /// `ethics glossary search`: the hits, best first, each with why it matched and the first
    /// sentence of its definition.
    static func searchResults(for query: String, hits: [SearchHit]) -> Document {
        let title = "Glossary search: \(query)"
        guard !hits.isEmpty else {
            return Document(title: title, blocks: [
                .paragraph([
                    .text("Nothing in the glossary matches \"\(query)\". Try fewer words, or see "),
                    .command("ethics glossary list", page: OperationPage("every entry", plugin: GlossaryPlugin.descriptor.id, operation: "list")),
                    .text("."),
                ]),
            ])
        }
        let definitions = hits.map { hit in
            Block.Definition(
                term: [.text(hit.entry.label)],
                details: [
                    .paragraph([.emphasis(hit.explanation), .text(" · \(kindName(hit.entry.kind)) · "), .code(hit.entry.id)]),
                    .paragraph(hit.entry.summary),
                ],
                anchor: hit.entry.anchor)
        }
        return Document(
            title: title, subtitle: "\(hits.count) \(hits.count == 1 ? "entry" : "entries"), best first",
            blocks: [.definitions(definitions)])
    }
}
