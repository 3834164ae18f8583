import EthicsCore
@testable import Glossary
import Synchronization
import Testing

@Suite struct GlossaryEntryTests {
    @Test func summarisesWithTheFirstSentenceOnly() {
        let entry = GlossaryEntry(id: "x", label: "X", definition: "A check, e.g. a DPIA, made early. It is then kept up to date.")
        #expect(entry.summary == "A check, e.g. a DPIA, made early.")
        #expect(GlossaryEntry(id: "y", label: "Y", definition: "One sentence without a stop").summary == "One sentence without a stop")
        // The sentence after may begin with any capital, and the text may end on a stop.
        #expect(GlossaryEntry(id: "z", label: "Z", definition: "Café first. Élan second.").summary == "Café first.")
        #expect(GlossaryEntry(id: "z", label: "Z", definition: "Ends here. ").summary == "Ends here. ")
        #expect(GlossaryEntry(id: "z", label: "Z", definition: "Ends here.").summary == "Ends here.")
        // A space carrying a combining mark is not a space between sentences.
        #expect(GlossaryEntry(id: "z", label: "Z", definition: "Odd. \u{301}Then. Next.").summary == "Odd. \u{301}Then.")
    }

    @Test func countsAResourceAddressAsItsOwnSource() {
        #expect(!GlossaryEntry(id: "t", label: "T", definition: "d").hasSource)
        #expect(GlossaryEntry(id: "t", label: "T", definition: "d", sources: [.entry("r")]).hasSource)
        #expect(GlossaryEntry(id: "r", kind: .resource(.tool), label: "R", definition: "d", url: "https://example.org").hasSource)
        #expect(!GlossaryEntry(id: "r", kind: .resource(.tool), label: "R", definition: "d").hasSource)
    }

    @Test func anchorsEntriesWhereTheRendererLinksTerms() {
        #expect(GlossaryEntry(id: "data-protection", label: "Data protection", definition: "d").anchor == Inline.anchor(forTerm: "data-protection"))
    }

    @Test func findsEntriesByIdAndKeepsTheFirstOfARepeatedId() {
        let glossary = Glossary(entries: [
            GlossaryEntry(id: "a", label: "First", definition: "1"),
            GlossaryEntry(id: "a", label: "Second", definition: "2"),
        ])
        #expect(glossary["a"]?.label == "First")
        #expect(glossary.position(of: "a") == 0)
        #expect(glossary["b"] == nil)
    }
}

@Suite struct IndexPartsTests {
    @Test func wordTableFindsEveryKeyItHoldsAcrossGrowth() {
        var table = WordTable()
        let keys = (0..<5_000).map { WordHash.of(Array("word\($0)".utf8)) }
        for (value, key) in keys.enumerated() { table.set(Int32(value), for: key) }
        #expect(table.count == keys.count)
        #expect(keys.enumerated().allSatisfy { table[$1] == Int32($0) })
        #expect(table[WordHash.of(Array("absent".utf8))] == nil)
        table.set(7, for: keys[0])
        #expect(table[keys[0]] == 7)
        #expect(table.count == keys.count)
    }

    @Test func mergesAndIntersectsSortedPositions() {
        #expect(SortedPositions.union([1, 4, 9], [2, 4, 10]) == [1, 2, 4, 9, 10])
        #expect(SortedPositions.union([], [3, 5]) == [3, 5])
        #expect(SortedPositions.intersection([1, 4, 9, 12], [4, 5, 12]) == [4, 12])
        #expect(SortedPositions.intersection([1, 2], []) == [])
    }

    @Test func buildsALazyValueOnceWhoeverAsksFirst() async {
        let builds = Mutex(0)
        let lazy = Lazy { () -> Int in
            builds.withLock { $0 += 1 }
            return 42
        }
        #expect(!lazy.isBuilt)
        let values = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { lazy.value } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values == Array(repeating: 42, count: 8))
        #expect(lazy.isBuilt)
        #expect(builds.withLock { $0 } == 1)
    }

    @Test func findsLabelsHoldingAWordAnywhere() {
        var table = LabelTable()
        table.append("Data protection impact assessment", entry: 0, preferred: true)
        table.append("Impact", entry: 1, preferred: true)
        table.append("Pact", entry: 2, preferred: true)
        let trigrams = TrigramIndex(labels: table)
        let holding = Array("impact".utf8).withUnsafeBufferPointer { trigrams.labels(holding: $0) }
        #expect(holding == [0, 1])
    }
}
