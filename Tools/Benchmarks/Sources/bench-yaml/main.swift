// YAML into typed values: EthicsYAML (the system libyaml, arena nodes, strict decoder) against
// Yams' YAMLDecoder and PyYAML (its libyaml-backed CSafeLoader, the fastest loader it has) on the
// same generated glossary, each decode in its own child process so that each one's peak memory is
// its own.
//
//   bench-yaml [--megabytes N] [--rounds N] [--python PATH]    (PyYAML is measured when given a
//                                                               Python that has it)
//
// Targets (issue 2): at least 10 MB/s, at least 3x Yams' throughput, and peak memory growth
// under 4x the file size. "Growth" is the child's peak resident memory minus what it had before
// reading the file (the Swift runtime and libraries), which is what decoding the file costs.
import BenchSupport
import EthicsYAML
import Foundation
import Yams

let arguments = Array(CommandLine.arguments.dropFirst())

if arguments.first == "--child" {
    // bench-yaml --child ethics|yams FILE RESULT
    let (decoder, file, result) = (arguments[1], arguments[2], arguments[3])
    let baseline = PeakMemory.ofThisProcess()
    let stopwatch = Stopwatch()
    let entries: Int
    switch decoder {
    case "ethics":
        entries = try EthicsYAML.YAMLDecoder().decode(GlossaryFile.self, fromFile: file).entries.count
    case "ethics-parse":
        entries = try YAMLParser.parse(file: file).root?["entries"]?.count ?? 0
    default:
        let text = try String(contentsOfFile: file, encoding: .utf8)
        entries = try Yams.YAMLDecoder().decode(GlossaryFile.self, from: text).entries.count
    }
    let seconds = stopwatch.elapsed.seconds
    let line = "\(seconds) \(baseline) \(PeakMemory.ofThisProcess()) \(entries)\n"
    try line.write(toFile: result, atomically: true, encoding: .utf8)
    exit(0)
}

func option(_ name: String, default value: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    return number
}

/// A Python child that loads the file with PyYAML and reports like the Swift children do.
let pyyamlChild = """
    import resource, sys, time, yaml
    path, result = sys.argv[1], sys.argv[2]
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        data = yaml.load(f, Loader=yaml.CSafeLoader)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    with open(result, "w") as out:
        out.write(f"{seconds} {baseline} {peak} {len(data['entries'])}\\n")
    """
let python: String? = {
    guard let index = arguments.firstIndex(of: "--python"), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}()

let megabytes = option("--megabytes", default: 10)
let rounds = option("--rounds", default: 3)
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ethics-bench-yaml-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let file = directory.appendingPathComponent("glossary.yaml").path
try GlossaryGenerator(targetBytes: megabytes * 1_000_000).text().write(toFile: file, atomically: true, encoding: .utf8)
let fileSize = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0

struct Measurement {
    var seconds: Double
    var growth: Int
    var peak: Int
    var entries: Int
}

/// The median-time round of `rounds` child runs of one decoder.
func measure(_ decoder: String) throws -> Measurement {
    let self_ = URL(fileURLWithPath: CommandLine.arguments[0]).path
    var runs: [Measurement] = []
    for round in 0..<rounds {
        let result = directory.appendingPathComponent("\(decoder)-\(round).txt").path
        if decoder == "pyyaml", let python {
            _ = try ChildProcess([python, "-c", pyyamlChild, file, result]).run()
        } else {
            _ = try ChildProcess([self_, "--child", decoder, file, result]).run()
        }
        let fields = try String(contentsOfFile: result, encoding: .utf8).split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        let (seconds, baseline, peak, entries) = (Double(fields[0])!, Int(fields[1])!, Int(fields[2])!, Int(fields[3])!)
        runs.append(Measurement(seconds: seconds, growth: peak - baseline, peak: peak, entries: entries))
    }
    return runs.sorted { $0.seconds < $1.seconds }[runs.count / 2]
}

let ethics = try measure("ethics")
let parseOnly = try measure("ethics-parse")
let yams = try measure("yams")
let pyyaml = try python.map { _ in try measure("pyyaml") }
let ethicsRate = Double(fileSize) / 1_000_000 / ethics.seconds
let yamsRate = Double(fileSize) / 1_000_000 / yams.seconds
let ratio = ethicsRate / yamsRate
let memoryMultiple = Double(ethics.growth) / Double(fileSize)

var table = ResultsTable()
table.append(ResultRow(benchmark: "yaml", subject: "EthicsYAML decode", figure: "\(Format.fixed(ethicsRate, decimals: 1)) MB/s (\(Format.fixed(ethics.seconds * 1000, decimals: 0)) ms)", target: ">= 10 MB/s", verdict: Verdict(met: ethicsRate >= 10)))
table.append(ResultRow(benchmark: "yaml", subject: "Yams 6 YAMLDecoder", figure: "\(Format.fixed(yamsRate, decimals: 1)) MB/s (\(Format.fixed(yams.seconds * 1000, decimals: 0)) ms)"))
if let pyyaml {
    let rate = Double(fileSize) / 1_000_000 / pyyaml.seconds
    table.append(ResultRow(benchmark: "yaml", subject: "PyYAML CSafeLoader", figure: "\(Format.fixed(rate, decimals: 1)) MB/s (\(Format.fixed(pyyaml.seconds * 1000, decimals: 0)) ms), growth \(Format.megabytes(pyyaml.growth)) = \(Format.fixed(Double(pyyaml.growth) / Double(fileSize), decimals: 2))x file"))
    table.append(ResultRow(benchmark: "yaml", subject: "EthicsYAML / PyYAML throughput", figure: "\(Format.fixed(ethicsRate / rate, decimals: 1))x"))
}
table.append(ResultRow(benchmark: "yaml", subject: "EthicsYAML / Yams throughput", figure: "\(Format.fixed(ratio, decimals: 1))x", target: ">= 3x", verdict: Verdict(met: ratio >= 3)))
table.append(ResultRow(benchmark: "yaml", subject: "EthicsYAML peak memory growth", figure: "\(Format.megabytes(ethics.growth)) = \(Format.fixed(memoryMultiple, decimals: 2))x file (peak RSS \(Format.megabytes(ethics.peak)))", target: "< 4x file", verdict: Verdict(met: memoryMultiple < 4)))
table.append(ResultRow(benchmark: "yaml", subject: "EthicsYAML parse only (nodes)", figure: "\(Format.fixed(Double(fileSize) / 1_000_000 / parseOnly.seconds, decimals: 1)) MB/s, growth \(Format.megabytes(parseOnly.growth)) = \(Format.fixed(Double(parseOnly.growth) / Double(fileSize), decimals: 2))x file"))
table.append(ResultRow(benchmark: "yaml", subject: "Yams peak memory growth", figure: "\(Format.megabytes(yams.growth)) = \(Format.fixed(Double(yams.growth) / Double(fileSize), decimals: 2))x file (peak RSS \(Format.megabytes(yams.peak)))"))

print("yaml: \(Format.megabytes(fileSize)) glossary, \(ethics.entries) entries, median of \(rounds) runs each, one child process per run")
print(table.render())
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
