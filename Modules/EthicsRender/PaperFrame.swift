import EthicsCore

extension Document {
    /// The document with its committee-paper frame written out as the model's own blocks, so that
    /// every format (text, Markdown, HTML, ODT, DOCX) shows the same frame: the report number,
    /// meeting and author lead the details under the title, and a "Sign-off" section with a table
    /// of role, name and date opens the body. JSON keeps the frame as data instead.
    func framed() -> Document {
        guard let paper else { return self }
        var document = self
        var details: [MetadataEntry] = []
        if let number = paper.reportNumber { details.append(.init("Report number", number)) }
        if let meeting = paper.meeting {
            details.append(.init("Meeting", paper.meetingDate.map { "\(meeting), \($0)" } ?? meeting))
        } else if let date = paper.meetingDate {
            details.append(.init("Meeting date", date))
        }
        if let author = paper.author { details.append(.init("Report author", author)) }
        if let head = paper.registerHead { details.append(.init("Register journal head", head)) }
        document.metadata = details + metadata
        let rows = paper.signOffRows
        let signOff: [Block] = [
            .heading(level: 2, "Sign-off", anchor: "sign-off"),
            rows.isEmpty
                ? .paragraph("Not signed off yet: a sign-off is recorded with 'ethics records approve ID --role ROLE'.")
                : .table(Table(
                    caption: [.text("Who signed this paper off, in which role and when")],
                    header: ["Role", "Name", "Date"],
                    rows: rows.map { [Table.Cell(stringLiteral: $0.role), Table.Cell(stringLiteral: $0.name), Table.Cell(stringLiteral: $0.date)] },
                    hasRowHeaders: true)),
        ]
        document.blocks = signOff + blocks
        document.paper = nil
        return document
    }
}
