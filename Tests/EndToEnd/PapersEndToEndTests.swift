import EthicsCore
import EthicsTestSupport
import Foundation
import Synchronization
import Testing

/// Every kind of paper the toolkit writes as ODT and DOCX, opened by the programs a council would
/// use: LibreOffice converts each to PDF (one `soffice` run for all of them, which keeps the suite
/// fast) and the PDF's text must hold the document's headings and table cells in order; python-docx
/// reads each DOCX back and finds the headings at their levels and the tables cell for cell.
///
/// The expected headings and tables come from the same document written as JSON (the document
/// model itself) or, where a command's JSON is not the model (glossary and records exports), from
/// its Markdown. Tools/test installs LibreOffice, poppler-utils and python-docx
/// (Tools/lib/ensure-paper-test-packages), so in CI these tests never skip.
@Suite(.serialized) struct PapersEndToEndTests {
    /// One kind of paper: how to write it in a format, and where its model comes from.
    struct Kind: Sendable {
        var name: String
        /// Writes the document in `format` to `file` (a path in the scratch folder).
        var write: @Sendable (_ format: String, _ file: String) -> [String]
        /// Whether `--format json` gives the document model; otherwise Markdown gives its headings.
        var hasModel = true
    }

    static let kinds: [Kind] = [
        Kind(name: "matrix") { ["code-mapper", "matrix", "--codes", "nolan,def", "--format", $0, "--output", $1] },
        Kind(name: "crosswalk") { ["code-mapper", "crosswalk", "nolan", "def", "--format", $0, "--output", $1] },
        Kind(name: "gaps") { ["code-mapper", "gaps", "nolan", "--against", "def", "--format", $0, "--output", $1] },
        Kind(name: "flowchart") { ["decision-flowchart", "render", "--format", $0, "--output", $1] },
        Kind(name: "canvas") { ["canvas-builder", "render", "repairs.canvas.yaml", "--format", $0, "--output", $1] },
        Kind(name: "assessment") { ["canvas-builder", "render", "assessment.yaml", "--format", $0, "--output", $1] },
        Kind(name: "decision-record") { ["decision-flowchart", "show", "DECISION", "--format", $0, "--output", $1] },
        Kind(name: "consequence-scan") { ["consequence-scanning", "show", "SCAN", "--format", $0, "--output", $1] },
        // An operation's document made a committee paper by the options every operation takes.
        Kind(name: "consequence-scan-paper") {
            ["consequence-scanning", "show", "SCAN", "--report-number", "AGC-2027-03", "--meeting-date", "2027-01-14", "--format", $0, "--output", $1]
        },
        Kind(name: "transparency-record") { ["transparency-record", "render", "repairs.atrs.yaml", "--format", $0, "--output", $1] },
        Kind(name: "glossary", write: { ["glossary", "export", "--format", $0, "--output", $1] }, hasModel: false),
        Kind(name: "records-export", write: { ["records", "export", "--format", $0, "--output", $1] }, hasModel: false),
    ]

    static let soffice = PaperTools.find("soffice")
    static let pdftotext = PaperTools.find("pdftotext")
    static let python: String? = {
        let venv = CommandRunner.repositoryRoot.appendingPathComponent(".build-paper-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: venv),
              (try? CommandRunner.run(URL(fileURLWithPath: venv), ["-c", "import docx"]))?.status == 0 else { return nil }
        return venv
    }()

    /// A scratch folder with a register holding a decision and a scan, and the canvases.
    final class Papers: Sendable {
        let directory: TemporaryDirectory
        let environment: [String: String]
        let decision: String
        let scan: String

        init() throws {
            let directory = try TemporaryDirectory()
            let environment = ["XDG_DATA_HOME": directory.path + "/data", "ETHICS_AUTHOR": "Jo Bloggs"]
            self.directory = directory
            self.environment = environment
            let root = CommandRunner.repositoryRoot.path
            func run(_ arguments: [String]) throws -> CommandResult {
                let result = try CommandRunner.ethics(arguments, environment: environment, in: directory.url)
                #expect(result.status == 0 || arguments.contains("gaps"), "\(arguments): \(result)")
                return result
            }
            let walked = try run([
                "decision-flowchart", "run", "--title", "Prioritise housing repairs", "--answers",
                root + "/Tests/Fixtures/DecisionFlowchart/escalate.answers.yaml", "--format", "json", "--output", "walk.json"])
            decision = walked.stdout.firstMatch(of: /dec-[0-9-]+/).map { String($0.output) } ?? "missing"
            let scanned = try run(["consequence-scanning", "scan", "--answers", root + "/Configs/examples/consequence-scan.answers.yaml", "--format", "json"])
            scan = scanned.stdout.firstMatch(of: /csc-[0-9-]+/).map { String($0.output) } ?? "missing"
            _ = try run(["canvas-builder", "import", root + "/Tests/Fixtures/CanvasBuilder/repairs.dec.json", "--output", "repairs.canvas.yaml"])
            _ = try run(["canvas-builder", "new", "--title", "Damp and mould prediction", "--template", "uk-data-ethics-framework", "--output", "assessment.yaml"])
            _ = try run(["--as", "Sam Patel", "records", "approve", scan, "--role", "Data Protection Officer"])
            _ = try run(["transparency-record", "new", "--name", "Predictive model for housing repairs", "--file", "repairs.atrs.yaml"])
            _ = try run(["transparency-record", "fill", "repairs.atrs.yaml", "--answers", root + "/Configs/examples/transparency-record.answers.yaml"])
        }

        func arguments(_ kind: Kind, format: String, file: String) -> [String] {
            kind.write(format, file).map { $0 == "DECISION" ? decision : $0 == "SCAN" ? scan : $0 }
        }

        /// Writes `kind` as `format`; the path of the paper.
        func write(_ kind: Kind, format: String) throws -> String {
            let name = "\(kind.name).\(format)"
            let target = kind.name == "records-export" ? "bundle-\(format)" : name
            let result = try CommandRunner.ethics(arguments(kind, format: format, file: target), environment: environment, in: directory.url)
            #expect(result.status == 0 || kind.name == "gaps", "\(kind.name) as \(format): \(result)")
            if kind.name == "records-export", format != "markdown" {
                return directory.path + "/\(target)/records.\(format)"
            }
            return directory.path + "/" + name
        }

        private let cache = Mutex<[String: Expected]>([:])

        /// The document model of `kind` (headings with their levels, and tables), from its JSON,
        /// or its headings alone from its Markdown; worked out once per kind.
        func expected(_ kind: Kind) throws -> Expected {
            if let known = cache.withLock({ $0[kind.name] }) { return known }
            let expected = try model(kind)
            cache.withLock { $0[kind.name] = expected }
            return expected
        }

        private func model(_ kind: Kind) throws -> Expected {
            if kind.hasModel {
                let path = try write(kind, format: "json")
                return Expected(model: try JSONDecoder().decode(Document.self, from: Data(contentsOf: URL(fileURLWithPath: path))))
            }
            if kind.name == "records-export" {
                // The paper is the index, then each record's page as a section, in the index's order.
                _ = try write(kind, format: "markdown")
                let bundle = directory.path + "/bundle-markdown/"
                let index = try String(contentsOfFile: bundle + "index.md", encoding: .utf8)
                // A row may also link to the records it cites: each page counts at its first link.
                var seen: Set<String> = []
                let pages = index.matches(of: /\]\((records\/[^)]+\.md)\)/).map { String($0.output.1) }.filter { seen.insert($0).inserted }
                #expect(!pages.isEmpty, "the markdown index links its records' pages")
                // Each page ends with the terms it uses; the paper gathers them once, at its end.
                let terms = "<a id=\"terms-used\"></a>"
                var glossary = ""
                let markdown = try pages.reduce(index) { text, page in
                    let content = try String(contentsOfFile: bundle + page, encoding: .utf8)
                    guard let start = content.range(of: "## " + terms) else { return text + "\n" + content }
                    glossary = String(content[start.lowerBound...].prefix { $0 != "\n" })
                    return text + "\n" + content[..<start.lowerBound]
                }
                return Expected(markdown: markdown + "\n" + glossary)
            }
            return Expected(markdown: try String(contentsOfFile: try write(kind, format: "markdown"), encoding: .utf8))
        }
    }

    @Test(
        "LibreOffice opens every ODT and DOCX paper, and its PDF holds the headings and table cells in order",
        .enabled(if: soffice != nil && pdftotext != nil, "needs LibreOffice (soffice) and pdftotext; Tools/test installs them"))
    func libreOfficeReadsEveryPaper() throws {
        let papers = try Papers()
        var files: [(kind: Kind, path: String)] = []
        for kind in Self.kinds {
            for format in ["odt", "docx"] {
                files.append((kind, try papers.write(kind, format: format)))
            }
        }
        // One conversion for all of them: LibreOffice starts once.
        let pdfs = papers.directory.path + "/pdf"
        var byName: [String: String] = [:]
        var inputs: [String] = []
        for (index, file) in files.enumerated() {
            let copy = papers.directory.path + "/paper-\(index)." + (file.path as NSString).pathExtension
            try FileManager.default.copyItem(atPath: file.path, toPath: copy)
            inputs.append(copy)
            byName[copy] = pdfs + "/paper-\(index).pdf"
        }
        let converted = try CommandRunner.run(
            URL(fileURLWithPath: Self.soffice!),
            ["-env:UserInstallation=file://\(papers.directory.path)/lo-profile", "--headless", "--convert-to", "pdf", "--outdir", pdfs] + inputs)
        #expect(converted.status == 0, "\(converted)")
        for (index, file) in files.enumerated() {
            let pdf = byName[inputs[index]]!
            let text = try CommandRunner.run(URL(fileURLWithPath: Self.pdftotext!), [pdf, "-"])
            #expect(text.status == 0, "\(file.kind.name) \(file.path): LibreOffice made no readable PDF: \(text)")
            let expected = try papers.expected(file.kind)
            #expect(!expected.headings.isEmpty)
            // Headings in order, then the first rows of each table in order.
            let page = PaperTools.squeezed(text.stdout)
            #expect(PaperTools.inOrder(expected.headings.map(\.text), in: page) == nil, "\(file.path): heading \(PaperTools.inOrder(expected.headings.map(\.text), in: page) ?? "") missing or out of order")
            // Every word of each table's first rows is there. The order of cells is checked on the
            // DOCX by python-docx below: in PDF text the lines of neighbouring cells that wrap
            // interleave, so the PDF cannot show it.
            for table in expected.tables {
                for row in table.prefix(4) {
                    for cell in row {
                        for word in cell.split(whereSeparator: \.isWhitespace) where !PaperTools.squeezed(String(word)).isEmpty {
                            #expect(page.contains(PaperTools.squeezed(String(word))), "\(file.path): table word '\(word)' missing")
                        }
                    }
                }
            }
        }
    }

    @Test(
        "python-docx reads every DOCX paper: its headings at their levels and its tables cell for cell",
        .enabled(if: python != nil, "needs python-docx in .build-paper-venv; Tools/test installs it (Tools/lib/ensure-paper-test-packages)"))
    func pythonDocxReadsEveryPaper() throws {
        let papers = try Papers()
        var paths: [String] = []
        for kind in Self.kinds { paths.append(try papers.write(kind, format: "docx")) }
        let script = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Papers/read_docx.py").path
        let read = try CommandRunner.run(URL(fileURLWithPath: Self.python!), [script] + paths)
        #expect(read.status == 0, "\(read)")
        let lines = read.stdout.split(separator: "\n")
        #expect(lines.count == Self.kinds.count)
        for (kind, line) in zip(Self.kinds, lines) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let headings = (object["headings"] as? [[Any]] ?? []).map { (level: $0[0] as? Int ?? -1, text: $0[1] as? String ?? "") }
            let tables = (object["tables"] as? [[[String]]]) ?? []
            let repeats = (object["header_rows"] as? [Bool]) ?? []
            let expected = try papers.expected(kind)
            // The title is the Title style; the model's sections follow as Heading 1, 2, ...,
            // never skipping a level. The glossary's appendix may follow them.
            #expect(headings.first?.level == 0, "\(kind.name): \(headings)")
            let wanted = expected.headings.dropFirst()
            var found = headings.dropFirst()[...]
            for heading in wanted {
                guard let index = found.firstIndex(where: { PaperTools.squeezed($0.text) == PaperTools.squeezed(heading.text) }) else {
                    Issue.record("\(kind.name): heading '\(heading.text)' missing or out of order in \(headings)")
                    break
                }
                if let level = heading.level { #expect(found[index].level == level, "\(kind.name): '\(heading.text)'") }
                found = found[(index + 1)...]
            }
            if kind.hasModel {
                #expect(tables.count == expected.tables.count, "\(kind.name): \(tables.count) tables, expected \(expected.tables.count)")
                for (got, want) in zip(tables, expected.tables) {
                    #expect(got.map { $0.map(PaperTools.squeezed) } == want.map { $0.map(PaperTools.squeezed) }, "\(kind.name)")
                }
                #expect(repeats.allSatisfy { $0 }, "\(kind.name): a table's header row does not repeat")
            }
        }
    }

    @Test("a decision becomes a committee paper: report number, meeting and author from the command line and the council's configuration, sign-offs from the register")
    func committeePaper() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("""
            extends: default
            council: {id: testtown, name: Testtown Council}
            sign-off-roles: [Data Protection Officer, Monitoring Officer]
            committee-paper: {meeting: Audit and Governance Committee, author: Head of Digital}
            """, to: "council.yaml")
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        func run(_ arguments: [String]) throws -> CommandResult {
            try CommandRunner.ethics(["--config", directory.path + "/council.yaml"] + arguments, environment: environment, in: directory.url)
        }
        let walked = try run([
            "decision-flowchart", "run", "--title", "Prioritise housing repairs", "--author", "Jo Bloggs", "--answers",
            CommandRunner.repositoryRoot.path + "/Tests/Fixtures/DecisionFlowchart/escalate.answers.yaml", "--output", "walk.md", "--format", "markdown"])
        #expect(walked.status == 0, "\(walked)")
        let approved = try run(["--as", "Sam Patel", "records", "approve", "dec-2026-0001", "--role", "Data Protection Officer"])
        #expect(approved.status == 0, "\(approved)")
        let html = try run(["decision-flowchart", "show", "dec-2026-0001", "--report-number", "AGC-2027-03", "--meeting-date", "2027-01-14", "--format", "html"])
        #expect(html.status == 0, "\(html)")
        #expect(html.stdout.contains("<dt>Report number</dt><dd>AGC-2027-03</dd>"))
        #expect(html.stdout.contains("<dt>Meeting</dt><dd>Audit and Governance Committee, 2027-01-14</dd>"), "the meeting comes from the configuration")
        #expect(html.stdout.contains("<dt>Report author</dt><dd>Head of Digital</dd>"))
        // The glossary may link a role's name to its entry, so the row is matched around it.
        #expect(html.stdout.contains(/Data Protection Officer(<\/a>)?<\/th><td>Sam Patel<\/td><td>20/), "\(html)")
        #expect(html.stdout.contains(/Monitoring Officer(<\/a>)?<\/th><td>Awaited<\/td>/))
        let markdown = try run(["records", "show", "dec-2026-0001", "--report-number", "AGC-2027-03", "--paper-author", "Jo Bloggs", "--format", "markdown"])
        #expect(markdown.stdout.contains("- **Report author:** Jo Bloggs"), "\(markdown)")
        #expect(markdown.stdout.contains(/- \*\*Register journal head:\*\* \d+:[0-9a-f]{64}\n/), "a paper quotes the head to check later")
        // The record's author is who wrote it, not who signed the latest version.
        #expect(markdown.stdout.contains("- **Author:** Jo Bloggs\n- **This version:** approve by Sam Patel as Data Protection Officer"), "\(markdown)")
        #expect(markdown.stdout.contains(/Data Protection Officer(\]\([^)]*\))? \| Sam Patel \|/))
        let plain = try run(["decision-flowchart", "show", "dec-2026-0001", "--format", "markdown"])
        #expect(!plain.stdout.contains("Sign-off"), "without a paper option the record is not framed")
        let csv = try run(["decision-flowchart", "show", "dec-2026-0001", "--format", "csv"])
        #expect(csv.status == 2 && csv.stderr.contains("docx, not csv") && !csv.stderr.contains("render"), "\(csv)")
        // A meeting date that is not a date stops a command and an operation alike, before any work.
        for command in [["decision-flowchart", "show", "dec-2026-0001"], ["code-mapper", "matrix"], ["consequence-scanning", "guide"]] {
            let bad = try run(command + ["--meeting-date", "14/01/2027"])
            #expect(bad.status == 2 && bad.stderr.contains("--meeting-date: '14/01/2027' is not a date"), "\(command): \(bad)")
            #expect(bad.stdout.isEmpty, "\(command): \(bad)")
        }
        if let python = Self.python {
            let docx = try run(["decision-flowchart", "show", "dec-2026-0001", "--report-number", "AGC-2027-03", "--format", "docx", "--output", "paper.docx"])
            #expect(docx.status == 0, "\(docx)")
            let read = try CommandRunner.run(URL(fileURLWithPath: python), [
                CommandRunner.repositoryRoot.appendingPathComponent("Tests/Papers/read_docx.py").path, directory.path + "/paper.docx"])
            #expect(read.stdout.contains(#"[1, "Sign-off"]"#), "\(read)")
            #expect(read.stdout.contains(#"["Role", "Name", "Date"], ["Data Protection Officer", "Sam Patel", "#), "\(read)")
        }
    }

    @Test("a paper is refused on a pipe-less run only at a terminal: piped, its bytes arrive whole")
    func aPaperGoesDownAPipe() throws {
        let directory = try TemporaryDirectory()
        let piped = try CommandRunner.ethics(["code-mapper", "matrix", "--codes", "nolan", "--format", "docx"], in: directory.url)
        #expect(piped.status == 0, "\(piped)")
        #expect(piped.stdout.hasPrefix("PK\u{3}\u{4}"))
        let bad = try CommandRunner.ethics(["code-mapper", "matrix", "--format", "odt", "--output", directory.path + "/no/such/folder/m.odt"], in: directory.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("does not exist"), "\(bad)")
    }
}

/// Headings and tables a paper must hold.
struct Expected: Sendable {
    /// Each heading's text and, where the model says, the level it takes in a word processor.
    var headings: [(level: Int?, text: String)] = []
    var tables: [[[String]]] = []

    /// From the document model: the title, then each heading (level 2 in the model is Heading 1,
    /// and no heading goes more than one level below the one before), and each table as its
    /// header row and rows of cell text.
    init(model document: Document) {
        headings.append((0, document.title))
        var previous = 0
        func text(_ inlines: [Inline]) -> String { inlines.map(\.plainText).joined() }
        func cell(_ cell: Table.Cell) -> String {
            // A shaded cell without words of its own has its intensity printed.
            guard let value = cell.normalizedIntensity, cell.content.isEmpty else { return text(cell.content) }
            let hundredths = Int((value * 100).rounded())
            return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, let content, _):
                    let level = min(min(max(level, 2), 6) - 1, previous + 1)
                    previous = level
                    headings.append((level, text(content)))
                case .table(let table):
                    let width = table.columnCount
                    func padded(_ row: [Table.Cell]) -> [String] { row.map(cell) + Array(repeating: "", count: width - row.count) }
                    tables.append((table.header.isEmpty ? [] : [padded(table.header)]) + table.rows.map(padded))
                case .list(_, let items): items.forEach(visit)
                case .quote(let content), .callout(_, _, let content): visit(content)
                case .definitions(let definitions): definitions.map(\.details).forEach(visit)
                case .form(let form): visit(form.worksheet)
                default: break
                }
            }
        }
        if let paper = document.paper {
            // The committee paper's frame opens the body: a sign-off section and its table.
            headings.append((1, "Sign-off"))
            previous = 1
            let rows = paper.signOffRows
            if !rows.isEmpty { tables.append([["Role", "Name", "Date"]] + rows.map { [$0.role, $0.name, $0.date] }) }
        }
        visit(document.blocks)
    }

    /// From Markdown: the `#` headings, levels unchecked.
    init(markdown: String) {
        for line in markdown.split(separator: "\n") where line.hasPrefix("#") {
            let text = line.drop { $0 == "#" }.replacing(/<a id="[^"]*"><\/a>/, with: "").trimmingCharacters(in: .whitespaces)
            headings.append((nil, text.replacingOccurrences(of: "\\", with: "")))
        }
    }

}

enum PaperTools {
    /// The program's path on `PATH`, or nil.
    static func find(_ program: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Text without whitespace, hyphens and soft breaks, so that words a narrow table cell wraps
    /// ("Benefice-nce") still match.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "-" && $0 != "\u{AD}" }.map(Character.init))
    }

    /// The first of `items` not found in `page` after the one before it; nil when all are there
    /// in order. Empty items are skipped.
    static func inOrder(_ items: [String], in page: String) -> String? {
        var rest = page[...]
        for item in items {
            let needle = squeezed(item)
            guard !needle.isEmpty else { continue }
            guard let range = rest.range(of: needle) else { return item }
            rest = rest[range.upperBound...]
        }
        return nil
    }
}
