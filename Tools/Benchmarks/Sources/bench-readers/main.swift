// Every kind of file the toolkit reads, at 250,000, 500,000 and 1,000,000 keys or items, read by
// the real `ethics` binary from start to exit (issue 16, item 7: linear time, and a million keys
// or items in at most 2 s for each kind):
//
// - `.dec.json`, an object of N keys, and an array of N items (`canvas-builder import`);
// - YAML, a mapping of N keys, and a list of N items (`decision-flowchart validate`);
// - CSV, a decision log of N rows (`records import --dry-run`).
//
// Each file is whole and well formed up to its last line, which holds one mistake (a duplicate
// key, a row with a field too many, a canvas without areas) that can only be found once all of it
// has been read: the command exits 2 naming that last line, so the time is the reader's over the
// whole file, without the work a valid file would start afterwards (writing a canvas, keeping a
// million records). The message is checked, so a reader that stopped early cannot look fast.
//
//   bench-readers --ethics PATH [--runs N]
//
// Growth is shown as time per 100,000 at each size: a linear reader keeps it flat.
import BenchSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

guard let ethics = option("--ethics") else {
    ExitStatus.usage.exit("usage: bench-readers --ethics PATH [--runs N]")
}
let runs = option("--runs").flatMap(Int.init) ?? 3
let sizes = [250_000, 500_000, 1_000_000]
let targetMilliseconds = 2_000.0

/// One kind of file: how to write it with `count` keys or items, how to read it, and a piece of
/// the message that proves the whole file was read.
struct Reader {
    var name: String
    var fileName: String
    var write: (Int) -> String
    var arguments: (String) -> [String]
    var lastLine: (Int) -> String
}

func join(_ count: Int, _ piece: (Int) -> String) -> String {
    var text = ""
    text.reserveCapacity(count * 16)
    for index in 0..<count { text += piece(index) }
    return text
}

let readers: [Reader] = [
    Reader(
        name: "dec.json object", fileName: "object.dec.json",
        write: { n in "{\"title\": \"Big\", \"x\": {\n" + join(n) { "\"k\($0)\": \($0),\n" } + "\"end\": 0}}\n" },
        arguments: { ["canvas-builder", "import", $0, "-o", $0 + ".canvas.yaml"] },
        lastLine: { _ in "it has no 'blobs'" }),
    Reader(
        name: "dec.json array", fileName: "array.dec.json",
        write: { n in "{\"title\": \"Big\", \"x\": [\n" + join(n) { "\($0),\n" } + "0]}\n" },
        arguments: { ["canvas-builder", "import", $0, "-o", $0 + ".canvas.yaml"] },
        lastLine: { _ in "it has no 'blobs'" }),
    Reader(
        name: "YAML mapping", fileName: "mapping.yaml",
        write: { n in join(n) { "k\($0): \($0)\n" } + "k0: again\n" },
        arguments: { ["decision-flowchart", "validate", $0] },
        lastLine: { n in ":\(n + 1):1: error: duplicate key 'k0'" }),
    Reader(
        name: "YAML list", fileName: "list.yaml",
        write: { n in "items:\n" + join(n) { "  - \($0)\n" } + "items: again\n" },
        arguments: { ["decision-flowchart", "validate", $0] },
        lastLine: { n in ":\(n + 2):1: error: duplicate key 'items'" }),
    Reader(
        name: "CSV rows", fileName: "log.csv",
        write: { n in "title,author\n" + join(n) { "Decision \($0),Officer\n" } + "last,row,extra\n" },
        arguments: { ["records", "import", $0, "--dry-run"] },
        lastLine: { n in ":\(n + 2):" }),
]

/// Runs `ethics` once with standard error to a file; its wall time, peak memory and message.
func measure(_ arguments: [String], folder: String) -> (Duration, Int, Int32, String) {
    let errorFile = folder + "/stderr.txt"
    let command = [ethics] + arguments
    let argv = command.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
    let errors = open(errorFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    defer { close(devNull); close(errors) }
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_DATA_HOME"] = folder + "/data"
    environment["ETHICS_CONFIG"] = nil
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { envp.forEach { free($0) } }
    let stopwatch = Stopwatch()
    let pid = fork()
    if pid == 0 {
        dup2(devNull, 0)
        dup2(devNull, 1)
        dup2(errors, 2)
        execve(ethics, argv, envp)
        _exit(127)
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    let elapsed = stopwatch.elapsed
    let message = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
    return (elapsed, usage.ru_maxrss * 1024, (status >> 8) & 0xff, message)
}

let folder = NSTemporaryDirectory() + "bench-readers-\(getpid())"
try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

var table = ResultsTable()
var failed = false
for reader in readers {
    var perHundredThousand: [String] = []
    for size in sizes {
        let path = folder + "/" + reader.fileName
        let text = reader.write(size)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        var times: [Duration] = []
        var peak = 0
        for _ in 0..<runs {
            let (elapsed, memory, status, message) = measure(reader.arguments(path), folder: folder)
            guard status == 2, message.contains(reader.lastLine(size)) else {
                ExitStatus.measurementFailed.exit(
                    "bench-readers: \(reader.name) at \(size) did not end with the refusal of its last line (exit \(status)):\n\(message.prefix(500))")
            }
            times.append(elapsed)
            peak = max(peak, memory)
        }
        let median = times.sorted()[times.count / 2]
        perHundredThousand.append(Format.fixed(median.milliseconds * 100_000 / Double(size), decimals: 0))
        let megabytes = Format.fixed(Double(text.utf8.count) / 1_048_576, decimals: 1)
        if size == sizes.last! {
            let met = median.milliseconds <= targetMilliseconds
            failed = failed || !met
            table.append(ResultRow(
                benchmark: "readers", subject: "\(reader.name), \(size / 1000)k (\(megabytes) MB)",
                figure: "\(Format.milliseconds(median)), peak \(Format.megabytes(peak))",
                target: "<= \(Int(targetMilliseconds)) ms", verdict: Verdict(met: met)))
        } else {
            table.append(ResultRow(
                benchmark: "readers", subject: "\(reader.name), \(size / 1000)k (\(megabytes) MB)",
                figure: "\(Format.milliseconds(median)), peak \(Format.megabytes(peak))"))
        }
    }
    table.append(ResultRow(
        benchmark: "readers", subject: "\(reader.name): ms per 100k at 250k/500k/1M",
        figure: perHundredThousand.joined(separator: " / "), target: "flat (linear)"))
}
print(table.render())
if failed { ExitStatus.targetMissed.exit() }
