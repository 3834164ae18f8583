// Times every command of the README's tour on the shipped content, for one or more `ethics`
// binaries side by side, beside yardsticks such as `deon --help` and `true`. See
// `TourOptions.usage` and the tour file, Tools/Benchmarks/tour.txt.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchSupport

let options = TourOptions(arguments: CommandLine.arguments.dropFirst())
let tour = Tour(file: options.tourFile)

/// A throwaway folder for the whole run, with one folder inside for each binary.
func makeScratchFolder() -> String {
    var template = Array("/tmp/bench-tour.XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else {
        ExitStatus.measurementFailed.exit("bench-tour: cannot make a temporary folder (errno \(errno))")
    }
    return String(cString: made)
}

let scratch = makeScratchFolder()
let year: String = {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    return String(parts.tm_year + 1900)
}()

/// What a binary's commands run with: its own workspace, and the default configuration.
struct Workspace {
    let folder: String
    let environment: [String]

    func process(_ binary: String, _ step: Tour.Step) -> ChildProcess {
        let arguments = step.arguments.map { argument in
            argument.replacing("{work}", with: folder).replacing("{year}", with: year)
        }
        return ChildProcess([binary] + arguments, environment: environment, expectedStatus: step.expectedStatus)
    }
}

func fail(_ message: String) -> Never {
    _ = try? ChildProcess(["rm", "-rf", scratch]).run()
    ExitStatus.measurementFailed.exit("bench-tour: \(message)")
}

let workspaces = options.binaries.map { binary in
    let folder = scratch + "/" + binary.name
    guard mkdir(folder, 0o700) == 0 else { fail("cannot make \(folder) (errno \(errno))") }
    var environment = ["XDG_DATA_HOME=\(folder)/data"]
    if let config = options.config { environment.append("ETHICS_CONFIG=\(config)") }
    return Workspace(folder: folder, environment: environment)
}

// Each binary prepares its own workspace: a register written by the binary that reads it.
for (binary, workspace) in zip(options.binaries, workspaces) {
    for step in tour.setup {
        do {
            _ = try workspace.process(binary.path, step).run()
        } catch {
            fail("setup for \(binary.name): \(error)")
        }
    }
}

/// The median wall time of each process, run in turns after `warmup` unmeasured rounds.
func medians(_ processes: [ChildProcess]) throws(CommandFailure) -> [Duration] {
    for _ in 0..<options.warmup {
        for process in processes { _ = try process.run() }
    }
    var times = Array(repeating: [Duration](), count: processes.count)
    for _ in 0..<options.runs {
        for (index, process) in processes.enumerated() {
            times[index].append(try process.run().wallTime)
        }
    }
    return times.map { Distribution($0).median }
}

let names = options.binaries.map(\.name)
let judged = names[names.count - 1]
var header = ["command"] + names
if names.count > 1 { header.append("\(names[0]) / \(judged)") }
header += ["target", "result"]
var lines = [header]
var missed = 0

for step in tour.measured {
    let processes = zip(options.binaries, workspaces).map { binary, workspace in
        workspace.process(binary.path, step)
    }
    let figures: [Duration]
    do {
        figures = try medians(processes)
    } catch {
        fail("\(error)")
    }
    let target = step.targetMilliseconds ?? .infinity
    let met = figures[figures.count - 1].milliseconds <= target
    if !met { missed += 1 }
    var line = [step.title] + figures.map(Format.milliseconds)
    if names.count > 1 {
        line.append(Format.fixed(figures[0] / figures[figures.count - 1], decimals: 2) + "x")
    }
    line += ["<= " + Format.fixed(target, decimals: 0) + " ms", Verdict(met: met).label]
    lines.append(line)
}

// The yardsticks take turns with each other; each figure goes in the judged binary's column.
if !options.yardsticks.isEmpty {
    let figures: [Duration]
    do {
        figures = try medians(options.yardsticks.map { ChildProcess($0.command) })
    } catch {
        fail("\(error)")
    }
    for (yardstick, figure) in zip(options.yardsticks, figures) {
        var line = ["\(yardstick.name) (yardstick)"] + Array(repeating: "-", count: names.count - 1) + [Format.milliseconds(figure)]
        if names.count > 1 { line.append("-") }
        line += ["-", "-"]
        lines.append(line)
    }
}

_ = try? ChildProcess(["rm", "-rf", scratch]).run()

print("tour: \(tour.measured.count) commands on the shipped content; median wall time of \(options.runs) runs each after \(options.warmup) warm-up, the binaries taking turns")
for binary in options.binaries {
    print("  \(binary.name): \(binary.path)")
}
for yardstick in options.yardsticks {
    print("  \(yardstick.name): \(yardstick.command.joined(separator: " "))")
}
print(ResultsTable.aligned(lines))
print(missed == 0 ? "tour: every command met its target" : "tour: \(missed) of \(tour.measured.count) commands missed their target")
(missed == 0 ? ExitStatus.success : .targetMissed).exit()
