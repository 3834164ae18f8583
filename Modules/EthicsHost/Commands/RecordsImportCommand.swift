import ArgumentParser
import EthicsCSV
import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import Foundation

extension RecordsCommand {
    /// `ethics records import LOG.csv`: a council's existing decision log, brought into the
    /// register in one transaction, so its history sits beside what the toolkit records from now on.
    struct Import: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Bring an existing decision log (a spreadsheet saved as CSV UTF-8) into the register.",
            discussion: """
                The first row names the columns: title and author (or --author), and optionally kind, \
                status, review by (YYYY-MM-DD or DD/MM/YYYY), tags and attributes (separated by ';'). \
                Every other column is kept in each record's content under its name. Each row becomes \
                a new record that remembers the file and line it came from.

                Every row is checked first: one problem anywhere and nothing is imported. The whole \
                file is kept in one transaction, with a journal entry naming the file and its SHA-256; \
                the same file is not imported twice unless --again is given.
                """)

        @Argument(help: ArgumentHelp("The CSV file to import.", valueName: "file"))
        var file: String

        @Option(help: "The kind of record for rows without a kind column or with it empty.")
        var kind = "decision"

        @Option(help: "Who is accountable for rows that name no author.")
        var author: String?

        @Flag(help: "Check the file and show what would be imported, without keeping anything.")
        var dryRun = false

        @Flag(help: "Import a file even though the same file (by SHA-256) was imported before.")
        var again = false

        static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .csv, .odt, .docx]
        @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text), valueName: "format"))
        var askedFormat: OutputFormat?
        /// `--format`, else the format the output file's name says, else text.
        var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
        var output: String?

        func validate() throws {
            if let author, author.allSatisfy(\.isWhitespace) {
                throw ValidationError("--author needs a name, role or team")
            }
        }

        func run(session: HostSession) async throws {
            try DocumentDelivery(format: format, path: output).check(output: session.output)
            let bytes = try TextFile.bytes(of: file, as: .csv, maxSize: CSVTable.maxFileSize, source: .regularFile)
            let model = try session.loadModel()
            let log = try RecordImport.read(
                bytes, file: file, attributes: model.attributes,
                defaults: .init(kinds: session.recordKinds, kind: try RecordsCommand.recordKind(kind, session: session), author: author))
            let name = (file as NSString).lastPathComponent

            let sameFile: (RecordsImported) -> Bool = { $0.sha256 == log.sha256 }
            if dryRun {
                var document = Self.report(log, kept: nil, register: session.records.path)
                document.title = "Import check: nothing was kept"
                if let earlier = try session.records.existingStore()?.firstJournalled(RecordsImported.self, where: sameFile) {
                    document.append(.callout(.warning, title: "Imported before", Self.importedBefore(earlier)))
                }
                try session.write(document, as: format, to: output)
                return
            }
            let kept: [RecordVersion]
            do {
                kept = try session.records.store().recordAll(log.entries.map(\.draft), unlessJournalled: again ? nil : sameFile) { kept in
                    RecordsImported(file: name, sha256: log.sha256, records: kept.map(\.id))
                }
            } catch let refusal as AlreadyJournalled {
                throw DiagnosticError.error(
                    Self.importedBefore(refusal.entry) + "; nothing was imported again", file: file,
                    suggestion: "pass --again to import it a second time")
            }
            try session.write(Self.report(log, kept: kept, register: session.records.path), as: format, to: output)
        }

        static func importedBefore(_ entry: JournalEntry) -> String {
            "this file was already imported, at \(entry.time) (journal entry \(entry.sequence))"
        }

        /// What was imported (or, without `kept`, what would be): a row per record, with the line
        /// of the log it came from, so the log can be annotated with the register's ids.
        static func report(_ log: RecordImport, kept: [RecordVersion]?, register: String) -> Document {
            let count = log.entries.count
            var document = Document(
                title: "Imported \(count) record\(count == 1 ? "" : "s")",
                metadata: [.init("File", log.file), .init("SHA-256", log.sha256), .init("Register", register)])
            let rows: [[Table.Cell]] = log.entries.enumerated().map { index, entry in
                let draft = entry.draft
                var row = [Table.Cell(stringLiteral: String(entry.line))]
                if let kept { row.append(Table.Cell([.code(kept[index].id)])) }
                row += [Table.Cell(stringLiteral: draft.kind.id), Table.Cell(stringLiteral: draft.title),
                        Table.Cell(stringLiteral: draft.status), Table.Cell(stringLiteral: draft.reviewBy?.description ?? "")]
                return row
            }
            document.append(.table(Table(
                caption: [.text(kept == nil ? "Rows that would become records" : "Records made, by line of the file")],
                header: ["Line"] + (kept == nil ? [] : ["Record"]) + ["Kind", "Title", "Status", "Review by"],
                rows: rows, alignments: [.right])))
            return document
        }
    }
}
