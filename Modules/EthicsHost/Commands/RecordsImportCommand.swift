import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import Foundation

extension RecordsCommand {
    /// `ethics records import LOG.csv`: a council's existing decision log, brought into the
    /// register in one transaction, so its history sits beside what the toolkit records from now on.
    struct Import: HostCommand {
        static let configuration = CommandConfiguration(
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
        var kind: RecordKind = .decision

        @Option(help: "Who is accountable for rows that name no author.")
        var author: String?

        @Flag(help: "Check the file and show what would be imported, without keeping anything.")
        var dryRun = false

        @Flag(help: "Import a file even though the same file (by SHA-256) was imported before.")
        var again = false

        @Option(help: "Output format: text, markdown, html, json or csv.")
        var format: OutputFormat = .text

        func validate() throws {
            if let author, author.allSatisfy(\.isWhitespace) {
                throw ValidationError("--author needs a name, role or team")
            }
        }

        func run(session: HostSession) async throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
                throw DiagnosticError.error(isFolder.boolValue ? "this is a folder, not a CSV file" : "there is no such file", file: file)
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw DiagnosticError.error("cannot read the file", file: file)
            }
            let model = try session.loadModel()
            let log = try RecordImport.read(
                Array(data), file: file, attributes: model.attributes, defaults: .init(kind: kind, author: author))
            let name = (file as NSString).lastPathComponent

            if dryRun {
                var document = Self.report(log, kept: nil, register: session.records.path)
                document.title = "Import check: nothing was kept"
                session.output.write(try session.renderer.render(document, as: format))
                return
            }
            let store = try session.records.store()
            if !again, let earlier = try store.journalEntries(topic: RecordImport.topic).first(where: {
                (try? JSONDecoder().decode(RecordsImported.self, from: Data($0.payload.utf8)))?.sha256 == log.sha256
            }) {
                throw DiagnosticError.error(
                    "this file was already imported, at \(earlier.time) (journal entry \(earlier.sequence)); nothing was imported again",
                    file: file, suggestion: "pass --again to import it a second time")
            }
            let kept = try store.recordAll(log.entries.map(\.draft)) { kept in
                RecordsImported(file: name, sha256: log.sha256, records: kept.map(\.id))
            }
            session.output.write(try session.renderer.render(Self.report(log, kept: kept, register: session.records.path), as: format))
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
                row += [Table.Cell(stringLiteral: draft.kind.rawValue), Table.Cell(stringLiteral: draft.title),
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
