import EthicsCore

extension GlossaryDocuments {
    /// `ethics glossary export --format markdown|html`: the whole glossary as a page a council
    /// can publish: terms, then resources by type, then where the content comes from.
    ///
    /// Every entry is defined under its anchor, so see-also references land within the page, and
    /// the glossary's own linker (which runs on this page like any other) links the terms each
    /// definition mentions without adding an appendix.
    static func export(_ glossary: Glossary, council: Council, attributes: AttributeCatalog) -> Document {
        let entries = alphabetical(glossary.entries)
        var blocks: [Block] = []
        let terms = entries.filter(\.kind.isTerm)
        if !terms.isEmpty {
            blocks.append(.heading(level: 2, "Terms", anchor: "terms"))
            blocks.append(.definitions(terms.map { definition(of: $0, in: glossary, attributes: attributes) }))
        }
        for type in ResourceType.allCases {
            let resources = entries.filter { $0.kind == .resource(type) }
            guard !resources.isEmpty else { continue }
            blocks.append(.heading(level: 2, resourceHeading(type), anchor: "resources-\(type.rawValue)"))
            blocks.append(.definitions(resources.map { definition(of: $0, in: glossary, attributes: attributes) }))
        }
        blocks.append(.heading(level: 2, "Sources of this glossary", anchor: "provenance"))
        blocks.append(.list(.unordered, glossary.packs.map { "\($0.provenance.citation)." }))
        return Document(
            title: "Glossary of \(council.name)",
            subtitle: "Digital ethics terms and resources",
            metadata: [.init("Entries", String(glossary.entries.count)), .init("Files", String(glossary.packs.count))],
            blocks: blocks)
    }

    private static func resourceHeading(_ type: ResourceType) -> String {
        switch type {
        case .standard: "Standards"
        case .guidance: "Guidance"
        case .tool: "Tools"
        case .code: "Codes of conduct"
        case .legislation: "Legislation"
        case .publication: "Publications"
        }
    }

    private static func definition(of entry: GlossaryEntry, in glossary: Glossary, attributes: AttributeCatalog) -> Block.Definition {
        var details: [Block] = [.paragraph(entry.definition)]
        if let link = resourceLink(entry) { details.append(link) }
        var facts: [[Inline]] = []
        if !entry.altLabels.isEmpty { facts.append([.text("Also called: \(entry.altLabels.joined(separator: "; "))")]) }
        if !entry.seeAlso.isEmpty {
            facts.append([.text("See also: ")] + entry.seeAlso.map { mention($0, in: glossary) }.joined(separator: [.text(", ")]))
        }
        if !entry.attributes.isEmpty {
            facts.append([.text("Attributes: \(attributeNames(entry.attributes, catalog: attributes))")])
        }
        if !entry.sources.isEmpty {
            facts.append([.text("Sources: ")] + sourceLines(entry.sources, in: glossary).joined(separator: [.text("; ")]))
        }
        if !facts.isEmpty { details.append(.list(paragraphs: facts)) }
        return Block.Definition(term: [.text(entry.label)], details: details, anchor: entry.anchor)
    }

    /// `ethics glossary export --format csv`: one row per entry, every field, for a spreadsheet.
    /// Lists within a field are separated by semicolons.
    static func exportTable(_ glossary: Glossary) -> Document {
        let header: [Table.Cell] = [
            "id", "kind", "type", "label", "alt_labels", "definition", "see_also", "attributes", "tags",
            "publisher", "url", "sources", "pack",
        ]
        let rows: [[Table.Cell]] = alphabetical(glossary.entries).map { entry in
            let type: String = if case .resource(let type) = entry.kind { type.rawValue } else { "" }
            let sources = entry.sources.map { source -> String in
                switch source {
                case .entry(let id): id
                case .reference(let reference): [reference.title, reference.publisher, reference.url].compactMap { $0 }.joined(separator: ", ")
                }
            }
            let fields = [
                entry.id, entry.kind.isTerm ? "term" : "resource", type, entry.label,
                entry.altLabels.joined(separator: "; "), entry.definition, entry.seeAlso.joined(separator: "; "),
                entry.attributes.joined(separator: "; "), entry.tags.joined(separator: "; "),
                entry.publisher ?? "", entry.url ?? "", sources.joined(separator: "; "), entry.provenance?.source ?? "",
            ]
            return fields.map { Table.Cell(stringLiteral: $0) }
        }
        return Document(title: "Glossary", blocks: [.table(Table(caption: ["Glossary entries"], header: header, rows: rows))])
    }
}
