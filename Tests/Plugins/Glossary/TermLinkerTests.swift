import EthicsCore
@testable import Glossary
import Testing

@Suite struct TermLinkerTests {
    let linker = TermLinker(glossary: Fixtures.glossary)

    private func linked(_ inlines: [Inline]) -> [Inline] {
        guard case .paragraph(let content)? = linker.link(Document(title: "T", blocks: [.paragraph(inlines)])).blocks.first else {
            Issue.record("the paragraph went missing")
            return []
        }
        return content
    }

    @Test func linksTheFirstMentionOfEachTermOnly() {
        #expect(linked(["Fairness matters. We review fairness yearly."]) == [
            .termReference("Fairness", termID: "fairness"), " matters. We review fairness yearly.",
        ])
    }

    @Test func matchesCaseInsensitivelyAlternativeLabelsAndPlurals() {
        #expect(linked(["Two data protection impact assessments and some MACHINE BIAS."]) == [
            "Two ", .termReference("data protection impact assessments", termID: "dpia"), " and some ",
            .termReference("MACHINE BIAS", termID: "algorithmic-bias"), ".",
        ])
    }

    @Test func prefersTheLongestLabel() {
        #expect(linked(["A data protection impact assessment is not just data protection."]) == [
            "A ", .termReference("data protection impact assessment", termID: "dpia"), " is not just ",
            .termReference("data protection", termID: "data-protection"), ".",
        ])
    }

    @Test func matchesWholeWordsOnly() {
        #expect(linked(["Unfairness, algorithmically, policymaking."]) == ["Unfairness, algorithmically, policymaking."])
    }

    @Test func leavesIdentifiersAlone() {
        #expect(linked(["See def.fairness, data_protection and fairness@example.org, then fairness."]) == [
            "See def.fairness, data_protection and fairness@example.org, then ",
            .termReference("fairness", termID: "fairness"), ".",
        ])
        // A template's id is one name; a term spelt with hyphens on its own still links.
        #expect(linked(["Made from odi-fairness-canvas and fairness-first."]) == ["Made from odi-fairness-canvas and fairness-first."])
        #expect(linked(["Its data-protection duties."]) == ["Its ", .termReference("data-protection", termID: "data-protection"), " duties."])
    }

    @Test func doesNotJoinAPhraseAcrossPunctuation() {
        #expect(linked(["We hold data. Protection is separate."]) == ["We hold data. Protection is separate."])
    }

    @Test func matchesHyphenatedWritingOfALabel() {
        #expect(linked(["data-protection"]) == [.termReference("data-protection", termID: "data-protection")])
    }

    @Test func matchesAcronymsOnlyInCapitals() {
        #expect(linked(["Is it an IT matter?"]) == ["Is it an ", .termReference("IT", termID: "information-technology"), " matter?"])
        #expect(linked(["We file DPIAs."]) == ["We file ", .termReference("DPIAs", termID: "dpia"), "."])
        #expect(linked(["We file dpias."]) == ["We file dpias."])
    }

    @Test func leavesCodeLinksAndReferencesAlone() {
        let inlines: [Inline] = [
            .code("fairness"), " ", .link("fairness", url: "https://example.org"), " ",
            .emphasis(["fairness"]),
        ]
        #expect(linked(inlines) == [
            .code("fairness"), " ", .link("fairness", url: "https://example.org"), " ",
            .emphasis([.termReference("fairness", termID: "fairness")]),
        ])
    }

    @Test func leavesHeadingsTableHeadersAndDefinitionTermsAlone() {
        let document = Document(title: "Fairness", blocks: [
            .heading(level: 2, "Fairness"),
            .table(Table(caption: ["Fairness"], header: ["Fairness"], rows: [["fairness"]])),
            .definitions([Block.Definition("Policy", "A policy about fairness.")]),
        ])
        let blocks = linker.link(document).blocks
        #expect(blocks[0] == .heading(level: 2, "Fairness"))
        #expect(blocks[1] == .table(Table(
            caption: ["Fairness"], header: ["Fairness"], rows: [[Table.Cell([.termReference("fairness", termID: "fairness")])]])))
        #expect(blocks[2] == .definitions([Block.Definition(
            term: ["Policy"], details: [.paragraph(["A ", .termReference("policy", termID: "policy"), " about fairness."])])]))
    }

    @Test func appendsTheTermsUsedAlphabeticallyWithTheirSources() throws {
        let document = linker.link(Document(title: "Decision", blocks: [.paragraph("Fairness before the algorithm.")]))
        #expect(document.blocks.count == 4)
        #expect(document.blocks[1] == .heading(level: 2, "Terms used in this document", anchor: "terms-used"))
        guard case .definitions(let definitions) = document.blocks[2] else {
            Issue.record("no definition list in the appendix")
            return
        }
        #expect(definitions.map(\.term) == [["Algorithm"], ["Fairness"]])
        #expect(definitions.map(\.anchor) == ["term-algorithm", "term-fairness"])
        #expect(definitions[1].details == [.paragraph("Treating people without unjust discrimination.")])
        #expect(document.blocks[3] == .paragraph("Definitions adapted from: \(Fixtures.provenance.citation)."))
    }

    @Test func includesExistingReferencesInTheAppendixWithoutLinkingThemAgain() {
        let document = linker.link(Document(title: "T", blocks: [
            .paragraph([.termReference("DPIA", termID: "dpia"), " and another data protection impact assessment."]),
        ]))
        #expect(document.blocks[0] == .paragraph([
            .termReference("DPIA", termID: "dpia"), " and another data protection impact assessment.",
        ]))
        guard case .definitions(let definitions) = document.blocks[2] else {
            Issue.record("no appendix")
            return
        }
        #expect(definitions.map(\.anchor) == ["term-dpia"])
    }

    @Test func linksTermsDefinedInTheDocumentWithoutAnAppendixOrSelfLinks() {
        let document = Document(title: "Glossary", blocks: [
            .definitions([
                Block.Definition("Fairness", "Fairness means no unjust algorithmic bias.", anchor: "term-fairness"),
                Block.Definition("Algorithmic bias", "The opposite of fairness.", anchor: "term-algorithmic-bias"),
            ]),
        ])
        let blocks = linker.link(document).blocks
        #expect(blocks == [.definitions([
            Block.Definition(term: ["Fairness"], details: [.paragraph([
                "Fairness means no unjust ", .termReference("algorithmic bias", termID: "algorithmic-bias"), ".",
            ])], anchor: "term-fairness"),
            Block.Definition(term: ["Algorithmic bias"], details: [.paragraph([
                "The opposite of ", .termReference("fairness", termID: "fairness"), ".",
            ])], anchor: "term-algorithmic-bias"),
        ])])
    }

    @Test func leavesADocumentWithoutTermsAsItWas() {
        let document = Document(title: "Minutes", blocks: [.paragraph("Nothing to see here."), .code("fairness", language: nil)])
        #expect(linker.link(document) == document)
    }

    @Test func keepsEveryCharacterOfTheText() {
        let text = "Über-fairness — naïve algorithm’s “policies”, DPIA; café\u{00A0}fairness."
        let plain = linked([.text(text)]).map(\.plainText).joined()
        #expect(plain == text)
    }

    @Test func linkingBuildsThePhraseMatcherAndNotTheSearchIndex() {
        let glossary = Glossary(entries: Fixtures.glossary.entries)
        #expect(glossary.builtIndexes == (search: false, phrases: false))
        _ = TermLinker(glossary: glossary).link(Document(title: "T", blocks: [.paragraph("Fairness matters.")]))
        #expect(glossary.builtIndexes == (search: false, phrases: true))
        _ = glossary.resolve("DPIA")
        #expect(glossary.builtIndexes == (search: false, phrases: true), "one name is looked up without the search index")
        _ = glossary.search("fairness")
        #expect(glossary.builtIndexes == (search: true, phrases: true))
    }

    /// `resolve` finds a name by folding the labels in turn until something has built the search
    /// index, then through the index: both ways must give the same entry for every label.
    @Test func resolvingANameGivesTheSameEntryWithOrWithoutTheSearchIndex() {
        let entries = Fixtures.glossary.entries
        let names = entries.flatMap { [$0.label, $0.label.uppercased(), String($0.label.map { $0 == " " ? "-" : $0 })] + $0.altLabels }
            + ["no such term", "  ", "-"]
        let unindexed = Glossary(entries: entries)
        let without = names.map { unindexed.resolve($0)?.id }
        #expect(unindexed.builtIndexes.search == false)
        let indexed = Glossary(entries: entries)
        _ = indexed.search("fairness")
        let with = names.map { indexed.resolve($0)?.id }
        #expect(without == with)
        #expect(without.compactMap { $0 }.count >= entries.count, "every preferred label is found")
        #expect(without.suffix(3).allSatisfy { $0 == nil })
    }
}
