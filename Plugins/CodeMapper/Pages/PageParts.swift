import EthicsCore

/// Pieces every page of the plugin shares, so that clauses, attributes and sources read the same
/// wherever they appear.
enum PageParts {
    /// `bcs.1.a Public health, privacy, security and wellbeing`, with the id set as code so a
    /// reader can copy it into `ethics code-mapper show`.
    static func clause(_ clause: Clause) -> [Inline] {
        [.code(clause.id), .text(" " + clause.title)]
    }

    /// The names of the attributes with these ids, in the order given: `Justice, Explicability`.
    static func attributeNames(_ ids: [String], in library: CodeLibrary) -> String {
        ids.map { library.attributes[$0]?.name ?? $0 }.joined(separator: ", ")
    }

    /// A share from 0 to 1 with two decimals (`0.27`), as the renderers print intensities, so
    /// CSV and the heatmap agree.
    static func share(_ value: Double) -> String {
        let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A "Sources" section citing each code's provenance, so that whatever a council publishes
    /// from the toolkit carries the sources and licences of the codes it draws on.
    static func sources(_ codes: [ProfessionalCode]) -> [Block] {
        [
            .heading(level: 2, "Sources"),
            .list(.unordered, paragraphs: codes.map { code in
                [.strong(code.title), .text(": " + code.provenance.citation)]
            }),
        ]
    }

    /// The table of a code's (or section's) clauses: what each asks, the attributes it serves,
    /// and the clauses it is linked to in either direction.
    static func clauseTable(_ clauses: [Clause], caption: String, in library: CodeLibrary) -> Table {
        Table(
            caption: [.text(caption)],
            header: ["Clause", "What it asks", "Serves", "Related"],
            rows: clauses.map { clause in
                let related = library.links(of: clause).map(\.clause.id)
                return [
                    Table.Cell([.code(clause.id)]),
                    Table.Cell([.strong(clause.title), .text(". " + clause.text)]),
                    Table.Cell([.text(attributeNames(clause.attributeIDs, in: library))]),
                    Table.Cell([.text(related.joined(separator: ", "))]),
                ]
            },
            hasRowHeaders: true)
    }
}
