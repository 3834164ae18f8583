import EthicsCore
import EthicsRecords
import EthicsTestSupport
import Foundation
import GRDB
import Testing

/// `ethics records …` in-process, against a register in the harness's `XDG_DATA_HOME`.
@Suite struct RecordsCommandTests {
    let harness: HostHarness
    var workspace: String { harness.directory.path + "/data/ethics/default" }
    var registerPath: String { workspace + "/register.sqlite" }

    init() throws {
        harness = try HostHarness()
    }

    /// A canvas, a decision citing it (two versions) and an assessment due for review long ago.
    @discardableResult
    func seed() throws -> (canvas: RecordVersion, decision: RecordVersion, assessment: RecordVersion) {
        let store = try RecordStore(workspace: workspace)
        let canvas = try store.record(RecordDraft(
            kind: .canvas, title: "Housing data canvas", author: "Analyst", tags: ["housing"], body: Data(#"{"areas":15}"#.utf8)))
        let decision = try store.record(RecordDraft(
            kind: .decision, title: "Share housing data", author: "DPO", reviewBy: CalendarDate("2030-06-30"),
            attributes: ["justice"], body: Data(#"{"verdict":"escalate"}"#.utf8)))
        _ = try store.addVersion(of: decision.id, RecordDraft(
            kind: .decision, title: "Share housing data", author: "DPO", status: "approved",
            reviewBy: CalendarDate("2030-06-30"), body: Data(#"{"verdict":"proceed"}"#.utf8)))
        try store.link(from: decision.id, to: canvas.id, .cites)
        let assessment = try store.record(RecordDraft(
            kind: .assessment, title: "Framework self-assessment", author: "Analyst", reviewBy: CalendarDate("2001-01-01")))
        return (canvas, decision, assessment)
    }

    @Test func readingCommandsOnNoRegisterCreateNothing() async throws {
        for arguments in [["records", "list"], ["records", "verify"], ["records", "due"], ["records", "list", "--format", "json"]] {
            let result = await harness.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace))
        let missing = await harness.run(["records", "show", "dec-2026-0001"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("there is no record 'dec-2026-0001'"))
    }

    @Test func listFiltersByKindDateAndText() async throws {
        let (canvas, decision, assessment) = try seed()
        let all = await harness.run(["records", "list"])
        #expect(all.status == 0, "\(all)")
        for record in [canvas, decision, assessment] { #expect(all.stdout.contains(record.id)) }
        let decisions = await harness.run(["records", "list", "--kind", "decision", "--format", "csv"])
        #expect(decisions.stdout.contains(decision.id) && !decisions.stdout.contains(canvas.id), "\(decisions)")
        #expect(decisions.stdout.contains("approved"))
        let text = await harness.run(["records", "list", "--text", "HOUSING"])
        #expect(text.stdout.contains(canvas.id) && text.stdout.contains(decision.id) && !text.stdout.contains(assessment.id))
        let future = await harness.run(["records", "list", "--since", "2999-01-01"])
        #expect(future.stdout.contains("No records match."))
        let emptySheet = await harness.run(["records", "list", "--since", "2999-01-01", "--format", "csv"])
        #expect(emptySheet.status == 0 && emptySheet.stdout.hasPrefix("Record,Kind,Version,Title,Status,Review by,Updated")
                && emptySheet.stdout.split(separator: "\n").count == 1, "an empty list is still a table, header only: \(emptySheet)")
        let badDate = await harness.run(["records", "list", "--since", "31/12/2026"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("YYYY-MM-DD"))
        let badKind = await harness.run(["records", "list", "--kind", "minutes"])
        #expect(badKind.status == 2)
    }

    @Test func showHistoryAndDue() async throws {
        let (canvas, decision, assessment) = try seed()
        let latest = await harness.run(["records", "show", decision.id])
        #expect(latest.status == 0, "\(latest)")
        #expect(latest.stdout.contains("Version: 2 (latest)"))
        #expect(latest.stdout.contains("proceed") && !latest.stdout.contains("escalate"))
        #expect(latest.stdout.contains("This record cites \(canvas.id) (Housing data canvas)"), "\(latest)")
        let first = await harness.run(["records", "show", decision.id, "--version", "1", "--format", "markdown"])
        #expect(first.stdout.contains("1 of 2"), "\(first)")
        #expect(first.stdout.contains("escalate") && !first.stdout.contains("proceed"))
        let cited = await harness.run(["records", "show", canvas.id])
        #expect(cited.stdout.contains("\(decision.id) (Share housing data) cites this record"), "\(cited)")
        let noVersion = await harness.run(["records", "show", decision.id, "--version", "7"])
        #expect(noVersion.status == 2)
        #expect(noVersion.stderr.contains("has no version 7"))

        let history = await harness.run(["records", "history", decision.id, "--format", "csv"])
        #expect(history.status == 0, "\(history)")
        #expect(history.stdout.split(whereSeparator: \.isNewline).count == 3)
        #expect(history.stdout.contains("approved") && history.stdout.contains("draft"))

        let due = await harness.run(["records", "due"])
        #expect(due.stdout.contains(assessment.id) && due.stdout.contains("overdue by"), "\(due)")
        #expect(!due.stdout.contains(decision.id))
        let farAhead = await harness.run(["records", "due", "--within", "36500"])
        #expect(farAhead.stdout.contains(decision.id), "\(farAhead)")
        #expect(await harness.run(["records", "due", "--within", "-1"]).status == 2)
    }

    @Test(arguments: [
        (["records", "show", "dec-2026-0001", "--version", "-1"], "error: --version takes a version number from 1 up; -1 is out of range"),
        (["records", "show", "dec-2026-0001", "--version", "0"], "error: --version takes a version number from 1 up; 0 is out of range"),
        (["records", "due", "--within", "-5"], "error: --within takes a number of days from 0 to 36500; -5 is out of range"),
    ])
    func aNegativeNumberIsOutOfRangeNotMissing(_ arguments: [String], _ message: String) async throws {
        let result = await harness.run(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == message, "\(result)")
        #expect(!result.stderr.contains("Missing value"))
    }

    @Test func verifyPassesThenNamesTheTamperedEntryAndExitsOne() async throws {
        try seed()
        let intact = await harness.run(["records", "verify"])
        #expect(intact.status == 0, "\(intact)")
        #expect(intact.stdout.contains("Intact"))
        #expect(intact.stdout.contains("Journal entries: 5"))
        #expect(intact.stdout.replacing("\n", with: " ").contains("the journal reaches the head noted beside the register after its last write"), "\(intact)")

        try tamper("UPDATE journal SET payload = replace(payload, 'DPO', 'Someone else') WHERE sequence = 3")
        let tampered = await harness.run(["records", "verify"])
        #expect(tampered.status == 1, "\(tampered)")
        #expect(tampered.stdout.contains("Tampering detected"))
        #expect(tampered.stderr.contains("journal entry 3"), "\(tampered)")
        #expect(tampered.stderr.hasPrefix(registerPath + ": error: "))
        // Its figures are what it checked before the problem, and say so; there is no head.
        #expect(tampered.stdout.contains("Journal entries verified: 2"), "\(tampered)")
        #expect(tampered.stdout.contains("Journal head: none: the chain breaks at entry 3"), "\(tampered)")
        #expect(!tampered.stdout.contains("the journal is empty"), "\(tampered)")
    }

    /// Verify claims only the checks it made: without the head noted beside the register it
    /// says so, rather than that the journal reaches it.
    @Test func verifyWithoutANotedHeadDoesNotClaimToHaveCheckedOne() async throws {
        try seed()
        try FileManager.default.removeItem(atPath: workspace + "/register.head")
        let result = await harness.run(["records", "verify"])
        let prose = result.stdout.replacing("\n", with: " ")
        #expect(result.status == 0, "\(result)")
        #expect(prose.contains("Intact"))
        #expect(!prose.contains("head noted beside the register after its last write"), "\(result)")
        #expect(prose.contains("No head is noted beside this register"), "\(result)")
    }

    @Test func aBackupOntoAFolderSaysItIsAFolder() async throws {
        try seed()
        let folder = workspace + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = await harness.run(["records", "backup", folder])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("\(folder): error: this is a folder; a backup is one file"), "\(result)")
        let kept = await harness.run(["records", "backup", folder + "/one.sqlite"])
        #expect(kept.stdout.contains("1 link;"), "\(kept)")
    }

    @Test func readingCommandsLeaveTheJournalAsItWas() async throws {
        try seed()
        let before = try RecordStore(workspace: workspace).journalEntries()
        for arguments in [["records", "list", "--format", "markdown"], ["records", "verify"], ["records", "due"],
                          ["records", "history", "dec-\(Calendar(identifier: .gregorian).component(.year, from: Date()))-0001"]] {
            _ = await harness.run(arguments)
        }
        #expect(try RecordStore(workspace: workspace).journalEntries() == before)
    }

    /// A folder the export cannot be made in (here a name one character too long for the
    /// temporary folder beside it; for a person, a folder they may not write) is exit 2 with the
    /// reason, never an internal failure, and leaves nothing behind.
    @Test func anExportThatCannotBeWrittenSaysWhyWithExitTwo() async throws {
        try seed()
        let output = harness.directory.path + "/" + String(repeating: "e", count: 250)
        let result = await harness.run(["records", "export", "--output", output])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("\(output): error: cannot write the export: File name too long"), "\(result)")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: harness.directory.path).contains { $0.contains("eeeee") }))
        let dash = await harness.run(["records", "export", "--output", "-"])
        #expect(dash.status == 2 && dash.stderr.contains("an export is a folder of files and cannot go to standard output"), "\(dash)")
    }

    @Test func exportWritesABundleWithAChecksumManifest() async throws {
        let (canvas, decision, assessment) = try seed()
        for format in ["json", "markdown", "html"] {
            let output = harness.directory.path + "/export-\(format)"
            let result = await harness.run(["records", "export", "--format", format, "--output", output])
            #expect(result.status == 0, "\(format): \(result)")
            let files = try FileManager.default.subpathsOfDirectory(atPath: output).sorted()
            let pages = format == "json" ? [] : ["index", "records", "records/\(canvas.id)", "records/\(decision.id)"]
                .map { $0 == "records" ? $0 : $0 + "." + (format == "markdown" ? "md" : format) }
            let third = assessment.id
            let expected = (["SHA256SUMS", "journal.jsonl", "records.json"] + pages
                + (format == "json" ? [] : ["records/\(third).\(format == "markdown" ? "md" : format)"])).sorted()
            #expect(files == expected, "\(files)")
            for file in files where file != "records" {
                let mode = try FileManager.default.attributesOfItem(atPath: output + "/" + file)[.posixPermissions] as? Int
                #expect(mode == 0o600)
            }
            let sums = try String(contentsOfFile: output + "/SHA256SUMS", encoding: .utf8)
            #expect(sums.split(separator: "\n").count == files.count - 1 - (format == "json" ? 0 : 1), "every file but SHA256SUMS itself and the folder")
            for line in sums.split(separator: "\n") {
                let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output + "/" + parts[1])))
                #expect(JournalEntry.sha256Hex(bytes) == parts[0], "\(parts[1])")
            }
            let journal = try String(contentsOfFile: output + "/journal.jsonl", encoding: .utf8)
            let entries = try journal.split(separator: "\n").map { try JSONDecoder().decode(JournalEntry.self, from: Data($0.utf8)) }
            #expect(entries.count >= 5)
            #expect(entries.allSatisfy { $0.isSelfConsistent })
            #expect(!entries.contains { $0.topic == "document.rendering" })
            #expect(result.stdout.contains("Journal head: \(entries.count):"), "\(result.stdout)")
            guard format == "markdown" else { continue }
            // The index links to each page; each page links to the records it cites or is cited by,
            // with their titles, and names the head; a record with no links says so.
            let index = try String(contentsOfFile: output + "/index.md", encoding: .utf8)
            #expect(index.contains("[\(decision.id)](records/\(decision.id).md)"), "\(index)")
            #expect(index.contains("[\(canvas.id)](records/\(canvas.id).md)"))
            let decisionPage = try String(contentsOfFile: output + "/records/\(decision.id).md", encoding: .utf8)
            #expect(decisionPage.contains("This record cites [`\(canvas.id)`](\(canvas.id).md) (\(canvas.title))"), "\(decisionPage)")
            let canvasPage = try String(contentsOfFile: output + "/records/\(canvas.id).md", encoding: .utf8)
            #expect(canvasPage.contains("[`\(decision.id)`](\(decision.id).md) (\(decision.title)) cites this record"), "\(canvasPage)")
            #expect(!canvasPage.contains("This record cites"))
            #expect(canvasPage.contains("Journal head at export"))
            let thirdPage = try String(contentsOfFile: output + "/records/\(third).md", encoding: .utf8)
            #expect(!thirdPage.contains("cites this record") && !thirdPage.contains("This record cites"), "\(thirdPage)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: harness.directory.path + "/export-json/records.json"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((json?["records"] as? [Any])?.count == 3)
        #expect((json?["links"] as? [Any])?.count == 1)
        #expect(!harness.files().contains { $0.contains(".tmp-") })
    }

    @Test func exportRefusesAFolderThatIsNotEmpty() async throws {
        try seed()
        let output = try harness.write("keep me", to: "board-pack/notes.txt")
        let folder = (output as NSString).deletingLastPathComponent
        let result = await harness.run(["records", "export", "--output", folder])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
        let empty = harness.directory.path + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        #expect(await harness.run(["records", "export", "--output", empty]).status == 0)
        #expect(await harness.run(["records", "export", "--format", "csv", "--output", empty + "-csv"]).status == 2)
    }

    @Test func aForeignFileAtTheRegisterPathIsRefusedWithExitTwoAndKept() async throws {
        let path = try harness.write("Not a register.\n", to: "data/ethics/default/register.sqlite")
        let result = await harness.run(["records", "list"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(path + ": error: this file is not an ethics register"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Not a register.\n")
    }

    /// Alters the journal behind the register's back, its trigger dropped first.
    private func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: registerPath)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER journal_refuses_update")
            try db.execute(sql: sql)
        }
        try queue.close()
    }
}
