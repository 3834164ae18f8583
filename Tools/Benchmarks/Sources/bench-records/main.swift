// The records register on SQLite, always with the durability the toolkit uses (WAL,
// synchronous=FULL: the log is synced at every commit):
//
// - 10,000 records brought in by the real `ethics records import` from a council-style decision
//   log (CSV): the whole command, from start to exit, reading, checking and keeping every row in
//   one transaction, and printing its table of ids. Run five times, each into a fresh register.
// - The same 10,000 records through `RecordStore.recordAll` in this process: the register's share.
// - 10,000 records written one transaction each, as 10,000 separate commands would write them,
//   with synchronous=FULL and, for comparison, NORMAL (the log synced only at checkpoints). Each
//   FULL commit waits for the disk to confirm a sync, so this figure is bounded below by the
//   disk, whatever the code does.
// - A 100,000-entry journal with 20,000 links verified.
// - The real `ethics records export --format html` of a 1,000-record register (an index page and
//   a page per record), and the real `ethics records approve` (a lifecycle command) on it, each
//   the whole command from start to exit.
//
//   bench-records --ethics PATH --config PATH [--records N] [--journal N]
//
// Targets (issues 8 and 17): 10,000 records written in under 2 s; a 100,000-entry journal with
// 20,000 links verified in at most 1 s; 1,000 records exported as HTML in at most 5 s; a
// lifecycle command in at most 30 ms. The journal for the second figure holds the records' own entries plus small events
// journalled the way the host journals bus events.
import BenchSupport
import EthicsCore
import EthicsRecords
import Foundation

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

guard let ethics = option("--ethics"), let config = option("--config") else {
    ExitStatus.usage.exit("usage: bench-records --ethics PATH --config PATH [--records N] [--journal N]")
}
let recordCount = option("--records").flatMap(Int.init) ?? 10_000
let journalTarget = option("--journal").flatMap(Int.init) ?? 100_000
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ethics-bench-records-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

/// A decision log as a council keeps one: its own reference, a title with a comma, an officer,
/// the day it was decided, a UK review date, tags, an attribute and a summary.
func decisionLog(rows: Int) -> String {
    var text = "Reference,Title,Author,Decided on,Review by,Tags,Attributes,Summary\r\n"
    for row in 1...rows {
        text += "EDL-\(row),\"Proposal \(row): predictive analytics, housing repairs\",Officer \(row % 17),2024-01-15,"
            + "\(1 + row % 28)/\(1 + row % 12)/2027,housing;analytics,justice,"
            + "\"A reasoned decision, with its conditions and the evidence it rests on.\"\r\n"
    }
    return text
}

let logPath = directory.appendingPathComponent("decision-log.csv").path
let log = decisionLog(rows: recordCount)
try log.write(toFile: logPath, atomically: true, encoding: .utf8)

// The real command, five times, each into a register of its own.
var importRuns: [CommandRun] = []
for run in 0..<5 {
    setenv("XDG_DATA_HOME", directory.appendingPathComponent("import-\(run)").path, 1)
    importRuns.append(try ChildProcess([ethics, "--config", config, "records", "import", logPath]).run())
}
let importTimes = Distribution(importRuns.map(\.wallTime))
let imported = try RecordStore.openExisting(workspace: directory.appendingPathComponent("import-0/ethics/default").path)
let importedCount = try imported?.latestVersions().count ?? 0

/// The kind decision-flowchart declares for its records (the register knows kinds only from plugins).
let decisionKind = RecordKind(id: "decision", prefix: "dec", title: "Decision record")

/// The log's rows as the register receives them.
let drafts = (0..<recordCount).map { index in
    RecordDraft(
        kind: decisionKind, title: "Proposal \(index): predictive analytics, housing repairs",
        author: "Officer \(index % 17)", status: "recorded", reviewBy: CalendarDate(year: 2027, month: 1 + index % 12, day: 1),
        tags: ["housing", "analytics", "imported"], attributes: ["justice"],
        body: Data(#"{"fields":{"Reference":"EDL-\#(index)","Summary":"A reasoned decision."},"importedFrom":{"file":"log.csv","line":\#(index + 2)}}"#.utf8))
}

let batchStore = try RecordStore(workspace: directory.path + "/batch")
let batching = Stopwatch()
_ = try batchStore.recordAll(drafts) { kept in RecordsImported(file: "log.csv", sha256: "", records: kept.map(\.id)) }
let batchTime = batching.elapsed

/// Writes every draft into `store`, one transaction each.
func writeOneByOne(into store: RecordStore) throws -> Duration {
    let writing = Stopwatch()
    for draft in drafts { _ = try store.record(draft) }
    return writing.elapsed
}

let normalTime = try writeOneByOne(into: RecordStore(workspace: directory.path + "/normal", durability: .normal))
let store = try RecordStore(workspace: directory.path + "/full")
let oneByOneTime = try writeOneByOne(into: store)

// Two citations from each of the first 10,000 records (or as many as there are), to the next two.
let ids = try store.latestVersions().map(\.id)
var linkCount = 0
for (index, id) in ids.enumerated() where linkCount < 20_000 {
    for step in 1...2 where index + step < ids.count && linkCount < 20_000 {
        try store.link(from: id, to: ids[index + step], .cites)
        linkCount += 1
    }
}
let present = try store.verify().entryCount
for number in 0..<max(0, journalTarget - present) {
    try store.journal(Tick(number: number))
}
let verifying = Stopwatch()
let verification = try store.verify()
let verifyTime = verifying.elapsed

// A register of 1,000 records where the real command finds it, exported as HTML five times, and
// ten of its records signed off one command each.
let exportData = directory.appendingPathComponent("export-data").path
let exportStore = try RecordStore(workspace: exportData + "/ethics/default")
_ = try exportStore.recordAll(Array(drafts.prefix(1_000))) { kept in RecordsImported(file: "log.csv", sha256: "", records: kept.map(\.id)) }
let exportIDs = try exportStore.latestVersions().map(\.id)
for index in stride(from: 0, to: exportIDs.count - 1, by: 2) {
    try exportStore.link(from: exportIDs[index + 1], to: exportIDs[index], .cites)
}
setenv("XDG_DATA_HOME", exportData, 1)
var exportRuns: [CommandRun] = []
for run in 0..<5 {
    let bundle = directory.appendingPathComponent("bundle-\(run)").path
    exportRuns.append(try ChildProcess([ethics, "--config", config, "records", "export", "--format", "html", "--output", bundle]).run())
}
let exportTimes = Distribution(exportRuns.map(\.wallTime))
let pageCount = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("bundle-0/records").path).count) ?? 0
var approveRuns: [CommandRun] = []
for id in exportIDs.prefix(10) {
    approveRuns.append(try ChildProcess(
        [ethics, "--config", config, "records", "approve", id, "--role", "Data Protection Officer"], environment: ["ETHICS_AUTHOR=Bench"]).run())
}
let approveTimes = Distribution(approveRuns.map(\.wallTime))

func rate(_ time: Duration) -> String {
    "\(Format.fixed(Double(recordCount) / time.seconds, decimals: 0)) records/s"
}

var table = ResultsTable()
let importMedian = importTimes.median
table.append(ResultRow(
    benchmark: "records", subject: "`ethics records import`: a \(recordCount)-row decision log (\(log.utf8.count / 1024) KiB), whole command, median of 5",
    figure: "\(Format.milliseconds(importMedian)) (\(rate(importMedian)); range \(Format.milliseconds(importTimes.minimum))-\(Format.milliseconds(importTimes.maximum)); peak \(Format.megabytes(importRuns.map(\.peakResidentBytes).max() ?? 0)))",
    target: "< 2000 ms", verdict: Verdict(met: importMedian.seconds < 2)))
table.append(ResultRow(
    benchmark: "records", subject: "the register's share: \(recordCount) records in one transaction (recordAll)",
    figure: "\(Format.milliseconds(batchTime)) (\(rate(batchTime)))"))
table.append(ResultRow(
    benchmark: "records", subject: "\(recordCount) records one transaction each, as separate commands write them",
    figure: "\(Format.milliseconds(oneByOneTime)) (\(rate(oneByOneTime)))"))
table.append(ResultRow(
    benchmark: "records", subject: "the same with synchronous=NORMAL",
    figure: "\(Format.milliseconds(normalTime)) (\(rate(normalTime)))"))
table.append(ResultRow(
    benchmark: "records", subject: "verify a \(verification.entryCount)-entry journal with \(verification.linkCount) links",
    figure: "\(Format.milliseconds(verifyTime)) (\(verification.isIntact ? "intact" : "NOT intact"))",
    target: "<= 1000 ms", verdict: Verdict(met: verifyTime.seconds <= 1 && verification.isIntact)))
table.append(ResultRow(
    benchmark: "records", subject: "`ethics records export --format html`: \(exportIDs.count) records (\(pageCount) pages), whole command, median of 5",
    figure: "\(Format.milliseconds(exportTimes.median)) (range \(Format.milliseconds(exportTimes.minimum))-\(Format.milliseconds(exportTimes.maximum)); peak \(Format.megabytes(exportRuns.map(\.peakResidentBytes).max() ?? 0)))",
    target: "<= 5000 ms", verdict: Verdict(met: exportTimes.median.seconds <= 5 && pageCount == exportIDs.count)))
table.append(ResultRow(
    benchmark: "records", subject: "`ethics records approve` on that register, whole command, median of 10",
    figure: "\(Format.milliseconds(approveTimes.median)) (range \(Format.milliseconds(approveTimes.minimum))-\(Format.milliseconds(approveTimes.maximum)))",
    target: "<= 30 ms", verdict: Verdict(met: approveTimes.median.seconds <= 0.030)))
table.append(ResultRow(benchmark: "records", subject: "this process", figure: "peak RSS " + Format.megabytes(PeakMemory.ofThisProcess())))

print("records: fresh registers in a temporary folder (WAL; synchronous=FULL unless said)")
print(table.render())
if importedCount != recordCount {
    ExitStatus.measurementFailed.exit("the import kept \(importedCount) records, not \(recordCount)")
}
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
