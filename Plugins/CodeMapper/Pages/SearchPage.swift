import EthicsCore

/// `search TEXT`: the clauses whose id, title or text mention every word searched for.
struct SearchPage {
    let query: String
    let results: [Clause]

    var document: Document {
        var document = Document(
            title: "Clauses mentioning \u{201C}\(query)\u{201D}",
            subtitle: "\(results.count) \(results.count == 1 ? "clause" : "clauses") found")
        if results.isEmpty {
            document.append(.paragraph([
                .text("No clause mentions every word of \u{201C}\(query)\u{201D}. Try fewer or shorter words, or see "),
                .command("ethics code-mapper list", page: OperationPage("every code", plugin: CodeMapperPlugin.descriptor.id, operation: "list")),
                .text("."),
            ]))
        }
        // The table is written even when empty, so that CSV output always has its header row.
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
            hasRowHeaders: true)))
        return document
    }
}
