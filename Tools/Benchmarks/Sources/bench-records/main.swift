// The records register on SQLite: writing records one at a time (each its own transaction,
// journalled), with the durability the register always uses (synchronous=FULL: the write-ahead log
// is synced at every commit) and, for comparison, with synchronous=NORMAL (synced at checkpoints);
// and verifying a long journal.
//
//   bench-records [--records N] [--journal N]
//
// Targets (issue 8): 10,000 records written in under 2 s; a 100,000-entry journal verified in
// under 1 s. The journal for the second figure holds the records' own entries plus small events
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

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    return number
}

let recordCount = option("--records", default: 10_000)
let journalTarget = option("--journal", default: 100_000)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ethics-bench-records-\(getpid())")
defer { try? FileManager.default.removeItem(at: directory) }

/// Writes `recordCount` records into a fresh register in `folder`, one transaction each.
func writeRecords(into store: RecordStore) throws -> Duration {
    let writing = Stopwatch()
    for index in 0..<recordCount {
        _ = try store.record(RecordDraft(
            kind: index % 3 == 0 ? .canvas : .decision, title: "Proposal \(index): predictive analytics for housing repairs",
            author: "Officer \(index % 17)", status: "recorded", reviewBy: CalendarDate(year: 2027, month: 1 + index % 12, day: 1),
            tags: ["housing", "analytics"], attributes: ["justice", "explicability"],
            body: Data(#"{"summary":"A reasoned decision with its lens table and obligations.","step":\#(index)}"#.utf8)))
    }
    return writing.elapsed
}

let normalTime = try writeRecords(into: RecordStore(workspace: directory.path + "/normal", durability: .normal))
let store = try RecordStore(workspace: directory.path + "/full")
let writeTime = try writeRecords(into: store)

let present = try store.verify().entryCount
for number in 0..<max(0, journalTarget - present) {
    try store.journal(Tick(number: number))
}
let verifying = Stopwatch()
let verification = try store.verify()
let verifyTime = verifying.elapsed

var table = ResultsTable()
table.append(ResultRow(
    benchmark: "records", subject: "\(recordCount) records written, one transaction each",
    figure: "\(Format.milliseconds(writeTime)) (\(Format.fixed(Double(recordCount) / writeTime.seconds, decimals: 0)) records/s)",
    target: "< 2000 ms", verdict: Verdict(met: writeTime.seconds < 2)))
table.append(ResultRow(
    benchmark: "records", subject: "the same with synchronous=NORMAL",
    figure: "\(Format.milliseconds(normalTime)) (\(Format.fixed(Double(recordCount) / normalTime.seconds, decimals: 0)) records/s)"))
table.append(ResultRow(
    benchmark: "records", subject: "verify a \(verification.entryCount)-entry journal",
    figure: "\(Format.milliseconds(verifyTime)) (\(verification.isIntact ? "intact" : "NOT intact"))",
    target: "< 1000 ms", verdict: Verdict(met: verifyTime.seconds < 1 && verification.isIntact)))
table.append(ResultRow(benchmark: "records", subject: "this process", figure: "peak RSS " + Format.megabytes(PeakMemory.ofThisProcess())))

print("records: a fresh register in a temporary folder (WAL; synchronous=FULL unless said)")
print(table.render())
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
