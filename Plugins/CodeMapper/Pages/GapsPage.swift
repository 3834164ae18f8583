import EthicsCore

/// `gaps CODE`: the attributes a code leaves unserved and the reference clauses it has no
/// counterpart for.
struct GapsPage {
    let report: GapReport
    let library: CodeLibrary

    var document: Document {
        let code = report.code
        var document = Document(
            title: "Gaps in \(code.title)",
            subtitle: "Against " + report.references.map(\.title).joined(separator: ", "))
        document.append(.paragraph(
            "A clause of a reference code counts as covered when a clause of \(code.id) is linked to it in "
                + "the content, or serves every attribute it serves."))

        document.append(.heading(level: 2, "Attributes no clause serves"))
        if report.uncoveredAttributes.isEmpty {
            document.append(.paragraph("None: every attribute is served by at least one clause of \(code.id)."))
        } else {
            document.append(.list(.unordered, paragraphs: report.uncoveredAttributes.map { attribute in
                [.strong(attribute.name), .text(": " + attribute.summary)]
            }))
        }

        document.append(.heading(level: 2, "Reference clauses without a counterpart"))
        if report.uncovered.isEmpty {
            document.append(.paragraph("None: every clause of the reference codes has a counterpart in \(code.id)."))
        } else {
            document.append(.paragraph("\(report.uncoveredClauseCount) clauses of the reference codes have no counterpart in \(code.id)."))
        }
        // Written even when empty, so that CSV output always has its header row.
        document.append(.table(Table(
            caption: [.text("Reference clauses that \(code.id) does not cover")],
            header: ["Clause", "Code", "Serves"],
            rows: report.uncovered.flatMap { group in
                group.clauses.map { clause in
                    [
                        Table.Cell(PageParts.clause(clause)),
                        Table.Cell([.code(group.code.id)]),
                        Table.Cell([.text(PageParts.attributeNames(clause.attributeIDs, in: library))]),
                    ]
                }
            },
            hasRowHeaders: true)))
        document.append(contentsOf: PageParts.sources([code] + report.references))
        return document
    }
}
