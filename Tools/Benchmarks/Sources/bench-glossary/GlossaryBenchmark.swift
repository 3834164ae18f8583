import BenchSupport

/// One configuration of the glossary benchmark.
struct GlossaryBenchmark {
    static let usage = "usage: bench-glossary [--terms N] [--rounds N] [--queries N] [--document-bytes N]"

    var termCount = 100_000
    /// Index builds and document links measured; the figure is their median.
    var rounds = 5
    /// Misspelled queries measured; the figure is their median.
    var queryCount = 1_000
    var documentBytes = 1_000_000

    /// Reads the options; prints usage and exits 2 on anything else.
    init(arguments: some Sequence<String>) {
        var arguments = Array(arguments)[...]
        while let option = arguments.popFirst() {
            switch option {
            case "--terms": termCount = Self.positive(arguments.popFirst())
            case "--rounds": rounds = Self.positive(arguments.popFirst())
            case "--queries": queryCount = Self.positive(arguments.popFirst())
            case "--document-bytes": documentBytes = Self.positive(arguments.popFirst())
            case "--help", "-h":
                print(Self.usage)
                ExitStatus.success.exit()
            default: Self.fail("unknown option '\(option)'")
            }
        }
    }

    private static func positive(_ text: String?) -> Int {
        guard let text, let value = Int(text), value > 0 else { fail("expected a positive number") }
        return value
    }

    private static func fail(_ message: String) -> Never {
        ExitStatus.usage.exit("bench-glossary: \(message)\n\(usage)")
    }
}
