import EthicsCore

/// `show CLAUSE`: one clause, why it serves each attribute, and the clauses it is linked to.
struct ClausePage {
    let library: CodeLibrary
    let code: ProfessionalCode
    let clause: Clause

    var document: Document {
        let section = code.section(containing: clause)
        var metadata: [Document.MetadataEntry] = [.init("Code", code.label)]
        if let section, let title = section.title {
            metadata.append(.init("Section", "\(section.id ?? "") \(title)"))
        }
        var document = Document(title: "\(clause.id) \(clause.title)", subtitle: code.title, metadata: metadata)
        document.append(.paragraph(clause.text))

        document.append(.heading(level: 2, "Attributes it serves"))
        document.append(.table(Table(
            caption: [.text("Why \(clause.id) serves each attribute")],
            header: ["Attribute", "Why"],
            rows: clause.attributes.map { mapping in
                [Table.Cell([.text(library.attributes[mapping.attribute]?.name ?? mapping.attribute)]), Table.Cell([.text(mapping.rationale)])]
            },
            hasRowHeaders: true)))

        document.append(.heading(level: 2, "Related clauses"))
        let links = library.links(of: clause)
        if links.isEmpty {
            document.append(.paragraph([
                .text("The content links this clause to no other; "),
                .command("ethics code-mapper crosswalk \(code.id) OTHER", page: OperationPage(
                    "a crosswalk", plugin: CodeMapperPlugin.descriptor.id, operation: "crosswalk")),
                .text(" finds counterparts in another code by shared attributes."),
            ]))
        } else {
            document.append(.table(Table(
                caption: [.text("Clauses of other codes linked to \(clause.id)")],
                header: ["Clause", "Code", "Link"],
                rows: links.map { link in
                    [
                        Table.Cell(PageParts.clause(link.clause)),
                        Table.Cell([.text(library.code(of: link.clause)?.title ?? link.clause.codeID)]),
                        Table.Cell([.text(describe(link))]),
                    ]
                },
                hasRowHeaders: true)))
        }
        document.append(contentsOf: PageParts.sources([code]))
        return document
    }

    private func describe(_ link: CodeLibrary.Link) -> String {
        switch link.direction {
        case .names: "named by \(clause.id)"
        case .namedBy: "names \(clause.id)"
        case .mutual: "each names the other"
        }
    }
}
