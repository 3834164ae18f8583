import EthicsCore

/// `show CODE` and `show SECTION`: a code, or one of its sections, clause by clause.
struct CodePage {
    let library: CodeLibrary
    let code: ProfessionalCode
    /// Nil to show the whole code.
    let section: CodeSection?

    var document: Document {
        var document = Document(
            title: section.map { "\($0.id ?? code.id) \($0.title ?? code.title)" } ?? code.title,
            subtitle: section == nil ? code.summary : code.title,
            metadata: [
                .init("Code", code.id),
                .init("Audience", code.audience.joined(separator: ", ")),
                .init("Publisher", code.provenance.publisher),
                .init("Licence", code.provenance.licence),
                .init("Retrieved", code.provenance.retrieved.description),
            ])
        for section in section.map({ [$0] }) ?? code.sections {
            if let title = section.title, self.section == nil {
                document.append(.heading(level: 2, "\(section.id ?? "") \(title)", anchor: section.id))
            }
            if let summary = section.summary {
                document.append(.paragraph(summary))
            }
            let caption = section.title.map { "Clauses of \($0)" } ?? "Clauses of \(code.title)"
            document.append(.table(PageParts.clauseTable(section.clauses, caption: caption, in: library)))
        }
        document.append(contentsOf: PageParts.sources([code]))
        return document
    }
}
