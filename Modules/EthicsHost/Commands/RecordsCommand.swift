import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import Foundation
import Glibc

/// `ethics records`: what the register holds, its history and reviews, proof that nothing was
/// altered, and a bundle for an ethics board or a Freedom of Information answer.
///
/// Reading commands never create a register: with none yet, they say so.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "List, show, review, sign off, verify, export and import the register: decisions, canvases, assessments, scans and transparency records.",
        discussion: """
            The register is a SQLite database, register.sqlite, in the council's workspace \
            ($XDG_DATA_HOME/ethics/<council id>/ unless the configuration sets 'workspace:'), or \
            a council's PostgreSQL database when the configuration has 'register:' or \
            ETHICS_REGISTER_URL is set. Every record version and every event is appended to a \
            hash-chained journal.
            """,
        subcommands: [List.self, Show.self, History.self, Due.self, Review.self, Approve.self, Supersede.self, Withdraw.self,
                      Verify.self, Export.self, Backup.self, Import.self, Copy.self, InitDatabase.self])

    /// Parses `--since`.
    static func calendarDate(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw ValidationError("'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-22")
        }
        return date
    }

    static func stamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// The kind of record named `id`, among those the compiled-in plugins keep.
    static func recordKind(_ id: String, session: HostSession) throws(DiagnosticError) -> RecordKind {
        let kinds = session.recordKinds
        guard let kind = kinds.first(where: { $0.id == id }) else {
            throw .error(
                "'\(id)' is not a kind of record", suggestion: Suggestion.didYouMean(id, among: kinds.map(\.id))
                    ?? "the kinds are: \(kinds.map(\.id).joined(separator: ", "))")
        }
        return kind
    }

    /// How each record is shown: by the enabled plugin that keeps its kind (a decision as its
    /// decision record), or nil when none is enabled, and the record shows its raw content.
    static func pages(_ session: HostSession) throws -> @Sendable (RecordVersion) -> Document? {
        let model = try session.loadModel()
        let plugins = try session.startPlugins(context: session.context(model: model))
        return { record in
            plugins.values.first { type(of: $0).descriptor.recordKinds.contains { $0.id == record.kind } }?.page(of: record)
        }
    }

    static func noRecord(_ id: String, session: HostSession) -> DiagnosticError {
        DiagnosticError.error("there is no record '\(id)' in the register", file: session.records.path)
    }

    // MARK: - list

    struct List: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the records, their latest version each, oldest first.")

        @Option(help: "Only records of this kind (decision, canvas, assessment, scan, …).")
        var kind: String?

        @Option(help: ArgumentHelp("Only records whose latest version was kept on or after this day (UTC).", valueName: "YYYY-MM-DD"),
                transform: RecordsCommand.calendarDate)
        var since: CalendarDate?

        @Option(help: "Only records whose title, author, status, tags or content contain this text (ignoring case).")
        var text: String?

        static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .csv, .odt, .docx]
        @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text), valueName: "format"))
        var askedFormat: OutputFormat?
        /// `--format`, else the format the output file's name says, else text.
        var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
        var output: String?

        func run(session: HostSession) async throws {
            let kind = try kind.map { kind throws(DiagnosticError) in try RecordsCommand.recordKind(kind, session: session).id }
            let store = try session.records.existingStore()
            let records = try store?.latestVersions(kind: kind, since: since, text: text) ?? []
            // Only an escalated decision's standing depends on its links.
            var links: [String: [RecordLink]] = [:]
            for record in records where record.status == RecordVersion.escalatedStatus {
                links[record.id] = try store?.links(of: record.id)
            }
            var document = Document(title: "Records", metadata: [.init("Register", session.records.path)])
            // A spreadsheet asked for gets its header row even when nothing matches, so a
            // scheduled export of a filter that is empty this week still reads as a table.
            if records.isEmpty && format.content != .tablesOnly {
                document.append(.paragraph("No records match."))
            } else {
                document.append(.table(Table(
                    caption: [.text("\(records.count) record\(records.count == 1 ? "" : "s"), latest version each")],
                    header: ["Record", "Kind", "Version", "Title", "Status", "Review by", "Updated"],
                    rows: records.map { record in
                        [Table.Cell([.code(record.id)]), Table.Cell(stringLiteral: record.kind),
                         Table.Cell(stringLiteral: String(record.version)), Table.Cell(stringLiteral: record.title),
                         Table.Cell(stringLiteral: record.statusShown(links: links[record.id] ?? [])),
                         Table.Cell(stringLiteral: record.reviewBy?.description ?? ""),
                         Table.Cell(stringLiteral: RecordsCommand.stamp(record.updated))]
                    },
                    alignments: [.left, .left, .right], hasRowHeaders: true)))
            }
            try session.write(document, as: format, to: output)
        }
    }

    // MARK: - show

    struct Show: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one record: its latest version, or the version asked for, and its links.")

        @Argument(help: "The record's id, such as dec-2026-0001.")
        var id: String

        // `.unconditional`: `--version -1` is a value out of range, not a missing value.
        @Option(parsing: .unconditional, help: "The version to show (default: the latest).")
        var version: Int?

        static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .odt, .docx]
        @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text), valueName: "format"))
        var askedFormat: OutputFormat?
        /// `--format`, else the format the output file's name says, else text.
        var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
        var output: String?

        @OptionGroup(title: "Committee paper") var paper: CommitteePaperOptions

        func validate() throws {
            if let version, version < 1 {
                throw ValidationError("--version takes a version number from 1 up; \(version) is out of range")
            }
        }

        func run(session: HostSession) async throws {
            let asked = try paper.asked
            guard let store = try session.records.existingStore(), let record = try store.fetch(id, version: version) else {
                if let version, try session.records.existingStore()?.fetch(id) != nil {
                    throw DiagnosticError.error("record '\(id)' has no version \(version)", file: session.records.path)
                }
                throw RecordsCommand.noRecord(id, session: session)
            }
            let latest = try store.fetch(id)?.version ?? record.version
            let links = try store.links(of: id)
            var titles: [String: String] = [:]
            for link in links {
                for other in [link.from, link.to] where other != id { titles[other] = try store.fetch(other)?.title }
            }
            let history = try store.history(of: id)
            var document = RecordsDocument.record(
                record, latestVersion: latest, links: links, history: history.filter { $0.version <= record.version },
                titles: titles, page: try RecordsCommand.pages(session)(record))
            document.metadata.insert(.init("Register", session.records.path), at: 0)
            // The head the record was shown at, to quote and check later with verify --expect-head.
            if let head = try store.head() { document.metadata.insert(.init("Register journal head", head.description), at: 1) }
            document.paper = asked?.completed(by: session.config.committeePaper, history: history, through: record.version, clock: session.clock)
            try session.write(document, as: format, to: output)
        }
    }

    // MARK: - history

    struct History: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "List every version of one record, oldest first.")

        @Argument(help: "The record's id, such as dec-2026-0001.")
        var id: String

        static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .csv, .odt, .docx]
        @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text), valueName: "format"))
        var askedFormat: OutputFormat?
        /// `--format`, else the format the output file's name says, else text.
        var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
        var output: String?

        func run(session: HostSession) async throws {
            let versions = try session.records.existingStore()?.history(of: id) ?? []
            guard let first = versions.first else { throw RecordsCommand.noRecord(id, session: session) }
            let document = Document(
                title: "History of \(id)", subtitle: first.kind,
                metadata: [.init("Register", session.records.path), .init("Created", RecordsCommand.stamp(first.created))],
                blocks: [.table(Table(
                    caption: [.text("\(versions.count) version\(versions.count == 1 ? "" : "s") of \(id)")],
                    header: ["Version", "Kept", "Author", "Status", "Review by", "Step", "Title"],
                    rows: versions.map { version in
                        [Table.Cell(stringLiteral: String(version.version)), Table.Cell(stringLiteral: RecordsCommand.stamp(version.updated)),
                         Table.Cell(stringLiteral: version.author), Table.Cell(stringLiteral: version.status),
                         Table.Cell(stringLiteral: version.reviewBy?.description ?? ""),
                         Table.Cell(stringLiteral: version.step.map { step in
                             [step.action.rawValue, step.role, step.outcome].compactMap { $0 }.joined(separator: ", ")
                         } ?? ""),
                         Table.Cell(stringLiteral: version.title)]
                    },
                    alignments: [.right], hasRowHeaders: true))])
            try session.write(document, as: format, to: output)
        }
    }

    // MARK: - due

    struct Due: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "List the records whose review is overdue or falls within the coming days.")

        @Option(parsing: .unconditional, help: "How many days ahead to look (0: overdue and due today only).")
        var within: Int = 30

        static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .csv, .odt, .docx]
        @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text), valueName: "format"))
        var askedFormat: OutputFormat?
        /// `--format`, else the format the output file's name says, else text.
        var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
        var output: String?

        @Flag(help: "Exit 1 when any review is overdue, for a scheduled job.")
        var check = false

        func validate() throws {
            guard (0...36_500).contains(within) else {
                throw ValidationError("--within takes a number of days from 0 to 36500; \(within) is out of range")
            }
        }

        func run(session: HostSession) async throws {
            // Days are the council's (Europe/London unless its configuration says otherwise).
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = session.clock.timeZone
            let today = session.clock.today()
            let cutoff = session.clock.adding(days: within, to: today)
            let records = try session.records.existingStore()?.due(by: cutoff) ?? []
            var document = Document(
                title: "Reviews due", metadata: [.init("Register", session.records.path), .init("Today", today.description),
                                                 .init("Looking ahead", "\(within) day\(within == 1 ? "" : "s"), to \(cutoff)")])
            if records.isEmpty {
                document.append(.paragraph("No reviews are overdue or due by \(cutoff)."))
            } else {
                document.append(.table(Table(
                    caption: [.text("Records to review by \(cutoff), soonest first")],
                    header: ["Record", "Kind", "Title", "Review by", "When", "Status"],
                    rows: records.map { record in
                        let review = record.reviewBy ?? today
                        return [Table.Cell([.code(record.id)]), Table.Cell(stringLiteral: record.kind),
                                Table.Cell(stringLiteral: record.title), Table.Cell(stringLiteral: review.description),
                                Table.Cell(stringLiteral: Self.when(review, today: today, calendar)),
                                Table.Cell(stringLiteral: record.status)]
                    },
                    hasRowHeaders: true)))
            }
            try session.write(document, as: format, to: output)
            if check, let overdue = records.first(where: { ($0.reviewBy ?? today) < today }) {
                let count = records.filter { ($0.reviewBy ?? today) < today }.count
                session.errors.line("\(session.records.path): error: \(count) review\(count == 1 ? " is" : "s are") overdue, the oldest \(overdue.id) (due \(overdue.reviewBy?.description ?? ""))")
                throw ExitCode(ExitStatus.checkFailed.rawValue)
            }
        }

        static func day(_ date: Date, _ calendar: Calendar) -> CalendarDate {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
                ?? CalendarDate(year: 1970, month: 1, day: 1)!
        }

        static func when(_ review: CalendarDate, today: CalendarDate, _ calendar: Calendar) -> String {
            func date(_ day: CalendarDate) -> Date? {
                calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
            }
            guard let from = date(today), let to = date(review),
                  let days = calendar.dateComponents([.day], from: from, to: to).day else { return "" }
            switch days {
            case ..<0: return "overdue by \(-days) day\(days == -1 ? "" : "s")"
            case 0: return "due today"
            default: return "due in \(days) day\(days == 1 ? "" : "s")"
            }
        }
    }

    // MARK: - verify

    struct Verify: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Recompute the journal's hash chain and check every record against it.",
            discussion: "Exit status 0 when the register is intact, 1 when anything was altered (the first broken entry is named).")

        @Option(help: ArgumentHelp(
            "A head noted earlier (from a paper, an export or a verify), SEQ:HASH; exit 1 unless the journal still holds it.",
            valueName: "SEQ:HASH"), transform: Verify.head)
        var expectHead: JournalHead?

        static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .odt, .docx]
        @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text), valueName: "format"))
        var askedFormat: OutputFormat?
        /// `--format`, else the format the output file's name says, else text.
        var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
        var output: String?

        /// A head as people copy it: from a paper, perhaps in capitals, perhaps with a space.
        static func head(_ text: String) throws -> JournalHead {
            guard let head = JournalHead(text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("'\(text)' is not a journal head; write SEQ:HASH, as verify and export print it (e.g. 12:3f9a…, at least 12 hex digits)")
            }
            return head
        }

        func run(session: HostSession) async throws {
            var document = Document(title: "Register verification", metadata: [.init("Register", session.records.path)])
            guard let store = try session.records.existingStore() else {
                if session.records.isSQLite, let noted = RecordStore.notedHead(register: session.records.path) {
                    session.errors.line("\(session.records.path): error: there is no register here, but the head noted beside it after its last write is \(noted): it held \(noted.sequence) journal entries, which are lost; restore it from a backup")
                    throw ExitCode(ExitStatus.checkFailed.rawValue)
                }
                if let expectHead {
                    session.errors.line("\(session.records.path): error: there is no register here, but a head \(expectHead) was expected")
                    throw ExitCode(ExitStatus.checkFailed.rawValue)
                }
                document.append(.paragraph("There is no register yet: nothing has been recorded, so there is nothing to verify."))
                try session.write(document, as: format, to: output)
                return
            }
            let result = try store.verify(expecting: expectHead)
            if let problem = result.problem {
                // Verify stops at the first problem: its counts are what it checked before then,
                // and there is a head only when the whole chain held.
                document.metadata += [
                    .init("Journal entries verified", String(result.entryCount)),
                    .init("Record versions verified", String(result.versionCount)),
                    .init("Links verified", String(result.linkCount)),
                    .init("Journal head", result.head?.description
                        ?? "none: the chain breaks at entry \(problem.sequence.map(String.init) ?? String(result.entryCount + 1))"),
                ]
                document.append(.callout(.warning, title: "Tampering detected", problem.message))
                document.append(.paragraph(result.head == nil
                    ? "Verify stopped at this problem; the figures above are what it had checked before it. Entries before the broken one still verify; everything from it on cannot be trusted."
                    : "The chain holds as it stands, and the figures above are the whole register's, but it does not pass through the head noted earlier: "
                        + "from the entry named on, this is not the register that head was taken from (it was rewritten, restored from another copy, "
                        + "or lost its last entries), unless the head was copied wrongly. Check the head where it was noted."))
                try session.write(document, as: format, to: output)
                session.errors.line("\(session.records.path): error: \(problem.message)")
                throw ExitCode(ExitStatus.checkFailed.rawValue)
            }
            document.metadata += [
                .init("Journal entries", String(result.entryCount)),
                .init("Record versions", String(result.versionCount)),
                .init("Links", String(result.linkCount)),
                .init("Journal head", result.head?.description ?? "none (the journal is empty)"),
            ]
            let heads = [
                result.notedHeadChecked ? "the head noted beside the register after its last write" : nil,
                result.pinnedHeadChecked ? "the head you gave (\(expectHead!))" : nil,
            ].compactMap { $0 }
            var intact = "Intact: every journal entry chains to the one before it and matches its hash; every record version and link matches the journal entry that kept it, and every such entry still has its row"
            intact += heads.isEmpty ? "." : "; the journal reaches " + heads.joined(separator: " and ") + "."
            if !result.notedHeadChecked {
                intact += session.records.isSQLite
                    ? " No head is noted beside this register (its register.head file is missing), so only a head you give can show that its end was not cut off."
                    : " A register on PostgreSQL keeps no note of its head outside the database, so only a head you give can show that its end was not cut off."
            }
            document.append(.paragraph(intact))
            document.append(.paragraph(
                "What this proves, and what it cannot: verify shows that nothing inside the chain was changed or removed since each entry was written. It cannot show on its own that the whole chain was not rewritten, or its end cut off, by someone able to write the register's files: only a head noted somewhere else can. Quote the journal head in papers and keep it; check it later with --expect-head."))
            try session.write(document, as: format, to: output)
        }
    }

    // MARK: - export

    // MARK: - backup

    struct Backup: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Write a consistent copy of the register to FILE, then verify the copy.",
            discussion: "Other officers may go on writing meanwhile: an SQLite register is copied with SQLite's online backup, one on PostgreSQL is read as one consistent snapshot. The copy is one SQLite file (mode 0600) that verifies on its own; an existing file is never replaced. Exit 1 if the copy does not verify.")

        @Argument(help: ArgumentHelp("The file to write.", valueName: "file"))
        var file: String

        func run(session: HostSession) async throws {
            guard let store = try session.records.existingStore() else {
                throw DiagnosticError.error("there is no register yet, so there is nothing to back up", file: session.records.path)
            }
            let result = try RecordStore.backup(of: store, to: file)
            guard result.isIntact else {
                session.errors.line("\(file): error: the copy does not verify: \(result.problem?.message ?? "")")
                throw ExitCode(ExitStatus.checkFailed.rawValue)
            }
            session.output.line("Backed up to \(file): \(result.contents); verified. Journal head \(result.head?.description ?? "none").")
        }
    }

    struct Export: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a bundle for an ethics board or an FOI answer: an index, a page per record, records.json, a journal extract and SHA256SUMS.",
            discussion: """
                With --format markdown or html the bundle has index.md or index.html and a page per record under \
                records/; with odt or docx, one committee paper records.odt or records.docx, the index then a section \
                per record; with --format json, records.json only. Every bundle has records.json, journal.jsonl and \
                SHA256SUMS, and names the journal head it was exported at. The bundle is built in a temporary folder beside DIR and renamed into place, so it is \
                never half-written. DIR must not exist yet, or be empty. Check it with `sha256sum -c SHA256SUMS`.
                """)

        @Option(help: "Format: markdown or html (an index and a page per record), odt or docx (one paper), json (records.json alone).")
        var format: OutputFormat = .json

        @Option(name: .shortAndLong, help: ArgumentHelp("The folder to create for the bundle.", valueName: "dir"))
        var output: String

        func validate() throws {
            guard [.json, .markdown, .html, .odt, .docx].contains(format) else {
                throw ValidationError("export writes json, markdown, html, odt or docx, not \(format.rawValue)")
            }
            // Elsewhere '-' is standard output; an export is a folder of files, which cannot go there.
            guard output != "-" else {
                throw ValidationError("an export is a folder of files and cannot go to standard output; name the folder to create")
            }
            // An empty name (a script's unset variable) would be the current folder.
            guard !output.isEmpty else { throw ValidationError("--output names no folder: the name given is empty; name the folder to create") }
        }

        func run(session: HostSession) async throws {
            let target = URL(fileURLWithPath: output).standardizedFileURL.path
            try Self.checkTarget(target)
            let store = try session.records.existingStore()
            let records = try store?.latestVersions() ?? []
            let histories = try records.map { try store?.history(of: $0.id) ?? [$0] }
            let links = try store?.allLinks() ?? []
            let journal = try store?.journalEntries() ?? []
            let verification = try store?.verify()
            let exported = Date()

            let head = verification?.head?.description
            // records.json is in every bundle, the machine-readable twin of the pages.
            var files: [(name: String, bytes: [UInt8])] = [
                ("records.json", try RecordsDocument.json(histories: histories, links: links, exported: exported, head: head)),
            ]
            let titles = Dictionary(records.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            if format.isBinary {
                // A paper is read front to back, so it is one file: the index, then a section per record.
                let paper = RecordsDocument.paper(
                    histories: histories, links: links, titles: titles, exported: exported, head: head, journalCount: journal.count,
                    pages: try RecordsCommand.pages(session))
                files.append(("records.\(format.fileExtension)", try session.renderer.renderBytes(paper, as: format)))
            } else if format != .json {
                let pageFile = { (id: String) in Self.pageFileName(id, format: format) }
                let index = RecordsDocument.index(
                    histories: histories, links: links, exported: exported, head: head, journalCount: journal.count,
                    pagePath: { "records/" + pageFile($0) })
                files.append(("index.\(format.fileExtension)", Array(try session.renderer.render(index, as: format).utf8)))
                let pages = try RecordsCommand.pages(session)
                for versions in histories {
                    guard let id = versions.last?.id,
                          let page = RecordsDocument.page(history: versions, links: links, titles: titles, head: head, pages: pages, href: pageFile)
                    else { continue }
                    files.append(("records/" + pageFile(id), Array(try session.renderer.render(page, as: format).utf8)))
                }
            }
            files.append(("journal.jsonl", try RecordsDocument.journalLines(journal)))
            let sums = files.map { "\(Self.sha256($0.bytes))  \($0.name)\n" }.joined()
            files.append(("SHA256SUMS", Array(sums.utf8)))
            try Self.writeBundle(files, to: target)

            let versions = histories.reduce(0) { $0 + $1.count }
            var document = Document(
                title: "Export written", metadata: [.init("Bundle", target), .init("Register", session.records.path)])
            document.append(.paragraph(
                "\(records.count) record\(records.count == 1 ? "" : "s") (\(versions) version\(versions == 1 ? "" : "s")), "
                    + "\(links.count) link\(links.count == 1 ? "" : "s") and \(journal.count) journal entr\(journal.count == 1 ? "y" : "ies")."))
            let pageCount = files.filter { $0.name.hasPrefix("records/") }.count
            document.append(.list(.unordered, files.map(\.name).filter { !$0.hasPrefix("records/") }
                + (pageCount == 0 ? [] : ["records/ (\(pageCount) page\(pageCount == 1 ? "" : "s"), one per record)"])))
            document.metadata.append(.init("Journal head", head ?? "none (the journal is empty)"))
            if let verification {
                document.append(.paragraph(verification.isIntact
                    ? "The register verified intact when exported."
                    : "Warning: the register did not verify: \(verification.problem?.message ?? "")"))
            }
            session.output.write(try session.renderer.render(document, as: .text))
        }

        static func checkTarget(_ target: String) throws(DiagnosticError) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) {
                guard isFolder.boolValue else {
                    throw DiagnosticError.error("the export folder is a file; choose a new folder", file: target)
                }
                let contents = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
                guard contents.isEmpty else {
                    throw DiagnosticError.error("the export folder already exists and is not empty; choose a new folder", file: target)
                }
            }
            let parent = (target as NSString).deletingLastPathComponent
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
                throw DiagnosticError.error("the folder to hold the export does not exist: \(parent)", file: target)
            }
        }

        /// Writes every file into a fresh folder beside `target`, then renames it into place.
        static func writeBundle(_ files: [(name: String, bytes: [UInt8])], to target: String) throws {
            let parent = (target as NSString).deletingLastPathComponent
            let name = (target as NSString).lastPathComponent
            SafeFile.removeStaleTemporaries(of: target, folders: true)
            let temporary = "\(parent)/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            guard mkdir(temporary, 0o700) == 0 else {
                throw RecordsCommand.cannotWrite(target, String(cString: strerror(errno)))
            }
            var renamed = false
            defer {
                if !renamed { try? FileManager.default.removeItem(atPath: temporary) }
            }
            for file in files {
                let folder = (file.name as NSString).deletingLastPathComponent
                if !folder.isEmpty, !FileManager.default.fileExists(atPath: "\(temporary)/\(folder)") {
                    guard mkdir("\(temporary)/\(folder)", 0o700) == 0 else {
                        throw RecordsCommand.cannotWrite(target, String(cString: strerror(errno)))
                    }
                }
                try SafeFile.write(file.bytes, to: "\(temporary)/\(file.name)")
            }
            guard rename(temporary, target) == 0 else {
                let reason = errno == ENOTEMPTY || errno == EEXIST
                    ? "the folder was filled while the export was written" : String(cString: strerror(errno))
                throw RecordsCommand.cannotWrite(target, reason)
            }
            renamed = true
            SafeFile.syncFolder(parent.isEmpty ? "." : parent)
        }

        /// A record's page file: its id, which the register makes of lowercase letters, digits
        /// and hyphens, with anything else made safe for a file name.
        static func pageFileName(_ id: String, format: OutputFormat) -> String {
            let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" })
            return "\(safe).\(format.fileExtension)"
        }

        static func sha256(_ bytes: [UInt8]) -> String {
            JournalEntry.sha256Hex(bytes)
        }
    }

    /// The export folder could not be made or filled (no permission, a full disk): bad input
    /// of the place the user named, with nothing left behind.
    static func cannotWrite(_ target: String, _ reason: String) -> DiagnosticError {
        .error("cannot write the export: \(reason)", file: target)
    }
}
