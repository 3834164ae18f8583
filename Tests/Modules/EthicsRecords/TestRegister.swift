import EthicsCore
import EthicsRecords
import EthicsRecordsPostgres
import EthicsTestSupport
import Foundation
import GRDB

/// The register's two engines, for the conformance suite.
enum RegisterEngine: String, CaseIterable, Sendable {
    case sqlite, postgres
}

/// A fresh, empty register on one engine, and a way to alter it behind its back as an attacker
/// with the database would (every trigger off, foreign keys too).
final class TestRegister: @unchecked Sendable {
    let engine: RegisterEngine
    let store: any RegisterStore
    private let directory: TemporaryDirectory
    private let database: PostgresTestServer.Database?
    private let now: @Sendable () -> Date

    init(_ engine: RegisterEngine, now: @escaping @Sendable () -> Date = Date.init) throws {
        self.engine = engine
        self.now = now
        directory = try TemporaryDirectory(prefix: "ethics-conformance")
        switch engine {
        case .sqlite:
            database = nil
            store = try RecordStore(path: directory.path + "/register.sqlite", now: now)
        case .postgres:
            let database = try PostgresTestServer.Database()
            self.database = database
            store = try PostgresRecordStore(url: try database.initialised(), now: now)
        }
    }

    /// The register opened afresh, as another process would see it.
    func reopened() throws -> any RegisterStore {
        switch engine {
        case .sqlite: try RecordStore(path: directory.path + "/register.sqlite", migrate: false, readOnly: true, now: now)
        case .postgres: try PostgresRecordStore(url: database!.toolkitURL, now: now)
        }
    }

    /// The verdict of verify on the register as it is now.
    func verdict(expecting head: JournalHead? = nil) throws -> String? {
        try reopened().verify(expecting: head).problem?.message
    }

    /// Runs `sql` against the register's tables with nothing to stop it.
    func tamper(_ sql: String) throws {
        switch engine {
        case .sqlite:
            let queue = try DatabaseQueue(path: directory.path + "/register.sqlite")
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                for table in ["journal", "record", "record_version", "record_link"] {
                    for operation in ["update", "delete"] {
                        try db.execute(sql: "DROP TRIGGER IF EXISTS \(table)_refuses_\(operation)")
                    }
                }
                try db.execute(sql: sql)
            }
            try queue.close()
        case .postgres:
            try database!.tamper(sql)
        }
    }

    /// Tries `sql` as the toolkit itself could (its own connection, its own privileges); returns
    /// whether the database refused it.
    func refuses(_ sql: String) throws -> Bool {
        switch engine {
        case .sqlite:
            let queue = try DatabaseQueue(path: directory.path + "/register.sqlite")
            defer { try? queue.close() }
            do {
                try queue.write { try $0.execute(sql: sql) }
                return false
            } catch is DatabaseError {
                return true
            }
        case .postgres:
            // As the toolkit's role: its privileges refuse it. As the superuser: the triggers do.
            for url in [database!.toolkitURL, database!.admin] {
                do {
                    try PostgresTestServer.execute(url, "SET search_path = ethics; " + sql)
                    return false
                } catch {}
            }
            return true
        }
    }

    /// The path of the SQLite file, for tests that look at files beside it.
    var sqlitePath: String { directory.path + "/register.sqlite" }
    var folder: String { directory.path }
}
