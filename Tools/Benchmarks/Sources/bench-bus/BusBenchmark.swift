import BenchSupport
import EthicsCore

/// One configuration of the bus benchmark: how many events per round, and how many rounds.
struct BusBenchmark {
    static let usage = "usage: bench-bus [--events N] [--rounds N]"

    var eventCount = 10_000_000
    var rounds = 3

    /// Reads `--events N` and `--rounds N`; prints usage and exits 2 on anything else.
    init(arguments: some Sequence<String>) {
        var arguments = Array(arguments)[...]
        while let option = arguments.popFirst() {
            switch option {
            case "--events": eventCount = Self.positive(arguments.popFirst())
            case "--rounds": rounds = Self.positive(arguments.popFirst())
            case "--help", "-h":
                print(Self.usage)
                ExitStatus.success.exit()
            default: Self.fail("unknown option '\(option)'")
            }
        }
    }

    /// The median rate over `rounds` rounds of `eventCount` ticks through a fresh bus that
    /// `subscribe` set up. Exits if any tick was lost or duplicated: a fast wrong bus is no result.
    func eventsPerSecond(subscribe: (EventBus, Tally) throws -> Void) rethrows -> Double {
        let rates = try (0..<rounds).map { _ in
            let bus = EventBus()
            let tally = Tally()
            try subscribe(bus, tally)
            let elapsed = Stopwatch.time {
                for sequence in 0..<eventCount {
                    bus.publish(Tick(sequence: sequence))
                }
            }
            guard tally.accountsFor(eventCount) else {
                ExitStatus.measurementFailed.exit("bench-bus: events were lost or duplicated")
            }
            return Double(eventCount) / elapsed.seconds
        }
        return Distribution(rates).median
    }

    private static func positive(_ text: String?) -> Int {
        guard let text, let value = Int(text), value > 0 else { fail("expected a positive number") }
        return value
    }

    private static func fail(_ message: String) -> Never {
        ExitStatus.usage.exit("bench-bus: \(message)\n\(usage)")
    }
}
