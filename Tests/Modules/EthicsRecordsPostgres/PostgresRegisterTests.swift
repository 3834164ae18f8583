import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import EthicsRecordsPostgres
import EthicsTestSupport
import Foundation
import Glibc
import Testing

/// What only the PostgreSQL register has: its roles and privileges, its migrations, the faults a
/// server brings, and many writers on many machines at once.
@Suite(.enabled(if: PostgresTestServer.isEnabled, Comment(rawValue: PostgresTestServer.skipReason)))
struct PostgresRegisterTests {
    static let decision = RecordKind(id: "decision", prefix: "dec", title: "Decision record")

    // MARK: - init-database

    @Test func initDatabaseMakesTheSchemaAndRolesOnceAndRecordsItsMigrations() throws {
        let database = try PostgresTestServer.Database()
        let first = try PostgresRegisterSetup.initialise(
            admin: database.admin, toolkitRole: PostgresTestServer.toolkitRole, ownerRole: PostgresTestServer.ownerRole,
            toolkitPassword: PostgresTestServer.toolkitPassword)
        #expect(first.migrationsApplied == ["v1-records-versions-links-journal", "v2-records-in-list-order"])
        let again = try PostgresRegisterSetup.initialise(
            admin: database.admin, toolkitRole: PostgresTestServer.toolkitRole, ownerRole: PostgresTestServer.ownerRole)
        #expect(again.migrationsApplied.isEmpty && again.rolesCreated.isEmpty)
        #expect(try PostgresTestServer.strings(database.admin, "SELECT name FROM ethics.schema_migrations ORDER BY position")
            == ["v1-records-versions-links-journal", "v2-records-in-list-order"])
        // The owner owns everything; the toolkit's role owns nothing and cannot log in as the owner.
        #expect(try PostgresTestServer.strings(database.admin, "SELECT DISTINCT tableowner::text FROM pg_tables WHERE schemaname = 'ethics'")
            == [PostgresTestServer.ownerRole])
        #expect(try PostgresTestServer.strings(database.admin, "SELECT rolcanlogin::text FROM pg_roles WHERE rolname = '\(PostgresTestServer.ownerRole)'")
            == ["false"])
        let store = try PostgresRecordStore(url: database.toolkitURL)
        #expect(try store.record(RecordDraft(kind: Self.decision, title: "First", author: "A")).version == 1)
    }

    @Test func theToolkitsRoleMayOnlyReadAndAdd() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        _ = try PostgresRecordStore(url: url).record(RecordDraft(kind: Self.decision, title: "First", author: "A"))
        for sql in [
            "UPDATE ethics.journal SET topic = 'x'", "DELETE FROM ethics.record_version", "TRUNCATE ethics.record_link",
            "DELETE FROM ethics.schema_migrations", "INSERT INTO ethics.schema_migrations (position, name) VALUES (9, 'x')",
            "CREATE TABLE ethics.extra (x int)", "DROP TABLE ethics.record_link", "ALTER TABLE ethics.journal DISABLE TRIGGER ALL",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try PostgresTestServer.execute(url, sql) }
        }
        // Even the superuser meets the triggers.
        for sql in ["UPDATE ethics.journal SET topic = 'x'", "DELETE FROM ethics.journal", "TRUNCATE ethics.record_link"] {
            #expect(throws: (any Error).self, "\(sql)") { try database.execute(sql) }
        }
        #expect(try PostgresRecordStore(url: url).verify().isIntact)
    }

    /// `NOT IN (subquery)` is never an anti-join in PostgreSQL, and runs its subquery once a row
    /// when the subquery's rows outgrow work memory (as after a large `records copy`).
    @Test func verifysCheckForRecordsWithoutVersionsIsAnAntiJoin() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        let link = PostgresLink(url: url)
        defer { link.close() }
        let plan = try link.with { session in
            try session.query("SET work_mem = '64kB'")
            return try session.texts("EXPLAIN " + PostgresRecordStore.orphansQuery)
        }.joined(separator: "\n")
        #expect(plan.contains("Anti Join") && !plan.contains("SubPlan"), "\(plan)")
    }

    /// A new record's serial is the last of its kind and year, found at one end of the index: not
    /// an aggregate over every record of that kind and year, which is how PostgreSQL plans
    /// `MAX(serial)` on tables it has no statistics for (any register autovacuum has not yet
    /// analysed), under the write lock that every other writer waits on.
    @Test func aNewRecordsSerialIsReadFromOneEndOfTheIndex() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        let store = try PostgresRecordStore(url: url)
        defer { store.close() }
        let kind = RecordKind(id: "decision", prefix: "dec", title: "Decision record")
        let drafts = (1...2_000).map { index in
            RecordDraft(kind: kind, title: "Proposal \(index)", author: "Officer", status: "recorded")
        }
        let kept = try store.recordAll(drafts, unlessJournalled: nil) { kept in RecordsImported(file: "log.csv", sha256: "", records: kept.map(\.id)) }
        let year = try #require(Int(kept[0].id.split(separator: "-")[1]))
        let link = PostgresLink(url: url)
        defer { link.close() }
        let plan = try link.with { session in
            try session.texts("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + PostgresRecordStore.serialAndHeadQuery, [.text("decision"), .int(year)])
        }.joined(separator: "\n")
        #expect(plan.contains("Index Only Scan Backward using record_kind_year_serial_key"), "\(plan)")
        #expect(!plan.contains("Aggregate") && !plan.contains("rows=2000"), "\(plan)")
        // The next record follows the last, as before.
        #expect(try store.record(drafts[0]).id == kind.recordID(year: year, serial: 2_001))
    }

    /// The toolkit's role is refused when the register's append-only rules would not bind it.
    @Test func initDatabaseRefusesAToolkitRoleThatCouldChangeTheRegister() throws {
        let database = try PostgresTestServer.Database()
        let link = PostgresLink(url: database.admin)
        defer { link.close() }
        try link.with { session in
            try session.script("DROP ROLE IF EXISTS maker; CREATE ROLE maker LOGIN CREATEROLE")
        }
        func refusal(_ role: String) -> String {
            do {
                _ = try PostgresRegisterSetup.initialise(admin: database.admin, toolkitRole: role)
                return "accepted"
            } catch let error as DiagnosticError {
                return error.diagnostics.map(\.description).joined(separator: "\n")
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(database.admin.user).contains("'\(database.admin.user)' cannot be the toolkit's role: it is a superuser"))
        #expect(refusal("maker").contains("'maker' cannot be the toolkit's role: it may create roles"))
        let registerMade = try link.with { session in try session.texts("SELECT to_regclass('ethics.journal')::text") }
        #expect(registerMade == [""], "nothing was changed")
        #expect(refusal("ethics") == "accepted")
    }

    @Test func initDatabaseRefusesBadRoleNames() throws {
        let database = try PostgresTestServer.Database()
        #expect(throws: DiagnosticError.self) {
            try PostgresRegisterSetup.initialise(admin: database.admin, toolkitRole: "Robert'); DROP TABLE x;--")
        }
        #expect(throws: DiagnosticError.self) { try PostgresRegisterSetup.initialise(admin: database.admin, toolkitRole: "same", ownerRole: "same") }
    }

    // MARK: - Faults: one line naming the URL, never the password

    func failure(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch let error as any UserFacingError {
            #expect(error.diagnostics.count == 1)
            return error.diagnostics.map(\.description).joined(separator: "\n")
        } catch {
            return "not a user-facing error: \(error)"
        }
    }

    /// An administrator who may not create roles is told what init-database needs, not to ask
    /// the administrator to run it.
    @Test func initDatabaseWithoutCreateRoleSaysWhatItNeeds() throws {
        let database = try PostgresTestServer.Database()
        let role = "weak_" + database.name.suffix(8)
        try database.execute("CREATE ROLE \(role) LOGIN PASSWORD 'weak-password'; ALTER DATABASE \(database.name) OWNER TO \(role)")
        var weak = database.admin
        weak.user = role
        weak.password = "weak-password"
        let message = failure { _ = try PostgresRegisterSetup.initialise(admin: weak, toolkitRole: "ethics_" + database.name.suffix(8)) }
        #expect(message.contains("error: '\(role)' may not set up the register here (permission denied"), "\(message)")
        #expect(message.contains("CREATEROLE") && !message.contains("ask the database administrator to run"), "\(message)")
    }

    @Test func aHostThatDoesNotExistIsSaidSo() throws {
        let url = PostgresRegisterURL(host: "no-such-host.invalid", port: 5432, user: "ethics", database: "ethics", password: "hunter2", tls: .disable)
        let message = failure { _ = try PostgresRecordStore(url: url) }
        #expect(message.contains("cannot reach the register's server at no-such-host.invalid:5432 (no such host"), "\(message)")
    }

    @Test func anUnreachableServerIsOneLine() throws {
        let url = PostgresRegisterURL(host: "127.0.0.1", port: PostgresTestServer.freePort(), user: "ethics", database: "ethics", password: "hunter2", tls: .disable)
        let message = failure { _ = try PostgresRecordStore(url: url) }
        #expect(message.hasPrefix("\(url): error: cannot reach the register's server at 127.0.0.1:"), "\(message)")
        #expect(!message.contains("hunter2") && !message.contains("\n"))
    }

    @Test func aWrongPasswordIsOneLine() throws {
        let database = try PostgresTestServer.Database()
        var url = try database.initialised()
        url.password = "not-the-password"
        let message = failure { _ = try PostgresRecordStore(url: url) }
        #expect(message.hasPrefix("\(url): error: the server refused the password for '\(PostgresTestServer.toolkitRole)'"), "\(message)")
        #expect(!message.contains("not-the-password"))
        url.password = nil
        #expect(failure { _ = try PostgresRecordStore(url: url) }.contains("asks for a password"), "no password given")
    }

    @Test func aServerWithoutTLSIsRefusedWhenTLSIsRequired() throws {
        let database = try PostgresTestServer.Database()
        for tls in [PostgresRegisterURL.TLS.require, .verifyFull(caFile: nil)] {
            var url = try database.initialised()
            url.tls = tls
            let message = failure { _ = try PostgresRecordStore(url: url) }
            #expect(message.hasPrefix("\(url): error: the server does not offer TLS, and the register's settings require it"), "\(message)")
        }
    }

    @Test func aMissingCAFileIsOneLine() throws {
        let database = try PostgresTestServer.Database()
        var url = try database.initialised()
        url.tls = .verifyFull(caFile: "/nonexistent/ca.pem")
        #expect(failure { _ = try PostgresRecordStore(url: url) }.contains("cannot read the TLS certificate authority file /nonexistent/ca.pem"))
    }

    @Test func aDatabaseThatIsNotARegisterIsRefusedUntouched() throws {
        let database = try PostgresTestServer.Database()
        try database.execute("CREATE TABLE allotments (plot int PRIMARY KEY, tenant text)")
        let message = failure { _ = try PostgresRecordStore(url: database.admin) }
        #expect(message.hasPrefix("\(database.admin): error: the database '\(database.name)' is not an ethics register"), "\(message)")
        #expect(message.contains("init-database"))
        #expect(try PostgresTestServer.strings(database.admin, "SELECT string_agg(tablename::text, ',') FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
            == ["allotments"])
        var missing = database.admin
        missing.database = "no_such_database"
        #expect(failure { _ = try PostgresRecordStore(url: missing) }.contains("there is no database 'no_such_database'"))
    }

    @Test func aRegisterAtANewerSchemaIsRefused() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        try database.execute("INSERT INTO ethics.schema_migrations (position, name) VALUES (3, 'v3-from-the-future')")
        let message = failure { _ = try PostgresRecordStore(url: url) }
        #expect(message.hasPrefix("\(url): error: the register was made by a newer version of ethics"), "\(message)")
        #expect(message.contains("'v3-from-the-future'"))
        #expect(failure { _ = try PostgresRegisterSetup.initialise(admin: database.admin, toolkitRole: PostgresTestServer.toolkitRole, ownerRole: PostgresTestServer.ownerRole) }
            .contains("newer version of ethics"))
    }

    /// A register made by an earlier `ethics` (before the list-order index) is refused with what to
    /// do, and init-database brings it up to date, keeping its records.
    @Test func aRegisterAtAnOlderSchemaIsBroughtUpToDateByInitDatabase() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        _ = try PostgresRecordStore(url: url).record(RecordDraft(kind: Self.decision, title: "Kept before", author: "A"))
        try database.execute("DROP INDEX ethics.record_list_order; DELETE FROM ethics.schema_migrations WHERE name = 'v2-records-in-list-order'")
        let message = failure { _ = try PostgresRecordStore(url: url) }
        #expect(message.contains("the register's schema is older than this version of ethics (it lacks migration 'v2-records-in-list-order')"), "\(message)")
        let report = try PostgresRegisterSetup.initialise(
            admin: database.admin, toolkitRole: PostgresTestServer.toolkitRole, ownerRole: PostgresTestServer.ownerRole)
        #expect(report.migrationsApplied == ["v2-records-in-list-order"])
        let store = try PostgresRecordStore(url: url)
        #expect(try store.latestVersions().map(\.title) == ["Kept before"])
        #expect(try store.verify().isIntact)
    }

    /// A read that waits on the server (here, behind a table lock) waits on one of the store's own
    /// threads, not on the thread its caller's task runs on: other async work (every other request
    /// of `ethics serve`) goes on meanwhile. The tasks share one serial executor of the test's own,
    /// so a read that held its thread would stop the rest.
    @Test func readsWaitingOnTheServerHoldNoCallersThread() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        _ = try PostgresRecordStore(url: url).record(RecordDraft(kind: Self.decision, title: "First", author: "A"))
        let register = LazyRecordStore(location: url.description) { try PostgresRecordStore(url: url) }
        _ = try register.store()
        let executor = SerialExecutor()
        let readers = 3
        let finished = DispatchSemaphore(value: 0)
        let probed = DispatchSemaphore(value: 0)
        let admin = PostgresLink(url: database.admin)
        defer { admin.close() }
        try admin.with { session in
            try session.query("BEGIN")
            try session.query("LOCK TABLE ethics.record IN ACCESS EXCLUSIVE MODE")
            for _ in 0..<readers {
                Task(executorPreference: executor) {
                    _ = try? await register.latestVersions(RecordQuery(), offset: 0, limit: 10)
                    finished.signal()
                }
            }
            Thread.sleep(forTimeInterval: 0.3)
            Task(executorPreference: executor) { probed.signal() }
            let ran = probed.wait(timeout: .now() + 5) == .success
            try session.query("ROLLBACK")
            #expect(ran, "other work ran while \(readers) register reads waited on the server")
        }
        for _ in 0..<readers { #expect(finished.wait(timeout: .now() + 20) == .success) }
    }

    @Test func aConnectionTheServerEndedIsReplaced() throws {
        let database = try PostgresTestServer.Database()
        let store = try PostgresRecordStore(url: try database.initialised())
        _ = try store.record(RecordDraft(kind: Self.decision, title: "Before", author: "A"))
        try database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database.name)' AND pid <> pg_backend_pid()")
        usleep(200_000)
        _ = try store.record(RecordDraft(kind: Self.decision, title: "After", author: "A"))
        #expect(try store.latestVersions().map(\.title) == ["Before", "After"])
        #expect(try store.verify().isIntact)
    }

    /// Every statement of a write is a round trip made while every other writer waits for the
    /// register's lock, so a new record takes five: BEGIN, the lock, its serial read with the
    /// journal's head, its three inserts as one statement, and COMMIT. Reads later in a write
    /// still see its held inserts, and answered queries leave nothing waiting on the connection.
    @Test func aNewRecordIsKeptInFiveStatementsAndReadsSeeAWritesOwnInserts() throws {
        let database = try PostgresTestServer.Database()
        let store = try PostgresRecordStore(url: try database.initialised())
        _ = try store.record(RecordDraft(kind: Self.decision, title: "First", author: "A"))
        let before = store.queryCounts.sent
        let second = try store.record(RecordDraft(kind: Self.decision, title: "Second", author: "A"))
        #expect(store.queryCounts.sent - before == 5)
        #expect(second.id.hasSuffix("-0002"))

        // Two records and a link between them in one write: the second record's serial and the
        // link's checks that both records exist are read after the first inserts are held.
        let (third, fourth) = try store.transaction { write in
            let third = try write.record(RecordDraft(kind: Self.decision, title: "Third", author: "A"))
            let fourth = try write.record(RecordDraft(kind: Self.decision, title: "Fourth", author: "A"))
            try write.link(from: fourth.id, to: third.id, .supersedes)
            return (third, fourth)
        }
        #expect([third.id, fourth.id].map { String($0.suffix(4)) } == ["0003", "0004"])
        #expect(try store.links(of: third.id) == [RecordLink(from: fourth.id, to: third.id, relation: .supersedes)])
        #expect(try store.journalEntries().map(\.topic) == Array(repeating: "record.created", count: 4) + ["record.linked"])
        #expect(try store.verify().isIntact)
        #expect(store.queryCounts.inFlight == 0)
    }

    /// An insert the server itself refuses, part-way through a write of several records, is the
    /// write's failure, and the write keeps nothing: no record, no version, no journal entry, no
    /// serial used.
    @Test func anInsertTheServerRefusesFailsTheWholeWrite() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        let store = try PostgresRecordStore(url: url)
        _ = try store.record(RecordDraft(kind: Self.decision, title: "Before", author: "A"))
        let head = try store.head()
        try database.execute("""
            CREATE FUNCTION ethics.refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
            CREATE TRIGGER record_version_refused_for_test BEFORE INSERT ON ethics.record_version
                FOR EACH ROW EXECUTE FUNCTION ethics.refuse_for_test();
            """)
        #expect(throws: (any Error).self) {
            try store.recordAll((1...3).map { RecordDraft(kind: Self.decision, title: "Refused \($0)", author: "A") }) {
                RecordsImported(file: "log.csv", sha256: "abc", records: $0.map(\.id))
            }
        }
        #expect(try store.head() == head, "the journal did not move")
        #expect(try store.latestVersions().map(\.title) == ["Before"])
        #expect(try PostgresTestServer.strings(database.admin, "SELECT COUNT(*)::text FROM ethics.record") == ["1"])
        try database.execute("DROP TRIGGER record_version_refused_for_test ON ethics.record_version")
        #expect(try store.record(RecordDraft(kind: Self.decision, title: "After", author: "A")).id.hasSuffix("-0002"),
                "the refused write used no serial")
        #expect(try store.verify().isIntact)
    }

    // MARK: - Many writers

    /// `ethics-records-writer`, built beside this test bundle.
    static var writer: URL {
        CommandRunner.ethicsBinary.deletingLastPathComponent().appendingPathComponent("ethics-records-writer")
    }

    static func start(_ url: PostgresRegisterURL, count: Int, errors: FileHandle = .standardError) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = writer
        var shown = url
        shown.password = nil
        process.arguments = [shown.description, String(count)]
        var environment = ProcessInfo.processInfo.environment
        environment["ETHICS_REGISTER_PASSWORD"] = url.password
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        return (process, output)
    }

    @Test func sixteenProcessesWritingTwoHundredRecordsEachLoseNothing() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        let processes = try (0..<16).map { _ in try Self.start(url, count: 200) }
        var printed: [String] = []
        for (process, output) in processes {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            printed += String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(printed.count == 3200)
        let store = try PostgresRecordStore(url: url)
        let kept = try store.latestVersions()
        #expect(kept.count == 3200)
        #expect(Set(kept.map(\.id)) == Set(printed))
        let verification = try store.verify()
        #expect(verification.isIntact, "\(String(describing: verification.problem))")
        #expect(verification.versionCount == 3200 + 16 * 66)
        #expect(verification.entryCount == verification.versionCount)
    }

    @Test func writersKilledMidTransactionLeaveTheRegisterConsistent() throws {
        let database = try PostgresTestServer.Database()
        let url = try database.initialised()
        for round in 0..<3 {
            let writers = try (0..<4).map { _ in try Self.start(url, count: 0) }
            // Let them commit some records, then kill each wherever it is.
            var reported: [String] = []
            for (index, (process, output)) in writers.enumerated() {
                var buffer = Data()
                let handle = output.fileHandleForReading
                while buffer.filter({ $0 == UInt8(ascii: "\n") }).count < 5 + round * 5 + index {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                }
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                #expect(process.terminationReason == .uncaughtSignal)
                buffer.append(handle.readDataToEndOfFile())
                reported += String(decoding: buffer, as: UTF8.self).split(separator: "\n").map(String.init)
            }
            let store = try PostgresRecordStore(url: url)
            let verification = try store.verify()
            #expect(verification.isIntact, "round \(round): \(String(describing: verification.problem))")
            let kept = Set(try store.latestVersions().map(\.id))
            #expect(Set(reported).isSubset(of: kept), "round \(round): every write a writer saw committed is there")
            // The server let go of every killed writer's lock: a new write goes through at once.
            _ = try store.record(RecordDraft(kind: Self.decision, title: "After round \(round)", author: "A"))
            #expect(try store.verify().isIntact)
        }
    }

    /// Reads `output` until it holds `lines` lines or ends; the lines read.
    static func lines(_ output: Pipe, atLeast lines: Int, into buffer: inout Data) {
        let handle = output.fileHandleForReading
        while buffer.filter({ $0 == UInt8(ascii: "\n") }).count < lines {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
    }

    /// The server stopped as a crash would stop it (`pg_ctl restart -m immediate`) while four
    /// writers write: every record a writer saw committed is there after recovery, the chain
    /// verifies, and writers that carry on (on a new connection) extend it.
    @Test func aServerRestartedMidRunLeavesTheRegisterConsistent() throws {
        let cluster = try PrivateCluster()
        defer { cluster.stop() }
        var admin = cluster.admin
        try PostgresTestServer.execute(admin, "CREATE DATABASE restarted ENCODING 'UTF8' TEMPLATE template0")
        admin.database = "restarted"
        _ = try PostgresRegisterSetup.initialise(
            admin: admin, toolkitRole: PostgresTestServer.toolkitRole, ownerRole: PostgresTestServer.ownerRole,
            toolkitPassword: PostgresTestServer.toolkitPassword)
        var url = admin
        url.user = PostgresTestServer.toolkitRole
        url.password = PostgresTestServer.toolkitPassword

        // The writers' own reports of the cut connection ("error: …") are expected, not shown.
        let writers = try (0..<4).map { _ in try Self.start(url, count: 0, errors: .nullDevice) }
        var buffers = Array(repeating: Data(), count: writers.count)
        for index in writers.indices { Self.lines(writers[index].1, atLeast: 5, into: &buffers[index]) }
        let started = "SELECT pg_postmaster_start_time()::text"
        let before = try PostgresTestServer.strings(admin, started)
        try cluster.restartImmediately()
        #expect(try PostgresTestServer.strings(admin, started) != before, "the server was restarted")
        // Some writers stop with an error; the others reconnect and carry on: let each that runs
        // on keep five more records after the restart, then stop it wherever it is.
        var reported: [String] = []
        for (index, (process, output)) in writers.enumerated() {
            let before = buffers[index].filter { $0 == UInt8(ascii: "\n") }.count
            if process.isRunning { Self.lines(output, atLeast: before + 5, into: &buffers[index]) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            buffers[index].append(output.fileHandleForReading.readDataToEndOfFile())
            reported += String(decoding: buffers[index], as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(reported.count >= 20)

        let store = try PostgresRecordStore(url: url)
        defer { store.close() }
        let verification = try store.verify()
        #expect(verification.isIntact, "\(String(describing: verification.problem))")
        #expect(Set(reported).isSubset(of: Set(try store.latestVersions().map(\.id))), "every write a writer saw committed is there")
        _ = try store.record(RecordDraft(kind: Self.decision, title: "After the restart", author: "A"))
        #expect(try store.verify().isIntact)
    }
}
