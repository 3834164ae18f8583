// Publishes small events through EthicsCore's EventBus and reports events per second.
//
//   bench-bus [--events N] [--rounds N]
//
// Each round builds a fresh bus, subscribes one subscriber and publishes N events (default ten
// million) from this thread; the figure is the median round. The typed subscriber carries the
// target (5 M events/s); the pattern subscriber, which receives each event boxed as `any Event`,
// is reported for comparison.
import BenchSupport
import EthicsCore

let target = 5_000_000.0
let benchmark = BusBenchmark(arguments: CommandLine.arguments.dropFirst())

let typed = benchmark.eventsPerSecond { bus, tally in
    bus.subscribe(to: Tick.self, name: "tally") { tally.record($0) }
}
let pattern = try benchmark.eventsPerSecond { bus, tally in
    try bus.subscribe(topic: "bench.*", name: "tally") { event in
        if let tick = event as? Tick { tally.record(tick) }
    }
}

var table = ResultsTable()
table.append(ResultRow(
    benchmark: "bus", subject: "1 typed subscriber",
    figure: Format.millionsPerSecond(typed, of: "events"),
    target: ">= " + Format.millionsPerSecond(target, of: "events"),
    verdict: Verdict(met: typed >= target)))
table.append(ResultRow(
    benchmark: "bus", subject: "1 pattern subscriber (bench.*)",
    figure: Format.millionsPerSecond(pattern, of: "events")))
table.append(ResultRow(
    benchmark: "bus", subject: "this process",
    figure: "peak RSS " + Format.megabytes(PeakMemory.ofThisProcess())))

print("bus: \(benchmark.eventCount) events a round, median of \(benchmark.rounds) rounds")
print(table.render())
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
