import BenchSupport

/// One configuration of the flowchart benchmark.
struct FlowchartBenchmark {
    static let usage = "usage: bench-flowchart [--sizes N,N,...] [--rounds N]"

    /// Chart sizes in nodes; the last is the one the target applies to.
    var sizes = [10_000, 50_000, 100_000]
    /// Runs of each phase per size; the figure is their median.
    var rounds = 5

    /// Reads the options; prints usage and exits 2 on anything else.
    init(arguments: some Sequence<String>) {
        var arguments = Array(arguments)[...]
        while let option = arguments.popFirst() {
            switch option {
            case "--sizes":
                let values = (arguments.popFirst() ?? "").split(separator: ",").map { Int($0) ?? 0 }
                guard !values.isEmpty, values.allSatisfy({ $0 >= 10 }) else { Self.fail("expected sizes of at least 10 nodes, comma-separated") }
                sizes = values
            case "--rounds":
                guard let text = arguments.popFirst(), let value = Int(text), value > 0 else { Self.fail("expected a positive number") }
                rounds = value
            case "--help", "-h":
                print(Self.usage)
                ExitStatus.success.exit()
            default: Self.fail("unknown option '\(option)'")
            }
        }
    }

    private static func fail(_ message: String) -> Never {
        ExitStatus.usage.exit("bench-flowchart: \(message)\n\(usage)")
    }
}
