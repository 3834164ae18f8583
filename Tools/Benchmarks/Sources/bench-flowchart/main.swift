// Measures how long decision-flowchart takes to check a generated chart, at several sizes, so
// that linear growth is visible.
//
//   bench-flowchart [--sizes 10000,50000,100000] [--rounds N]
//
// For each size, the median of --rounds runs of each phase:
//   parse     YAML text to positioned nodes (EthicsYAML, libyaml);
//   decode    nodes to the flowchart model (strict Decodable);
//   validate  the content checks and the graph checks (duplicate ids, unknown targets,
//             reachability from the start, reverse reachability from the outcomes, cycles with
//             no exit): FlowchartLoader.problems(in:). Target: under 200 ms at 100,000 nodes.
// and ms per 1000 nodes for validation, which stays flat when the growth is linear.
import BenchSupport
import DecisionFlowchart
import EthicsCore
import EthicsDiagnostics
import EthicsYAML

let benchmark = FlowchartBenchmark(arguments: CommandLine.arguments.dropFirst())
let attributes = AttributeCatalog(["beneficence", "non-maleficence", "autonomy", "justice", "explicability"].map {
    Attribute(id: $0, name: $0, summary: $0)
})
let loader = FlowchartLoader(attributes: attributes)
var table = ResultsTable()
var bytesBySize: [Int: Int] = [:]

for size in benchmark.sizes {
    let text = SyntheticFlowchart.yaml(nodes: size)
    bytesBySize[size] = text.utf8.count
    var parses: [Duration] = []
    var decodes: [Duration] = []
    var validations: [Duration] = []
    var problemCount = 0
    for _ in 0..<benchmark.rounds {
        var document: YAMLDocument?
        parses.append(Stopwatch.time { document = try? YAMLParser.parse(text, file: "synthetic.yaml") })
        guard let document else { ExitStatus.measurementFailed.exit("bench-flowchart: the generated chart did not parse") }
        var failures = DiagnosticCollector()
        var chart: Flowchart?
        decodes.append(Stopwatch.time { chart = loader.decode(document, named: "synthetic.yaml", at: nil, into: &failures) })
        guard let chart, chart.nodeCount == size else {
            ExitStatus.measurementFailed.exit("bench-flowchart: the generated chart did not decode: \(failures.diagnostics.prefix(3))")
        }
        var problems: [Diagnostic] = []
        validations.append(Stopwatch.time { problems = loader.problems(in: [chart]) })
        problemCount = problems.count
    }
    // A check that is fast because it found the chart broken early is no result.
    guard problemCount == 0 else { ExitStatus.measurementFailed.exit("bench-flowchart: the generated chart of \(size) nodes has \(problemCount) problems") }
    let parse = Distribution(parses).median
    let decode = Distribution(decodes).median
    let validate = Distribution(validations).median
    let perThousand = validate / (size / 1000)
    let isTarget = size == 100_000
    table.append(ResultRow(benchmark: "flowchart", subject: "\(size) nodes: parse", figure: Format.milliseconds(parse)))
    table.append(ResultRow(benchmark: "flowchart", subject: "\(size) nodes: decode", figure: Format.milliseconds(decode)))
    table.append(ResultRow(
        benchmark: "flowchart", subject: "\(size) nodes: validate", figure: Format.milliseconds(validate),
        target: isTarget ? "< 200.00 ms" : "-", verdict: isTarget ? Verdict(met: validate < .milliseconds(200)) : .information))
    table.append(ResultRow(
        benchmark: "flowchart", subject: "\(size) nodes: validate per 1000 nodes", figure: Format.milliseconds(perThousand)))
    table.append(ResultRow(
        benchmark: "flowchart", subject: "\(size) nodes: parse+decode+validate", figure: Format.milliseconds(parse + decode + validate)))
}
table.append(ResultRow(
    benchmark: "flowchart", subject: "this process", figure: "peak RSS " + Format.megabytes(PeakMemory.ofThisProcess())))

let sizes = benchmark.sizes.map { "\($0) (\(Format.megabytes(bytesBySize[$0] ?? 0)))" }.joined(separator: ", ")
print("flowchart: generated charts of \(sizes) nodes; median of \(benchmark.rounds) rounds")
print(table.render())
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
