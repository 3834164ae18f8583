import EthicsCore

/// `list`: the codes in force, how big each is, and whom it binds.
struct CodeListPage {
    let library: CodeLibrary

    var document: Document {
        let clauseCount = library.codes.reduce(0) { $0 + $1.clauses.count }
        var document = Document(
            title: "Professional codes",
            subtitle: "\(library.codes.count) codes, \(clauseCount) clauses, mapped to \(library.attributes.attributes.count) attributes of ethical practice")
        document.append(.table(Table(
            caption: [.text("The codes in use, in the order the configuration lists them")],
            header: ["Code", "Title", "Clauses", "Audience"],
            rows: library.codes.map { code in
                [
                    Table.Cell([.code(code.id)]),
                    Table.Cell([.text(code.title)]),
                    Table.Cell([.text("\(code.clauses.count)")]),
                    Table.Cell([.text(code.audience.joined(separator: ", "))]),
                ]
            },
            alignments: [.left, .left, .right],
            hasRowHeaders: true)))
        document.append(.paragraph([
            .text("Show one with "), .code("ethics code-mapper show CODE"),
            .text("; compare them with "), .code("matrix"), .text(", "), .code("crosswalk"), .text(" and "), .code("gaps"), .text("."),
        ]))
        document.append(contentsOf: PageParts.sources(library.codes))
        return document
    }
}
