// The register on PostgreSQL (issue 18), against the throwaway cluster Tools/benchmark starts
// (Tools/lib/postgres-cluster; its superuser in ETHICS_TEST_POSTGRES_URL and _PASSWORD):
//
// - records written per second by 1, 4 and 16 concurrent writers, each writer a connection of
//   its own in its own thread, one record (one transaction) at a time, as 16 officers' `ethics`
//   commands would write them;
// - beside (a) the same server's raw INSERT and COMMIT of one row of the same size, one
//   transaction each, by the same number of connections, at the same durability (the server's
//   defaults: fsync and synchronous_commit on): the limit on this machine; and (b) SQLite, the
//   same writers on one register file (WAL, synchronous=FULL);
// - the real `ethics records copy --to URL` of an SQLite register with a 100,000-entry journal
//   (which verifies both sides), and the real `ethics records verify` of the copy, beside the
//   register's own verify in this process and SQLite's;
// - 16 writers appending to that copy, beside 16 writing into an empty register.
//
//   bench-records-pg --ethics PATH --config PATH [--records N] [--journal N] [--writers 1,4,16]
//
// Targets: at 16 writers at least 50% of the raw figure; `ethics records verify` of 100,000
// entries in at most 2 s.
import BenchSupport
import EthicsCore
import EthicsRecords
import EthicsRecordsPostgres
import Foundation
import Logging
import NIOPosix
import PostgresNIO

/// A small event, as a plugin would publish it.
struct Tick: Event {
    static let topic = "bench.tick"
    var number: Int
}

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let environment = ProcessInfo.processInfo.environment
guard let serverText = environment["ETHICS_TEST_POSTGRES_URL"], let parsed = try? PostgresRegisterURL.parse(serverText) else {
    ExitStatus.usage.exit("bench-records-pg needs ETHICS_TEST_POSTGRES_URL: run it through Tools/benchmark records-pg")
}
let server = PostgresRegisterURL(
    host: parsed.host, port: parsed.port, user: parsed.user, database: parsed.database,
    password: environment["ETHICS_TEST_POSTGRES_PASSWORD"], tls: .disable)
guard let ethics = option("--ethics"), let config = option("--config") else {
    ExitStatus.usage.exit("usage: bench-records-pg --ethics PATH --config PATH [--records N] [--journal N] [--writers 1,4,16]")
}
let recordsPerRun = option("--records").flatMap(Int.init) ?? 1_600
let journalTarget = option("--journal").flatMap(Int.init) ?? 100_000
let writerCounts = option("--writers").map { $0.split(separator: ",").compactMap { Int($0) } } ?? [1, 4, 16]
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ethics-bench-records-pg-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

let logger: Logger = {
    var logger = Logger(label: "bench")
    logger.logLevel = .critical
    return logger
}()

/// A connection to `database` as `url`'s user, waited for.
@Sendable func connect(_ url: PostgresRegisterURL, database: String? = nil) throws -> PostgresConnection {
    try PostgresConnection.connect(
        on: MultiThreadedEventLoopGroup.singleton.next(),
        configuration: PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: database ?? url.database, tls: .disable),
        id: 1, logger: logger
    ).wait()
}

@Sendable func execute(_ connection: PostgresConnection, _ sql: String) throws {
    _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
}

nonisolated(unsafe) var databaseNumber = 0
/// A new database with the register made in it; the toolkit's role's URL.
func freshRegister() throws -> PostgresRegisterURL {
    databaseNumber += 1
    let name = "bench_\(getpid())_\(databaseNumber)"
    let admin = try connect(server)
    try execute(admin, "CREATE DATABASE \(name) ENCODING 'UTF8' TEMPLATE template0")
    try admin.close().wait()
    var url = server
    url.database = name
    _ = try PostgresRegisterSetup.initialise(
        admin: url, toolkitRole: "ethics_bench", ownerRole: "ethics_bench_owner", toolkitPassword: "bench-password")
    url.user = "ethics_bench"
    url.password = "bench-password"
    return url
}

/// The kind decision-flowchart declares for its records.
let decisionKind = RecordKind(id: "decision", prefix: "dec", title: "Decision record")

@Sendable func draft(_ index: Int) -> RecordDraft {
    RecordDraft(
        kind: decisionKind, title: "Proposal \(index): predictive analytics, housing repairs",
        author: "Officer \(index % 17)", status: "recorded", reviewBy: CalendarDate(year: 2027, month: 1 + index % 12, day: 1),
        tags: ["housing", "analytics"], attributes: ["justice"],
        body: Data(#"{"fields":{"Reference":"EDL-\#(index)","Summary":"A reasoned decision."}}"#.utf8))
}

/// Runs `body(writer, index)` for `total` items split across `writers` threads, at once; the wall time.
func concurrently(writers: Int, total: Int, _ body: @escaping @Sendable (Int, Int) throws -> Void) throws -> Duration {
    let group = DispatchGroup()
    let failure = NSLock()
    nonisolated(unsafe) var firstError: (any Error)?
    let perWriter = total / writers
    let stopwatch = Stopwatch()
    for writer in 0..<writers {
        group.enter()
        let thread = Thread {
            defer { group.leave() }
            do {
                for index in 0..<perWriter { try body(writer, writer * perWriter + index) }
            } catch {
                failure.lock()
                if firstError == nil { firstError = error }
                failure.unlock()
            }
        }
        thread.start()
    }
    group.wait()
    let elapsed = stopwatch.elapsed
    if let firstError { throw firstError }
    return elapsed
}

/// Bytes one record write keeps (its record row, version row and journal entry), to size the raw rows.
let sampleDirectory = directory.appendingPathComponent("sample").path
let sample = try RecordStore(path: sampleDirectory + "/register.sqlite")
_ = try sample.record(draft(0))
let sampleRows = try sample.rows()
let rowBytes = sampleRows.journal.reduce(0) { $0 + $1.payload.utf8.count + $1.hash.utf8.count * 2 + $1.time.utf8.count + $1.topic.utf8.count }
    + (try sample.latestVersions().first.map { $0.body.count + $0.title.utf8.count + $0.author.utf8.count + 120 } ?? 0)
let rawPayload = String(repeating: "x", count: rowBytes)

struct Row {
    var writers: Int
    var register: Duration
    var raw: Duration
    var sqlite: Duration
}
var rows: [Row] = []
for writers in writerCounts {
    let total = recordsPerRun / writers * writers
    // The register on PostgreSQL: each writer its own store (its own connection).
    let url = try freshRegister()
    let stores = try (0..<writers).map { _ in try PostgresRecordStore(url: url) }
    let registerStores = stores
    let registerTime = try concurrently(writers: writers, total: total) { writer, index in
        _ = try registerStores[writer].record(draft(index))
    }
    let check = try stores[0].verify()
    guard check.isIntact, check.versionCount == total else {
        ExitStatus.measurementFailed.exit("the PostgreSQL register kept \(check.versionCount) of \(total) records, or does not verify")
    }
    for store in stores { store.close() }

    // Raw INSERT and COMMIT of a row of the same size, one transaction each.
    let admin = try connect(server, database: url.database)
    try execute(admin, "CREATE TABLE raw_rows (id bigserial PRIMARY KEY, payload text NOT NULL)")
    let connections = try (0..<writers).map { _ in try connect(server, database: url.database) }
    let rawConnections = connections
    let payload = rawPayload
    let rawTime = try concurrently(writers: writers, total: total) { writer, _ in
        let connection = rawConnections[writer]
        try execute(connection, "BEGIN")
        _ = try connection.query("INSERT INTO raw_rows (payload) VALUES (\(payload))", logger: logger).wait()
        try execute(connection, "COMMIT")
    }
    for connection in connections + [admin] { try connection.close().wait() }

    // SQLite: the same writers on one register file.
    let path = directory.appendingPathComponent("sqlite-\(writers)/register.sqlite").path
    let sqliteStores = try (0..<writers).map { _ in try RecordStore(path: path) }
    let liteStores = sqliteStores
    let sqliteTime = try concurrently(writers: writers, total: total) { writer, index in
        _ = try liteStores[writer].record(draft(index))
    }
    rows.append(Row(writers: writers, register: registerTime / Double(total), raw: rawTime / Double(total), sqlite: sqliteTime / Double(total)))
}

// A long journal: an SQLite register of that many entries in a workspace of its own, copied in
// by the real `ethics records copy`, then verified by the real `ethics records verify`.
let longData = directory.appendingPathComponent("long").path
let long = try RecordStore(workspace: longData + "/ethics/default", durability: .normal)
var made = 0
while made < journalTarget - 1 {
    let batch = min(25_000, journalTarget - 1 - made)
    _ = try long.recordAll((made..<made + batch).map(draft)) { kept in RecordsImported(file: "log.csv", sha256: "", records: [kept.first?.id ?? ""]) }
    made += batch + 1
}
let longURL = try freshRegister()
let toolkitEnvironment = ["XDG_DATA_HOME=\(longData)", "ETHICS_REGISTER_PASSWORD=\(longURL.password ?? "")"]
let copyRun = try ChildProcess(
    [ethics, "--config", config, "records", "copy", "--to", longURL.description], environment: toolkitEnvironment).run()
var verifyRuns: [CommandRun] = []
for _ in 0..<3 {
    verifyRuns.append(try ChildProcess(
        [ethics, "--config", config, "records", "verify"], environment: toolkitEnvironment + ["ETHICS_REGISTER_URL=\(longURL.description)"]).run())
}
let verifyTime = Distribution(verifyRuns.map(\.wallTime)).median
let longStore = try PostgresRecordStore(url: longURL)
let verifying = Stopwatch()
let verification = try longStore.verify()
let inProcessVerifyTime = verifying.elapsed
let sqliteVerifying = Stopwatch()
_ = try long.verify()
let sqliteVerifyTime = sqliteVerifying.elapsed

// 16 writers appending to that long register, as to a council's register years in: what a write
// costs must not grow with the records already kept of its kind.
let appendingWriters = 16
let appendingTotal = recordsPerRun / appendingWriters * appendingWriters
let appendingStores = try (0..<appendingWriters).map { _ in try PostgresRecordStore(url: longURL) }
let appendingTime = try concurrently(writers: appendingWriters, total: appendingTotal) { writer, index in
    _ = try appendingStores[writer].record(draft(index))
}
for store in appendingStores { store.close() }

func rate(_ perRecord: Duration) -> String {
    "\(Format.fixed(1 / perRecord.seconds, decimals: 0))/s"
}

var table = ResultsTable()
for row in rows {
    let share = row.raw.seconds / row.register.seconds
    let target = row.writers == 16
    table.append(ResultRow(
        benchmark: "records-pg",
        subject: "\(row.writers) writer\(row.writers == 1 ? "" : "s"): register on PostgreSQL | raw INSERT+COMMIT (\(rowBytes) B) | SQLite register",
        figure: "\(rate(row.register)) | \(rate(row.raw)) | \(rate(row.sqlite)) (register at \(Format.fixed(share * 100, decimals: 0))% of raw)",
        target: target ? ">= 50% of raw" : "-", verdict: target ? Verdict(met: share >= 0.5) : .information))
}
table.append(ResultRow(
    benchmark: "records-pg", subject: "`ethics records copy --to URL`: a \(verification.entryCount)-entry SQLite register, verified on both sides, whole command",
    figure: Format.milliseconds(copyRun.wallTime)))
table.append(ResultRow(
    benchmark: "records-pg",
    subject: "`ethics records verify` of that journal on PostgreSQL, whole command, median of 3 (in this process: \(Format.milliseconds(inProcessVerifyTime)); SQLite: \(Format.milliseconds(sqliteVerifyTime)))",
    figure: "\(Format.milliseconds(verifyTime)) (\(verification.isIntact ? "intact" : "NOT intact"))",
    target: "<= 2000 ms", verdict: Verdict(met: verifyTime.seconds <= 2 && verification.isIntact && verification.entryCount >= journalTarget)))
table.append(ResultRow(
    benchmark: "records-pg",
    subject: "\(appendingWriters) writers appending to that \(verification.entryCount)-entry register on PostgreSQL",
    figure: "\(rate(appendingTime / Double(appendingTotal)))" + (rows.first { $0.writers == appendingWriters }.map { " (to an empty one: \(rate($0.register)))" } ?? "")))
table.append(ResultRow(benchmark: "records-pg", subject: "this process", figure: "peak RSS " + Format.megabytes(PeakMemory.ofThisProcess())))

print("records-pg: \(recordsPerRun) records per run, one transaction each; PostgreSQL \(server.host):\(server.port) with fsync and synchronous_commit on; SQLite WAL, synchronous=FULL")
print(table.render())
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
