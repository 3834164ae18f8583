import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import EthicsTestSupport
import Foundation
import Testing

/// A council's decision log, from a spreadsheet's CSV into the register: every column placed,
/// every problem found before anything is kept, and the import kept whole or not at all.
@Suite struct RecordImportTests {
    let attributes = AttributeCatalog([
        Attribute(id: "justice", name: "Justice", summary: "Fair shares."),
        Attribute(id: "explicability", name: "Explicability", summary: "Reasons given."),
    ])

    func read(_ text: String, defaults: RecordImport.Defaults = .standard) throws(DiagnosticError) -> RecordImport {
        try RecordImport.read(Array(text.utf8), file: "logs/decisions.csv", attributes: attributes, defaults: defaults)
    }

    func problems(_ text: String, defaults: RecordImport.Defaults = .standard) -> [String] {
        do {
            _ = try read(text, defaults: defaults)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func body(_ draft: RecordDraft) throws -> [String: [String: String]] {
        let object = try JSONSerialization.jsonObject(with: draft.body) as? [String: [String: Any]] ?? [:]
        return object.mapValues { $0.mapValues { "\($0)" } }
    }

    @Test func placesEveryColumnAndKeepsTheRestInTheContent() throws {
        let log = try read("""
            Reference,Title,Author,Kind,Status,Review-By,Tags,Attributes,Summary\r
            EDL-14,Share repairs data with the NHS,Data protection officer,,approved,31/03/2027,"housing; health",Justice;explicability,"Agreed, with conditions"\r
            EDL-15,Trial ANPR   in car parks,Head of parking,Assessment,,2026-12-01,,,\r

            """)
        #expect(log.file == "logs/decisions.csv")
        #expect(log.entries.map(\.line) == [2, 3])
        let first = log.entries[0].draft
        #expect(first.kind == .decision)
        #expect(first.title == "Share repairs data with the NHS")
        #expect(first.author == "Data protection officer")
        #expect(first.status == "approved")
        #expect(first.reviewBy == CalendarDate(year: 2027, month: 3, day: 31))
        #expect(first.tags == ["housing", "health", "imported"])
        #expect(first.attributes == ["justice", "explicability"])
        #expect(try body(first) == [
            "fields": ["Reference": "EDL-14", "Summary": "Agreed, with conditions"],
            "importedFrom": ["file": "decisions.csv", "line": "2", "sha256": log.sha256],
        ])
        let second = log.entries[1].draft
        #expect(second.kind == .assessment)
        #expect(second.title == "Trial ANPR in car parks")
        #expect(second.status == "recorded")
        #expect(second.tags == ["imported"])
        #expect(try body(second)["fields"] == ["Reference": "EDL-15"])
        #expect(log.sha256.count == 64)
    }

    @Test func aDefaultAuthorAndKindFillTheRowsThatLeaveThemOut() throws {
        let log = try read("Title,Author\nA,\nB,Named officer\n", defaults: .init(kinds: RecordImport.Defaults.kinds, kind: .canvas, author: "Head of digital"))
        #expect(log.entries.map(\.draft.author) == ["Head of digital", "Named officer"])
        #expect(log.entries.map(\.draft.kind) == [RecordKind.canvas, RecordKind.canvas])
        #expect(try read("Title\nA\n", defaults: .init(kinds: RecordImport.Defaults.kinds, kind: .decision, author: "Head of digital")).entries.count == 1)
    }

    @Test func everyProblemIsFoundBeforeAnythingIsKeptEachAtItsCell() {
        #expect(problems("""
            Title,Author,Kind,Review by,Attributes
            A,B,decsion,31/02/2027,"justice, fairnes"
            ,,,,

            ,,,2027-01-01,

            """) == [
            "logs/decisions.csv:2:5: error: 'decsion' is not a kind of record; write one of assessment, canvas, decision; did you mean 'decision'?",
            "logs/decisions.csv:2:13: error: '31/02/2027' is not a date; write it as YYYY-MM-DD (2027-03-31) or DD/MM/YYYY (31/03/2027)",
            "logs/decisions.csv:2:24: error: 'fairnes' is not one of the attributes of ethical practice (justice, explicability)",
            "logs/decisions.csv:5:1: error: this row has no title; every record needs one",
            "logs/decisions.csv:5:2: error: this row has no author; name who is accountable, or pass --author for rows that leave it empty",
        ])
    }

    @Test func aStatusIsKeptInLowerCaseAndOneThatEndsARecordOrIsANoteIsRefusedAtItsCell() throws {
        let log = try read("Title,Author,Status\nA,B,Approved\nC,D,declined\nE,F,\"on\nhold\"\n")
        #expect(log.entries.map(\.draft.status) == ["approved", "declined", "on hold"])
        let long = String(repeating: "agreed with conditions ", count: 3)
        #expect(problems("Title,Author,Status\nA,B,Superseded\nC,D,\(long)\nE,F,withdrawn\nG,H,ok\u{200B}ay\nI,J,\u{202E}devorppa\n") == [
            "logs/decisions.csv:2:5: error: 'Superseded' ends a record's life, which the register records with who did it and why; "
                + "import the row with the status it had before, then run 'ethics records supersede ID --by REPLACEMENT'",
            "logs/decisions.csv:3:5: error: a status is a word or two: letters, digits, spaces and - _ ' . / ( ) &, at most 40 characters; "
                + "this one has 68; put notes in a column of their own: other columns are kept in the record",
            "logs/decisions.csv:4:5: error: 'withdrawn' ends a record's life, which the register records with who did it and why; "
                + "import the row with the status it had before, then run 'ethics records withdraw ID --reason TEXT'",
            "logs/decisions.csv:5:5: error: a status is a word or two: letters, digits, spaces and - _ ' . / ( ) &, at most 40 characters; "
                + "this one has U+200B",
            "logs/decisions.csv:6:5: error: a status is a word or two: letters, digits, spaces and - _ ' . / ( ) &, at most 40 characters; "
                + "this one has U+202E",
        ])
    }

    @Test func theHeaderRowMustNameTitleAuthorAndEachColumnOnce() {
        #expect(problems("Titel,Author\nA,B\n") == [
            "logs/decisions.csv:1:1: error: the header row has no 'title' column; every record needs a title; rename the column 'Titel' to 'title'",
        ])
        #expect(problems("Title,Notes,review_by,Review By,\nA,x,,,y\n", defaults: .init(kinds: RecordImport.Defaults.kinds, kind: .decision, author: "Officer")) == [
            "logs/decisions.csv:1:23: error: the column 'Review By' appears twice (it is also column C); give each column its own name",
            "logs/decisions.csv:1:33: error: column E has values but no name; name it in the header row, or delete it",
        ])
        #expect(problems("Title,Author,Review date,Notes,Review by\nA,B,2027-01-01,,2027-02-01\n") == [
            "logs/decisions.csv:1:32: error: the columns 'Review by' and 'Review date' (column C) mean the same; keep one of them",
        ])
        #expect(problems("Title\nA\n") == [
            "logs/decisions.csv:1:1: error: the header row has no 'author' column; add one, or pass --author to name who is accountable for every row",
        ])
        #expect(problems("Title,Author\n") == ["logs/decisions.csv: error: the file has a header row but no rows to import"])
        // An unnamed column left empty (spreadsheets write one for a stray cell's column) is fine.
        #expect(problems("Title,Author,\nA,B,\n") == [])
    }

    @Test func keepsTheWholeLogInOneTransactionWithAJournalEntryNamingTheFile() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-import")
        let store = try RecordStore(workspace: directory.path)
        _ = try store.record(RecordDraft(kind: .decision, title: "Already here", author: "Officer"))
        let log = try read("Title,Author\nA,B\nC,D\n")
        let kept = try store.recordAll(log.entries.map(\.draft)) { kept in
            RecordsImported(file: "decisions.csv", sha256: log.sha256, records: kept.map(\.id))
        }
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year!
        #expect(kept.map(\.id) == ["dec-\(year)-0002", "dec-\(year)-0003"])
        #expect(kept.map(\.title) == ["A", "C"])
        let imports = try store.journalEntries().filter { $0.topic == RecordImport.topic }
        #expect(imports.count == 1)
        let event = try JSONDecoder().decode(RecordsImported.self, from: Data(imports[0].payload.utf8))
        #expect(event == RecordsImported(file: "decisions.csv", sha256: log.sha256, records: kept.map(\.id)))
        // The import's own entry comes after the entries of the records it made, in the same commit.
        #expect(imports[0].sequence == 4)
        #expect(try store.verify().isIntact)
    }

    @Test func oneBadDraftKeepsNothing() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-import")
        let store = try RecordStore(workspace: directory.path)
        let drafts = [
            RecordDraft(kind: .decision, title: "Fine", author: "Officer"),
            RecordDraft(kind: .decision, title: "No author", author: " "),
        ]
        #expect(throws: RecordRegisterError("a record needs an author")) {
            try store.recordAll(drafts) { RecordsImported(file: "x.csv", sha256: "", records: $0.map(\.id)) }
        }
        #expect(try store.latestVersions().isEmpty)
        #expect(try store.journalEntries().isEmpty)
    }

    /// An event that cannot be written, so the failure comes after every record is in.
    struct Unencodable: Event {
        static let topic = "records.imported"
        struct Refused: Error {}
        init() {}
        init(from decoder: any Decoder) throws { throw Refused() }
        func encode(to encoder: any Encoder) throws { throw Refused() }
    }

    @Test func aFailureAfterTheRecordsAreInRollsAllOfThemBack() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-import")
        let store = try RecordStore(workspace: directory.path)
        let drafts = (1...50).map { RecordDraft(kind: .decision, title: "Decision \($0)", author: "Officer") }
        #expect(throws: Unencodable.Refused.self) {
            try store.recordAll(drafts) { _ in Unencodable() }
        }
        #expect(try store.latestVersions().isEmpty)
        #expect(try store.journalEntries().isEmpty)
        #expect(try store.verify().isIntact)
    }

    @Test func theSameImportIsRefusedInsideTheTransaction() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-import")
        let store = try RecordStore(workspace: directory.path)
        let drafts = [RecordDraft(kind: .decision, title: "A", author: "Officer")]
        let first = try store.recordAll(drafts, unlessJournalled: { $0.sha256 == "abc" }) {
            RecordsImported(file: "log.csv", sha256: "abc", records: $0.map(\.id))
        }
        #expect(first.count == 1)
        #expect(throws: AlreadyJournalled.self) {
            try store.recordAll(drafts, unlessJournalled: { $0.sha256 == "abc" }) {
                RecordsImported(file: "log.csv", sha256: "abc", records: $0.map(\.id))
            }
        }
        #expect(try store.latestVersions().count == 1)
        #expect(try store.firstJournalled(RecordsImported.self, where: { $0.sha256 == "abc" })?.sequence == 2)
        #expect(try store.firstJournalled(RecordsImported.self, where: { $0.sha256 == "other" }) == nil)
        // Without the check (`--again`), the same file goes in a second time.
        _ = try store.recordAll(drafts) { RecordsImported(file: "log.csv", sha256: "abc", records: $0.map(\.id)) }
        #expect(try store.latestVersions().count == 2)
    }
}

extension RecordImport.Defaults {
    /// The shipped plugins' kinds, a decision by default, as the host passes them.
    static let kinds: [RecordKind] = [.decision, .canvas, .assessment]
    static let standard = RecordImport.Defaults(kinds: kinds, kind: .decision)
}
