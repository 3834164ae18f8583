import EthicsCore

/// `matrix`: codes against attributes, as a heatmap that reads the same without colour, since
/// every shaded cell prints its count and its share.
struct MatrixPage {
    let matrix: AttributeMatrix
    let library: CodeLibrary

    var document: Document {
        var document = Document(
            title: "Codes and the attributes of ethical practice",
            subtitle: "\(matrix.rows.count) code\(matrix.rows.count == 1 ? "" : "s") against \(matrix.attributes.count) attributes")
        document.append(.paragraph(
            "Each cell says how many of a code's clauses serve an attribute, and what share of the code that is; "
                + "the darker the shading, the larger the share. A clause can serve several attributes, so a row's "
                + "counts may add up to more than its clauses. The last column counts the attributes a code serves at all."))
        document.append(.table(heatmap))
        document.append(contentsOf: PageParts.sources(matrix.rows.map(\.code)))
        return document
    }

    /// One row per code and attribute, numbers in their own columns: the shape a spreadsheet
    /// or a pivot table wants, written for `--format csv` instead of the heatmap.
    var spreadsheet: Document {
        Document(title: "Codes and the attributes of ethical practice", blocks: [.table(Table(
            header: ["Code", "Attribute", "Clauses serving it", "Clauses in code", "Share"],
            rows: matrix.rows.flatMap { row in
                matrix.attributes.indices.map { column in
                    [
                        Table.Cell([.text(row.code.id)]),
                        Table.Cell([.text(matrix.attributes[column].id)]),
                        Table.Cell([.text("\(row.counts[column])")]),
                        Table.Cell([.text("\(row.clauseCount)")]),
                        Table.Cell([.text(PageParts.share(row.share(column)))]),
                    ]
                }
            }))])
    }

    private var heatmap: Table {
        let attributeCount = matrix.attributes.count
        return Table(
            caption: [.text("Clauses serving each attribute, and their share of the code")],
            header: [Table.Cell("Code")]
                + matrix.attributes.map { Table.Cell([.text($0.name)]) }
                + [Table.Cell("Attributes served")],
            rows: matrix.rows.map { row in
                // The code by its name, as readers know it; its id is for the command line.
                [Table.Cell([.text(row.code.title)])]
                    + matrix.attributes.indices.map { column in
                        let count = row.counts[column]
                        let percent = Int((row.share(column) * 100).rounded())
                        return Table.Cell(
                            [.text("\(count) of \(row.clauseCount) clause\(row.clauseCount == 1 ? "" : "s") (\(percent)%)")],
                            intensity: row.share(column))
                    }
                    + [Table.Cell([.text("\(row.attributesCovered) of \(attributeCount)")])]
            },
            alignments: [.left] + Array(repeating: .right, count: attributeCount + 1),
            hasRowHeaders: true)
    }
}
