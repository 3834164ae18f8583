// Measures the glossary's indexes on a generated glossary of 100,000 terms.
//
//   bench-glossary [--terms N] [--rounds N] [--queries N] [--document-bytes N]
//
// Four figures, each against the target the glossary issue sets:
//   search index    a Glossary's search index (labels, trigrams, full text), which it builds on
//                   its first search or look-up: median of --rounds builds; target under 300 ms.
//   phrase matcher  the phrase matcher that links terms, which it builds on its first link (and
//                   which is all that linking builds): median of --rounds builds; under 300 ms.
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

/// The median of `rounds` builds of a fresh glossary's index, each forced by `use`. Every
/// glossary is kept until all are built, so that no round's timing includes freeing the one
/// built before it. Returns the last glossary, its index built.
func timeIndexBuilds(_ use: (Glossary) -> Void) -> (median: Duration, glossary: Glossary) {
    var builds: [Duration] = []
    var glossaries: [Glossary] = []
    for _ in 0..<benchmark.rounds {
        var fresh: Glossary?
        builds.append(Stopwatch.time {
            let glossary = Glossary(entries: entries)
            use(glossary)
            fresh = glossary
        })
        glossaries.append(fresh!)
    }
    return (Distribution(builds).median, glossaries.removeLast())
}
// A look-up of nothing builds the search index and then finds nothing at once.
let (searchBuild, built) = timeIndexBuilds { _ = $0.resolve("") }
// Linking an empty document builds the phrase matcher and then has nothing to do.
let (phraseBuild, _) = timeIndexBuilds { _ = TermLinker(glossary: $0).link(Document(title: "", blocks: [])) }

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
// The phrase matcher is built before the clock starts: the figure is linking alone.
_ = linker.link(Document(title: "", blocks: []))
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

let query = Distribution(queries)
let link = Distribution(links).median
var table = ResultsTable()
table.append(ResultRow(
    benchmark: "glossary", subject: "search index build, \(benchmark.termCount) terms",
    figure: Format.milliseconds(searchBuild), target: "< 300.00 ms", verdict: Verdict(met: searchBuild < .milliseconds(300))))
table.append(ResultRow(
    benchmark: "glossary", subject: "phrase matcher build, \(benchmark.termCount) terms",
    figure: Format.milliseconds(phraseBuild), target: "< 300.00 ms", verdict: Verdict(met: phraseBuild < .milliseconds(300))))
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
