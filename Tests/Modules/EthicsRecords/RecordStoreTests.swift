import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import EthicsTestSupport
import Foundation
import GRDB
import Testing

/// The register on its own: records, versions, links, the journal, files and their modes.
@Suite struct RecordStoreTests {
    let directory: TemporaryDirectory
    var workspace: String { directory.path + "/data/ethics/testshire" }
    var registerPath: String { workspace + "/register.sqlite" }

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-records")
    }

    func decision(_ title: String, reviewBy: String? = nil, tags: [String] = []) -> RecordDraft {
        RecordDraft(
            kind: .decision, title: title, author: "Data protection officer", reviewBy: reviewBy.flatMap(CalendarDate.init),
            tags: tags, attributes: ["justice"], body: Data(#"{"verdict":"proceed"}"#.utf8))
    }

    /// A folder others may write is refused; one everyone shares, like /tmp, is not to be made
    /// private, so the advice is to choose a folder of one's own.
    @Test func aSharedFolderIsRefusedWithAdviceToChooseAnother() throws {
        for (mode, advice) in [(mode_t(0o1777), "it is a folder everyone shares"), (mode_t(0o777), "make it private with: chmod 700")] {
            let folder = directory.path + "/open-\(String(mode, radix: 8))"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            chmod(folder, mode)
            let error = try #require(throws: DiagnosticError.self) { try RecordStore(path: folder + "/register.sqlite") }
            #expect(error.diagnostics.first?.suggestion?.hasPrefix(advice) == true, "\(error)")
        }
    }

    /// A backup is put in place with a hard link, not a rename: a file that appeared at the
    /// target while the backup was being made is kept as it was, and the backup is not placed.
    @Test func aBackupNeverReplacesAFileThatAppearedMeanwhile() throws {
        let target = directory.path + "/backup.sqlite"
        let temporary = target + ".tmp-1-1"
        try Data("the backup".utf8).write(to: URL(fileURLWithPath: temporary))
        try Data("someone else's file".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: DiagnosticError.self) { try RecordStore.place(backup: temporary, at: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "someone else's file")

        try FileManager.default.removeItem(atPath: target)
        try RecordStore.place(backup: temporary, at: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "the backup")
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }

    /// A call for an async caller (`ethics serve`) runs on a thread of the store's own: while it
    /// is in flight, other work of the caller's executor goes on. The tasks share one serial
    /// executor of the test's own, so a call that held its thread would stop the probe.
    @Test func aCallForAnAsyncCallerHoldsNoneOfItsThreads() throws {
        let store = try RecordStore(workspace: workspace)
        _ = try store.record(decision("First"))
        let executor = SerialExecutor()
        let (release, finished, probed) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        Task(executorPreference: executor) {
            let titles = try? await store.run {
                release.wait()
                return try store.latestVersions().map(\.title)
            }
            #expect(titles == ["First"])
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.1)
        Task(executorPreference: executor) { probed.signal() }
        let ran = probed.wait(timeout: .now() + 5) == .success
        release.signal()
        #expect(ran, "other work ran while a register call was in flight")
        #expect(finished.wait(timeout: .now() + 5) == .success)
    }

    @Test func createsItsFolderAndFileForTheOwnerOnlyInWALMode() throws {
        let store = try RecordStore(workspace: workspace)
        _ = try store.record(decision("Share housing data with the NHS"))
        let folder = try FileManager.default.attributesOfItem(atPath: workspace)
        let file = try FileManager.default.attributesOfItem(atPath: registerPath)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
        #expect((file[.posixPermissions] as? Int) == 0o600)
        for suffix in ["-wal", "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: registerPath + suffix)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(suffix)")
        }
        let mode = try DatabaseQueue(path: registerPath).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // GRDB's pool switches its writer to NORMAL when it turns WAL on; the register must not
        // quietly inherit that.
        #expect(try store.effectiveDurability() == .full)
        #expect(try RecordStore(workspace: workspace, durability: .normal).effectiveDurability() == .normal)
    }

    @Test func verifyNamesTheFirstAlteredJournalEntry() throws {
        let store = try RecordStore(workspace: workspace)
        for index in 1...5 { _ = try store.record(decision("Decision \(index)")) }
        try Tamper.execute(registerPath, dropping: "journal_refuses_update",
                           "UPDATE journal SET payload = replace(payload, 'Decision 3', 'Decision three') WHERE sequence = 3")
        let verification = try store.verify()
        #expect(verification.problem?.sequence == 3)
        #expect(verification.problem?.message.contains("journal entry 3") == true)
    }

    @Test func verifyNamesARemovedEntryAndAnAlteredRecord() throws {
        let store = try RecordStore(workspace: workspace)
        for index in 1...4 { _ = try store.record(decision("Decision \(index)")) }
        try Tamper.execute(registerPath, dropping: "record_version_refuses_update",
                           "UPDATE record_version SET status = 'approved' WHERE journal_sequence = 2")
        let altered = try store.verify()
        #expect(altered.problem?.sequence == 2)
        #expect(altered.problem?.recordID != nil)
        #expect(altered.problem?.message.contains("was altered") == true)

        try Tamper.execute(registerPath, dropping: "journal_refuses_delete", "DELETE FROM journal WHERE sequence = 3")
        let removed = try store.verify()
        #expect(removed.problem?.sequence == 3)
        #expect(removed.problem?.message.contains("missing") == true)
    }

    @Test(arguments: ForeignFile.allCases)
    func refusesAForeignFileAndLeavesItUntouched(_ foreign: ForeignFile) throws {
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        try foreign.make(at: registerPath)
        let before = try Data(contentsOf: URL(fileURLWithPath: registerPath))
        let error = #expect(throws: DiagnosticError.self) { try RecordStore(workspace: workspace) }
        let message = error?.description ?? ""
        #expect(message.hasPrefix(registerPath + ": error: "), "\(message)")
        #expect(message.contains(foreign.expectedWords), "\(message)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: registerPath)) == before)
        #expect(!FileManager.default.fileExists(atPath: registerPath + "-wal"))
    }

    @Test func anEmptyFileAtThePathBecomesARegister() throws {
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: registerPath, contents: Data()))
        let store = try RecordStore(workspace: workspace)
        _ = try store.record(decision("First"))
        #expect(try store.verify().isIntact)
    }

    @Test func reopeningKeepsEverythingAndTheSchemaIsAppliedOnce() throws {
        do {
            let store = try RecordStore(workspace: workspace)
            _ = try store.record(decision("First"))
        }
        let store = try RecordStore(workspace: workspace)
        _ = try store.record(decision("Second"))
        #expect(try store.latestVersions().count == 2)
        let migrations = try DatabaseQueue(path: registerPath).read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(migrations == ["v1-records-versions-links-journal", "v2-record-kinds-declared-by-plugins", "v3-lifecycle-steps", "v4-records-in-list-order"])
    }

    @Test func inMemoryRegisterBehavesLikeTheRealOne() async throws {
        let register = InMemoryRecordRegister()
        let first = try await register.write { try $0.record(decision("First")) }
        #expect(first.id.hasPrefix("dec-") && first.id.hasSuffix("-0001"))
        let second = try await register.write { try $0.addVersion(of: first.id, decision("First, revised")) }
        #expect(second.version == 2)
        #expect(try await register.fetch(first.id, version: 1)?.title == "First")
        let canvas = try await register.write { write in
            let canvas = try write.record(RecordDraft(kind: .canvas, title: "Canvas", author: "A"))
            try write.link(from: first.id, to: canvas.id, .cites)
            return canvas
        }
        #expect(try await register.links(of: first.id) == [RecordLink(from: first.id, to: canvas.id, relation: .cites)])
    }

    @Test func theSQLiteEngineWritesAllOrNothing() async throws {
        let register = LazyRecordStore(workspace: workspace)
        await #expect(throws: RecordRegisterError.self) {
            try await register.write { write in
                let kept = try write.record(self.decision("Half"))
                try write.link(from: kept.id, to: "can-2026-0404", .cites)
            }
        }
        #expect(try await register.latestVersions(kind: nil).isEmpty)
        #expect(try RecordStore(workspace: workspace).journalEntries().isEmpty)
    }
}

/// Files that are not registers, put where the register should be.
enum ForeignFile: String, CaseIterable, CustomTestStringConvertible {
    case randomBytes, textFile, otherSQLiteDatabase

    var testDescription: String { rawValue }

    var expectedWords: String {
        self == .otherSQLiteDatabase ? "not an ethics register" : "not a SQLite database"
    }

    func make(at path: String) throws {
        switch self {
        case .randomBytes:
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        case .textFile:
            try Data("Minutes of the ethics board, 3 March.\nNothing to report.\n".utf8).write(to: URL(fileURLWithPath: path))
        case .otherSQLiteDatabase:
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE allotments (plot INTEGER PRIMARY KEY, tenant TEXT)")
                try db.execute(sql: "INSERT INTO allotments (tenant) VALUES ('A. Gardener')")
            }
            try queue.close()
        }
    }
}

/// Alters a register behind its back, as an attacker with the file would.
enum Tamper {
    static func execute(_ path: String, dropping trigger: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
            try db.execute(sql: sql)
        }
        try queue.close()
    }
}
