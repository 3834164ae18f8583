import BenchSupport

/// The command line of `bench-tour`, parsed by hand like the other start-up benchmarks, so that
/// the children it forks inherit as little as possible (see `ChildProcess`).
struct TourOptions {
    static let usage = """
        usage: bench-tour --tour FILE --ethics NAME=PATH [--ethics NAME=PATH ...]
                          [--yardstick NAME=COMMAND ...] [--config FILE] [--runs N] [--warmup N]

        Runs every command of the tour FILE with each `ethics` binary, --warmup times unmeasured
        and then --runs times measured, the binaries (and then the yardsticks) taking turns so
        that a change in the machine's load falls on all of them alike, and prints the median
        wall time of each command for each binary side by side. The last --ethics is the one
        held to the tour's targets (exit status 1 if it misses one); the others are there to
        compare it with. Each binary gets a throwaway workspace of its own, prepared by the
        tour's `setup` lines. --config FILE is the configuration a command uses when it names
        none (ETHICS_CONFIG). Defaults: --runs 20 --warmup 3.
        """

    struct Binary {
        let name: String
        let path: String
    }

    struct Yardstick {
        let name: String
        let command: [String]
    }

    private(set) var tourFile = ""
    private(set) var binaries: [Binary] = []
    private(set) var yardsticks: [Yardstick] = []
    private(set) var config: String?
    private(set) var runs = 20
    private(set) var warmup = 3

    /// Reads the options; prints usage and exits 2 on anything it does not understand.
    init(arguments: some Sequence<String>) {
        var arguments = Array(arguments)[...]
        while let option = arguments.popFirst() {
            switch option {
            case "--tour": tourFile = Self.value(arguments.popFirst(), option)
            case "--config": config = Self.value(arguments.popFirst(), option)
            case "--ethics":
                let (name, path) = Self.pair(arguments.popFirst(), option)
                binaries.append(Binary(name: name, path: path))
            case "--yardstick":
                let (name, line) = Self.pair(arguments.popFirst(), option)
                guard let command = try? ShellWords.split(line), !command.isEmpty else {
                    Self.fail("--yardstick \(name) needs a command")
                }
                yardsticks.append(Yardstick(name: name, command: command))
            case "--runs": runs = Self.count(arguments.popFirst(), option, minimum: 1)
            case "--warmup": warmup = Self.count(arguments.popFirst(), option, minimum: 0)
            case "--help", "-h":
                print(Self.usage)
                ExitStatus.success.exit()
            default: Self.fail("unknown option '\(option)'")
            }
        }
        guard !tourFile.isEmpty else { Self.fail("name the tour with --tour FILE") }
        guard !binaries.isEmpty else { Self.fail("name at least one --ethics binary") }
    }

    private static func value(_ text: String?, _ option: String) -> String {
        guard let text, !text.isEmpty else { fail("\(option) needs a value") }
        return text
    }

    private static func pair(_ text: String?, _ option: String) -> (String, String) {
        guard let text, let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            fail("\(option) expects NAME=VALUE")
        }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    private static func count(_ text: String?, _ option: String, minimum: Int) -> Int {
        guard let text, let value = Int(text), value >= minimum else {
            fail("\(option) needs a whole number of at least \(minimum)")
        }
        return value
    }

    static func fail(_ message: String) -> Never {
        ExitStatus.usage.exit("bench-tour: \(message)\n\n\(usage)")
    }
}
