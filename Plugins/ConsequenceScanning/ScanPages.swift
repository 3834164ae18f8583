import EthicsCore

/// The pages of the plugin: a scan as the board reads it, the list of scans, and the guide.
enum ScanPages {
    static func scan(_ scan: Scan, id: String?, version: Int?, guide: Guide?) -> Document {
        var metadata: [Document.MetadataEntry] = []
        if let id { metadata.append(.init("Record", id + (version.map { " version \($0)" } ?? ""))) }
        metadata.append(.init("Author", scan.author))
        metadata.append(.init("Date", scan.date.description))
        if let decision = scan.decision { metadata.append(.init("Responds to", decision)) }
        if let reviewBy = scan.reviewBy { metadata.append(.init("Scan again by", reviewBy.description)) }
        var document = Document(title: "Consequence scan: \(scan.title)", metadata: metadata)
        if let id, let version { document.record = RecordReference(id: id, version: version) }
        let counts = Scan.Response.allCases.map { response in
            (response, scan.consequences.filter { $0.response == response }.count)
        }
        document.append(.paragraph(
            "\(scan.consequences.count) consequence\(scan.consequences.count == 1 ? "" : "s"): "
                + counts.map { "\($0.1) to \($0.0.label.lowercased())" }.joined(separator: ", ") + "."))
        for (response, count) in counts where count > 0 {
            document.append(.heading(level: 2, "\(response.label): \(response.help)"))
            document.append(.table(Table(
                caption: [.text("Consequences to \(response.label.lowercased())")],
                header: ["What could happen", "Intended", "Effect", "Owner", "What we will do"],
                rows: scan.consequences.filter { $0.response == response }.map { consequence in
                    [Table.Cell(stringLiteral: consequence.description),
                     Table.Cell(stringLiteral: consequence.intended ? "intended" : "unintended"),
                     Table.Cell(stringLiteral: consequence.positive ? "positive" : "negative"),
                     Table.Cell(stringLiteral: consequence.owner), Table.Cell(stringLiteral: consequence.note ?? "")]
                },
                hasRowHeaders: true)))
        }
        let focus = scan.consequences.filter(\.positive)
        let mitigate = scan.consequences.filter { !$0.positive }
        if let guide, guide.questions.count >= 3 {
            document.append(.heading(level: 2, "The questions answered"))
            document.append(.definitions([
                Block.Definition(term: [.text(guide.questions[1].text)], details: [items(focus, empty: "None named.")]),
                Block.Definition(term: [.text(guide.questions[2].text)], details: [items(mitigate, empty: "None named.")]),
            ]))
            document.append(.paragraph("Guide: " + guide.provenance.citation + "."))
        }
        return document
    }

    private static func items(_ consequences: [Scan.Consequence], empty: String) -> Block {
        consequences.isEmpty
            ? .paragraph(empty)
            : .list(.unordered, consequences.map { "\($0.description) (\($0.response.label.lowercased()); \($0.owner))" })
    }

    static func list(_ scans: [(version: RecordVersion, scan: Scan?)]) -> Document {
        var document = Document(title: "Consequence scans")
        document.append(.table(Table(
            caption: [.text("\(scans.count) scan\(scans.count == 1 ? "" : "s"), latest version each")],
            header: ["Record", "Title", "Date", "Responds to", "Act", "Influence", "Monitor"],
            rows: scans.map { entry in
                let consequences = entry.scan?.consequences ?? []
                func count(_ response: Scan.Response) -> Table.Cell {
                    Table.Cell(stringLiteral: String(consequences.filter { $0.response == response }.count))
                }
                return [Table.Cell([.code(entry.version.id)]), Table.Cell(stringLiteral: entry.version.title),
                        Table.Cell(stringLiteral: entry.scan?.date.description ?? ""),
                        Table.Cell(stringLiteral: entry.scan?.decision ?? ""), count(.act), count(.influence), count(.monitor)]
            },
            alignments: [.left, .left, .left, .left, .right, .right, .right], hasRowHeaders: true,
            whenEmpty: [
                "No consequence scans are kept yet. Start one with ",
                .command("ethics consequence-scanning scan", page: OperationPage(
                    "a new scan", plugin: ConsequenceScanningPlugin.descriptor.id, operation: "scan")),
                ".",
            ])))
        return document
    }

    static func guide(_ guide: Guide) -> Document {
        var document = Document(title: guide.title, metadata: [.init("Source", guide.provenance.citation)])
        document.append(.paragraph(guide.summary))
        document.append(.heading(level: 2, "The questions"))
        document.append(.list(.ordered, items: guide.questions.map { question in
            [.paragraph(question.text)] + (question.help.map { [.paragraph($0)] } ?? [])
        }))
        document.append(.heading(level: 2, "Where unintended consequences hide"))
        document.append(.list(.unordered, guide.prompts))
        document.append(.heading(level: 2, "Sorting each consequence"))
        document.append(.definitions(Scan.Response.allCases.map { Block.Definition($0.label, $0.help) }))
        document.append(.heading(level: 2, "Worksheet"))
        document.append(.form(Form(id: "scan", title: "A consequence scan", fields: ScanForm.fields)))
        return document
    }
}
