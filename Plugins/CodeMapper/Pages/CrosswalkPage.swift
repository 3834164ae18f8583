import EthicsCore

/// `crosswalk A B`: each clause of A beside its ranked counterparts in B, with the reason for
/// each, so a reader can check every pairing against the content.
struct CrosswalkPage {
    let crosswalk: Crosswalk
    let library: CodeLibrary
    let limit: Int

    var document: Document {
        let source = crosswalk.source
        let target = crosswalk.target
        var document = Document(
            title: "Crosswalk from \(source.title) to \(target.title)",
            subtitle: "\(crosswalk.matchedCount) of \(crosswalk.entries.count) clauses of \(source.id) have a counterpart in \(target.id)")
        document.append(.paragraph(
            "Counterparts are ranked: clauses that the content links explicitly come first, then those sharing "
                + "more attributes, then those whose attributes match more closely. Up to \(limit) are shown for "
                + "each clause; a clause that shares no attribute and has no link has no counterpart."))
        document.append(.table(Table(
            caption: [.text("Clauses of \(source.id) and their counterparts in \(target.id), best first")],
            header: [Table.Cell("Clause of \(source.id)"), "Rank", Table.Cell("Counterpart in \(target.id)"), "Why"],
            rows: crosswalk.entries.flatMap(rows),
            alignments: [.left, .right],
            hasRowHeaders: true)))
        document.append(contentsOf: PageParts.sources([source, target]))
        return document
    }

    private func rows(for entry: Crosswalk.Entry) -> [[Table.Cell]] {
        let clause = Table.Cell(PageParts.clause(entry.clause))
        guard !entry.counterparts.isEmpty else {
            return [[clause, "", "none", "no shared attribute and no link"]]
        }
        return entry.counterparts.enumerated().map { rank, affinity in
            [
                clause,
                Table.Cell([.text("\(rank + 1)")]),
                Table.Cell(PageParts.clause(affinity.counterpart)),
                Table.Cell([.text(affinity.reason { library.attributes[$0]?.name.lowercased() ?? $0 })]),
            ]
        }
    }
}
