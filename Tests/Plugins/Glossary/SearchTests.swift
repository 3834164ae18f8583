@testable import Glossary
import Testing

@Suite struct SearchTests {
    let glossary = Fixtures.glossary

    private func results(_ query: String, limit: Int = 10) -> [String] {
        glossary.search(query, limit: limit).map(\.entry.id)
    }

    @Test func ranksExactThenPrefixThenAlternativeLabel() {
        let hits = glossary.search("algorithm")
        #expect(hits.map(\.entry.id) == ["algorithm", "algorithmic-bias"])
        #expect(hits.map(\.match) == [.exact, .prefix])
    }

    @Test func matchesAnIdExactly() {
        let hit = glossary.search("dpia").first
        #expect(hit?.entry.id == "dpia")
        #expect(hit?.match == .exact)
    }

    @Test func ignoresCaseAndPunctuation() {
        #expect(results("DATA-PROTECTION").first == "data-protection")
        #expect(glossary.search("  Fairness. ").first?.match == .exact)
    }

    @Test func findsAlternativeLabelsAndSaysWhichMatched() {
        let hit = glossary.search("machine bias").first
        #expect(hit?.entry.id == "algorithmic-bias")
        #expect(hit?.match == .alternativeLabel)
        #expect(hit?.matchedLabel == "machine bias")
        #expect(hit?.explanation == "also called machine bias")
    }

    @Test(arguments: [
        ("algoritmic bias", "algorithmic-bias", 1),     // a letter left out
        ("algorithmic bais", "algorithmic-bias", 1),    // two letters swapped
        ("fiarness", "fairness", 1),
        ("dta protection", "data-protection", 1),
        ("data protectoin impact asessment", "dpia", 2),
    ])
    func toleratesMisspellings(query: String, expected: String, edits: Int) {
        let hit = glossary.search(query).first
        #expect(hit?.entry.id == expected)
        #expect(hit?.match == .misspelling(edits: edits))
    }

    @Test func matchesAMisspelledFirstWordOfALongerLabel() {
        let hit = glossary.search("algoritmic").first
        #expect(hit?.entry.id == "algorithmic-bias")
        #expect(hit?.match == .misspelling(edits: 1))
    }

    @Test func doesNotGuessAtVeryShortQueries() {
        #expect(results("aai").isEmpty)
    }

    @Test func fallsBackToWordsInTheDefinitionIncludingPlurals() {
        let hits = glossary.search("risks projects")
        #expect(hits.map(\.entry.id) == ["dpia"])
        #expect(hits.first?.match == .fullText)
    }

    @Test func fullTextNeedsEveryWordButTheCommonest() {
        #expect(results("risks unicorns").isEmpty)
        #expect(results("the risks of the project") == ["dpia"])
        #expect(results("the of").isEmpty)
    }

    @Test func listsEachEntryOnceAtItsBestTier() {
        // "fairness" is an exact label, and also a word of its own definition's neighbours.
        let ids = results("fairness")
        #expect(ids.first == "fairness")
        #expect(Set(ids).count == ids.count)
    }

    @Test func stopsAtTheLimit() {
        #expect(results("a", limit: 1).count == 1)
        #expect(results("data", limit: 2).count == 2)
    }

    @Test func findsNothingForPunctuation() {
        #expect(results("--").isEmpty)
    }

    @Test func resolvesIdsLabelsAndAlternativeLabelsButNotNearMisses() {
        #expect(glossary.resolve("fairness")?.id == "fairness")
        #expect(glossary.resolve("Data Protection Impact Assessment")?.id == "dpia")
        #expect(glossary.resolve("DPIA")?.id == "dpia")
        #expect(glossary.resolve("ai bias")?.id == "algorithmic-bias")
        #expect(glossary.resolve("fairnes") == nil)
        #expect(glossary.resolve("data") == nil)
    }

    @Test func resolvesAnAlternativeLabelEvenWhenOtherLabelsStartWithIt() {
        let glossary = Glossary(entries: [
            GlossaryEntry(id: "artificial-intelligence", label: "Artificial intelligence", altLabels: ["AI"], definition: "x"),
            GlossaryEntry(id: "ai-ethics", label: "AI ethics", definition: "y"),
        ])
        #expect(glossary.resolve("ai")?.id == "artificial-intelligence")
    }
}

@Suite struct BoundedEditDistanceTests {
    private func compare(_ query: String, _ label: String, limit: Int) -> BoundedEditDistance.Result {
        var distance = BoundedEditDistance(queryLength: query.utf8.count, limit: limit)
        return Array(query.utf8).withUnsafeBufferPointer { query in
            Array(label.utf8).withUnsafeBufferPointer { label in distance.compare(query, with: label) }
        }
    }

    @Test func countsEachKindOfEditOnce() {
        #expect(compare("fairness", "fairness", limit: 2).whole == 0)
        #expect(compare("fairnes", "fairness", limit: 2).whole == 1)
        #expect(compare("fairnesss", "fairness", limit: 2).whole == 1)
        #expect(compare("fairmess", "fairness", limit: 2).whole == 1)
        #expect(compare("fiarness", "fairness", limit: 2).whole == 1)
    }

    @Test func givesUpBeyondTheLimit() {
        #expect(compare("fxxrnxss", "fairness", limit: 2).best == nil)
        #expect(compare("bias", "algorithmic bias", limit: 1).whole == nil)
    }

    @Test func measuresRunsOfLeadingWords() {
        let result = compare("algoritmic", "algorithmic bias", limit: 1)
        #expect(result.whole == nil)
        #expect(result.leadingWords == 1)
        #expect(result.best?.isWhole == false)
        // Not a word boundary: the query must cover whole words.
        #expect(compare("algori", "algorithmic bias", limit: 1).best == nil)
    }

    @Test func prefersTheWholeLabelOnATie() {
        let result = BoundedEditDistance.Result(whole: 1, leadingWords: 1)
        #expect(result.best?.isWhole == true)
    }
}
