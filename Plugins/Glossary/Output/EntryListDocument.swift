import EthicsCore

extension GlossaryDocuments {
    /// `ethics glossary list`: one row per entry, alphabetically.
    ///
    /// Each label is a term reference, so the Markdown and HTML forms link every row to its
    /// definition in the appendix the glossary adds to them.
    static func entryList(_ entries: [GlossaryEntry], filters: [String], attributes: AttributeCatalog) -> Document {
        let sorted = alphabetical(entries)
        let rows: [[Table.Cell]] = sorted.map { entry in
            [
                Table.Cell([.termReference(entry.label, termID: entry.id)]),
                Table.Cell([.code(entry.id)]),
                Table.Cell(stringLiteral: entry.kind.name),
                Table.Cell(stringLiteral: attributeNames(entry.attributes, catalog: attributes)),
                Table.Cell(stringLiteral: entry.tags.joined(separator: ", ")),
            ]
        }
        let count = "\(entries.count) \(entries.count == 1 ? "entry" : "entries")"
        let caption = filters.isEmpty ? count : "\(count) (\(filters.joined(separator: "; ")))"
        return Document(
            title: "Glossary",
            blocks: [.table(Table(
                caption: [.text(caption)], header: ["Entry", "ID", "Kind", "Attributes", "Tags"], rows: rows,
                hasRowHeaders: true,
                whenEmpty: [.text(filters.isEmpty
                    ? "The glossary holds no entries: its packs are named under 'plugins: glossary: files:' in the configuration."
                    : "No entry matches (\(filters.joined(separator: "; "))): different options narrow each other, so try fewer.")]))])
    }

    /// Entries in dictionary order of their labels (case and punctuation ignored), then by id.
    static func alphabetical(_ entries: [GlossaryEntry]) -> [GlossaryEntry] {
        entries.map { (key: TextFolding.fold($0.label), entry: $0) }
            .sorted { ($0.key, $0.entry.id) < ($1.key, $1.entry.id) }
            .map(\.entry)
    }
}
