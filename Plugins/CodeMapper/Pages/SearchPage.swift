import EthicsCore

/// `search TEXT`: the clauses whose id, title or text mention every word searched for.
struct SearchPage {
    let query: String
    let results: [Clause]

    var document: Document {
        var document = Document(
            title: "Clauses mentioning \u{201C}\(query)\u{201D}",
            subtitle: "\(results.count) \(results.count == 1 ? "clause" : "clauses") found")
        // With no results, the formats people read say so instead of an empty table, and CSV
        // still has its header row.
        document.append(.table(Table(
            caption: [.text("Clauses matching \u{201C}\(query)\u{201D}, in code order")],
            header: ["Clause", "Code", "What it asks"],
            rows: results.map { clause in
                [
                    Table.Cell([.code(clause.id)]),
                    Table.Cell([.code(clause.codeID)]),
                    Table.Cell([.strong(clause.title), .text(". " + clause.text)]),
                ]
            },
            hasRowHeaders: true,
            whenEmpty: [
                .text("No clause mentions every word of \u{201C}\(query)\u{201D}. Try fewer or shorter words, or see "),
                .command("ethics code-mapper list", page: OperationPage("every code", plugin: CodeMapperPlugin.descriptor.id, operation: "list")),
                .text("."),
            ])))
        return document
    }
}
