// Measures how long commands take to start and how much memory they need, side by side:
// `ethics --help` against another tool's `--help`, say. See `StartupOptions.usage`.
import BenchSupport

let options = StartupOptions(arguments: CommandLine.arguments.dropFirst())

/// Each subject's measured runs, taken in turns so that no subject gets a quieter machine.
func measure() throws(CommandFailure) -> [[CommandRun]] {
    let processes = options.subjects.map { ChildProcess($0.command) }
    for _ in 0..<options.warmup {
        for process in processes { _ = try process.run() }
    }
    var runs = Array(repeating: [CommandRun](), count: processes.count)
    for _ in 0..<options.runs {
        for (index, process) in processes.enumerated() {
            runs[index].append(try process.run())
        }
    }
    return runs
}

let runs: [[CommandRun]]
do {
    runs = try measure()
} catch {
    ExitStatus.measurementFailed.exit("bench-startup: \(error)")
}

let wallTimes = runs.map { Distribution($0.map(\.wallTime)) }
let peaks = runs.map { Distribution($0.map(\.peakResidentBytes)) }
var table = ResultsTable()

/// A row for one figure of one subject; `target` is the limit as written and whether it was met.
func row(_ subject: Subject, _ figure: String, target: (limit: String, met: Bool)? = nil) -> ResultRow {
    ResultRow(
        benchmark: "startup", subject: subject.name, figure: figure,
        target: target.map { "< \($0.limit)" } ?? "-",
        verdict: target.map { Verdict(met: $0.met) } ?? .information)
}

// Grouped by figure, so that the subjects' numbers for each sit next to one another.
for (subject, wall) in zip(options.subjects, wallTimes) {
    table.append(row(subject, "median " + Format.milliseconds(wall.median), target: subject.maximumMedian.map {
        (Format.milliseconds($0), wall.median < $0)
    }))
}
for (subject, wall) in zip(options.subjects, wallTimes) {
    table.append(row(subject, "p90 " + Format.milliseconds(wall.percentile(90))))
}
for (subject, peak) in zip(options.subjects, peaks) {
    table.append(row(subject, "peak RSS " + Format.megabytes(peak.maximum), target: subject.maximumPeakBytes.map {
        (Format.megabytes($0), peak.maximum < $0)
    }))
}

print("startup: \(options.runs) runs of each after \(options.warmup) warm-up, taking turns")
for subject in options.subjects {
    print("  \(subject.name): \(subject.command.joined(separator: " "))")
}
print(table.render())
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
