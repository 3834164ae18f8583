import EthicsCore
import EthicsRecords
import EthicsTestSupport
import Foundation
import GRDB
import Testing

/// An attacker (or an accident) with write access to the register's files: each attack the
/// register issue lists, and verify's exact verdict on it.
@Suite struct TamperTests {
    /// A register holding a canvas (two versions), a decision citing it, and the link.
    struct Fixture {
        let directory: TemporaryDirectory
        var path: String { directory.path + "/register.sqlite" }

        init() throws {
            directory = try TemporaryDirectory(prefix: "ethics-tamper")
            let store = try RecordStore(path: directory.path + "/register.sqlite")
            try store.transaction { write in
                let canvas = try write.record(RecordDraft(kind: .canvas, title: "Damp", author: "A"))
                let decision = try write.record(RecordDraft(kind: .decision, title: "Repairs", author: "B"))
                try write.link(from: decision.id, to: canvas.id, .cites)
            }
            _ = try store.addVersion(of: "can-\(Self.year)-0001", RecordDraft(kind: .canvas, title: "Damp", author: "A", status: "for-board"))
        }

        static var year: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

        /// Runs `sql` with the append-only triggers dropped, as `sqlite3` would in one line.
        func tamper(_ sql: String) throws {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                for table in ["journal", "record", "record_version", "record_link"] {
                    for operation in ["update", "delete"] {
                        try db.execute(sql: "DROP TRIGGER IF EXISTS \(table)_refuses_\(operation)")
                    }
                }
                try db.execute(sql: sql)
            }
            try queue.close()
        }

        func verdict(expecting head: JournalHead? = nil) throws -> String? {
            try RecordStore(path: path, migrate: false, readOnly: true).verify(expecting: head).problem?.message
        }

        func head() throws -> JournalHead {
            try #require(try RecordStore(path: path, migrate: false, readOnly: true).head())
        }
    }

    let year = Fixture.year

    @Test func anUntouchedRegisterIsIntact() throws {
        let fixture = try Fixture()
        #expect(try fixture.verdict() == nil)
        #expect(try fixture.verdict(expecting: fixture.head()) == nil)
    }

    @Test func deletingTheLastEntryIsCaughtByTheNotedHead() throws {
        let fixture = try Fixture()
        let head = try fixture.head()
        try fixture.tamper("DELETE FROM record_version WHERE version = 2; DELETE FROM journal WHERE sequence = 4")
        #expect(try fixture.verdict() == "the journal ends at entry 3, but the head noted beside the register after its last write is \(head): entries after 3 were removed")
    }

    @Test func rehashingTheWholeChainIsCaughtOnlyByAHeadKeptElsewhere() throws {
        let fixture = try Fixture()
        let head = try fixture.head()
        // Rewrite the last entry's time and recompute its hash: the chain is consistent again.
        let queue = try DatabaseQueue(path: fixture.path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER journal_refuses_update")
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM journal WHERE sequence = 4"))
            let time = "2020-01-01T00:00:00.000Z"
            let hash = JournalEntry.computeHash(sequence: 4, time: time, topic: row["topic"], payload: row["payload"], previousHash: row["previous_hash"])
            try db.execute(sql: "UPDATE journal SET time = ?, hash = ? WHERE sequence = 4", arguments: [time, hash])
        }
        try queue.close()
        // The note beside the register catches it; with the note also removed, only the head
        // given from elsewhere does.
        #expect(try fixture.verdict()?.hasSuffix("as the head noted beside the register after its last write says: the journal was rewritten") == true)
        try FileManager.default.removeItem(atPath: fixture.directory.path + "/register.head")
        #expect(try fixture.verdict() == nil, "without any head kept outside it, a rewritten chain is consistent")
        #expect(try fixture.verdict(expecting: head)?.hasSuffix("as the head you gave says: the journal was rewritten") == true)
    }

    @Test func losingTheLogLosesNothingAndAnOlderCopyIsCaught() throws {
        let fixture = try Fixture()
        // Every write is checkpointed: the main file alone is the whole register.
        try? FileManager.default.removeItem(atPath: fixture.path + "-wal")
        try? FileManager.default.removeItem(atPath: fixture.path + "-shm")
        #expect(try fixture.verdict() == nil)
        let older = try fixture.directory.write(try Data(contentsOf: URL(fileURLWithPath: fixture.path)), to: "older.sqlite")
        _ = try RecordStore(path: fixture.path).record(RecordDraft(kind: .decision, title: "Later", author: "C"))
        try FileManager.default.removeItem(atPath: fixture.path)
        try FileManager.default.copyItem(atPath: older, toPath: fixture.path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fixture.path + suffix) }
        #expect(try fixture.verdict()?.hasPrefix("the journal ends at entry 4, but the head noted beside the register after its last write is 5:") == true)
    }

    @Test func anEmptyMainFileBesideAFullLogIsRefusedUntouched() throws {
        let fixture = try Fixture()
        let store = try RecordStore(path: fixture.path)
        _ = store
        // Simulate a main file lost while its log still holds frames.
        try Data("not empty".utf8).write(to: URL(fileURLWithPath: fixture.path + "-wal"))
        try Data().write(to: URL(fileURLWithPath: fixture.path))
        #expect(throws: DiagnosticError.self) { try RecordStore(path: fixture.path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.path + "-wal")) == Data("not empty".utf8))
    }

    @Test func aSymlinkOrAPublicFileIsRefused() throws {
        let fixture = try Fixture()
        let link = fixture.directory.path + "/link.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.path)
        #expect(throws: DiagnosticError.self) { try RecordStore(path: link) }
        chmod(fixture.path, 0o644)
        #expect(throws: DiagnosticError.self) { try RecordStore(path: fixture.path) }
        chmod(fixture.path, 0o600)
        chmod(fixture.directory.path, 0o777)
        #expect(throws: DiagnosticError.self) { try RecordStore(path: fixture.path) }
        chmod(fixture.directory.path, 0o700)
    }
}
