import BenchSupport

/// The command line of `bench-startup`, parsed by hand: this program links nothing beyond the
/// standard library, so that the children it forks inherit as little as possible (see `ChildProcess`).
struct StartupOptions {
    static let usage = """
        usage: bench-startup --subject NAME=COMMAND [--subject NAME=COMMAND ...]
                             [--runs N] [--warmup N]
                             [--max-median-ms NAME=MS] [--max-peak-mb NAME=MB]

        Runs each COMMAND (split into words like a shell would, but not run by one) --warmup times
        unmeasured, then --runs times measured, the subjects taking turns so that a change in the
        machine's load falls on all of them alike. Reports each subject's median and p90 wall time
        and peak resident memory; with a limit, whether it was met (exit status 1 if not).
        Defaults: --runs 20 --warmup 3.
        """

    private(set) var subjects: [Subject] = []
    private(set) var runs = 20
    private(set) var warmup = 3

    /// Reads the options; prints usage and exits 2 on anything it does not understand.
    init(arguments: some Sequence<String>) {
        var arguments = Array(arguments)[...]
        var medianLimits: [(name: String, value: Double)] = []
        var peakLimits: [(name: String, value: Double)] = []

        while let option = arguments.popFirst() {
            switch option {
            case "--subject":
                let (name, line) = Self.pair(arguments.popFirst(), option)
                guard let command = try? ShellWords.split(line), !command.isEmpty else {
                    Self.fail("--subject \(name) needs a command")
                }
                subjects.append(Subject(name: name, command: command))
            case "--runs": runs = Self.count(arguments.popFirst(), option, minimum: 1)
            case "--warmup": warmup = Self.count(arguments.popFirst(), option, minimum: 0)
            case "--max-median-ms": medianLimits.append(Self.limit(arguments.popFirst(), option))
            case "--max-peak-mb": peakLimits.append(Self.limit(arguments.popFirst(), option))
            case "--help", "-h":
                print(Self.usage)
                ExitStatus.success.exit()
            default: Self.fail("unknown option '\(option)'")
            }
        }

        guard !subjects.isEmpty else { Self.fail("name at least one --subject") }
        for (name, milliseconds) in medianLimits {
            subjects[Self.index(of: name, in: subjects)].maximumMedian = .microseconds(milliseconds * 1_000)
        }
        for (name, megabytes) in peakLimits {
            subjects[Self.index(of: name, in: subjects)].maximumPeakBytes = Int(megabytes * 1e6)
        }
    }

    private static func pair(_ text: String?, _ option: String) -> (String, String) {
        guard let text, let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            fail("\(option) expects NAME=VALUE")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private static func limit(_ text: String?, _ option: String) -> (name: String, value: Double) {
        let (name, value) = pair(text, option)
        guard let number = Double(value), number > 0 else { fail("\(option) \(name) needs a positive number") }
        return (name, number)
    }

    private static func count(_ text: String?, _ option: String, minimum: Int) -> Int {
        guard let text, let value = Int(text), value >= minimum else {
            fail("\(option) needs a whole number of at least \(minimum)")
        }
        return value
    }

    private static func index(of name: String, in subjects: [Subject]) -> Int {
        guard let index = subjects.firstIndex(where: { $0.name == name }) else {
            fail("a limit names '\(name)', which is not a --subject")
        }
        return index
    }

    private static func fail(_ message: String) -> Never {
        ExitStatus.usage.exit("bench-startup: \(message)\n\n\(usage)")
    }
}
