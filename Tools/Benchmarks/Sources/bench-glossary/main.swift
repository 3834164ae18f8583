// Measures the glossary's indexes on a generated glossary of 100,000 terms.
//
//   bench-glossary [--terms N] [--rounds N] [--queries N] [--document-bytes N]
//
// Three figures, each against the target the glossary issue sets:
//   index build     building a Glossary (search index and auto-link matcher) from its entries,
//                   median of --rounds builds; target under 300 ms.
//   misspelling     one search for an existing label with one typing mistake in it, median of
//                   --queries searches; target under 2 ms. Each search must find the entry it
//                   misspells, or the figure is no result.
//   auto-linking    linking a generated 1 MB document, median of --rounds runs; target under
//                   100 ms.
import BenchSupport
import EthicsCore
import Glossary

let benchmark = GlossaryBenchmark(arguments: CommandLine.arguments.dropFirst())
var synthetic = SyntheticGlossary()
let entries = synthetic.entries(count: benchmark.termCount)

var builds: [Duration] = []
var glossaries: [Glossary] = []
for _ in 0..<benchmark.rounds {
    // Each build is kept until all are done, so that no round's timing includes freeing the
    // glossary built before it.
    var fresh: Glossary?
    builds.append(Stopwatch.time { fresh = Glossary(entries: entries) })
    glossaries.append(fresh!)
}
let built = glossaries.removeLast()
glossaries.removeAll()

var missed = 0
let queries = (0..<benchmark.queryCount).map { _ in
    let target = synthetic.pick(entries)
    let query = synthetic.misspelling(of: target.label)
    var hits: [SearchHit] = []
    let elapsed = Stopwatch.time { hits = built.search(query, limit: 10) }
    if !hits.contains(where: { $0.entry.id == target.id }) { missed += 1 }
    return elapsed
}
// A search that is fast because it gave up is no result; allow the few typos that turn one
// made-up label into another, closer one.
guard missed * 100 <= benchmark.queryCount else {
    ExitStatus.measurementFailed.exit("bench-glossary: \(missed) of \(benchmark.queryCount) misspelled queries missed their entry")
}

let document = synthetic.document(bytes: benchmark.documentBytes, mentioning: entries)
let documentBytes = document.blocks.reduce(0) { $0 + $1.plainText.utf8.count }
let linker = TermLinker(glossary: built)
var linkedTerms = 0
let links = (0..<benchmark.rounds).map { _ in
    var linked: Document?
    let elapsed = Stopwatch.time { linked = linker.link(document) }
    linkedTerms = linked!.blocks.reduce(0) { count, block in
        guard case .paragraph(let content) = block else { return count }
        return count + content.filter { if case .termReference = $0 { true } else { false } }.count
    }
    return elapsed
}
guard linkedTerms > 0 else {
    ExitStatus.measurementFailed.exit("bench-glossary: the document was linked to no term")
}

let build = Distribution(builds).median
let query = Distribution(queries)
let link = Distribution(links).median
var table = ResultsTable()
table.append(ResultRow(
    benchmark: "glossary", subject: "index build, \(benchmark.termCount) terms",
    figure: Format.milliseconds(build), target: "< 300.00 ms", verdict: Verdict(met: build < .milliseconds(300))))
table.append(ResultRow(
    benchmark: "glossary", subject: "misspelled query, median",
    figure: Format.milliseconds(query.median), target: "< 2.00 ms", verdict: Verdict(met: query.median < .milliseconds(2))))
table.append(ResultRow(
    benchmark: "glossary", subject: "misspelled query, p99",
    figure: Format.milliseconds(query.percentile(99))))
table.append(ResultRow(
    benchmark: "glossary", subject: "auto-linking \(Format.megabytes(documentBytes)) document",
    figure: Format.milliseconds(link), target: "< 100.00 ms", verdict: Verdict(met: link < .milliseconds(100))))
table.append(ResultRow(
    benchmark: "glossary", subject: "terms linked in that document", figure: String(linkedTerms)))
table.append(ResultRow(
    benchmark: "glossary", subject: "this process", figure: "peak RSS " + Format.megabytes(PeakMemory.ofThisProcess())))

print("glossary: \(benchmark.termCount) generated terms; \(benchmark.queryCount) queries (\(missed) missed); median of \(benchmark.rounds) rounds")
print(table.render())
(table.allTargetsMet ? ExitStatus.success : .targetMissed).exit()
