import EthicsCore

/// `for ROLE`: the codes that bind people in one role.
struct RolePage {
    let role: String
    let codes: [ProfessionalCode]

    var document: Document {
        var document = Document(
            title: "Codes for the role \(role)",
            subtitle: "\(codes.count) codes name \(role) in their audience")
        document.append(.table(Table(
            caption: [.text("Codes that apply to \(role)")],
            header: ["Code", "Title", "Clauses", "What it covers"],
            rows: codes.map { code in
                [
                    Table.Cell([.code(code.id)]),
                    Table.Cell([.text(code.title)]),
                    Table.Cell([.text("\(code.clauses.count)")]),
                    Table.Cell([.text(code.summary)]),
                ]
            },
            alignments: [.left, .left, .right],
            hasRowHeaders: true)))
        document.append(contentsOf: PageParts.sources(codes))
        return document
    }
}
