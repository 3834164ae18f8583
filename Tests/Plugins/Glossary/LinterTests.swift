import EthicsDiagnostics
import EthicsTestSupport
@testable import Glossary
import Testing

@Suite struct LinterTests {
    @Test func findsNothingInACleanGlossary() {
        #expect(GlossaryLinter(glossary: Fixtures.glossary).findings().isEmpty)
    }

    @Test func reportsDanglingLinksRepeatedLabelsAndMissingSourcesWhereTheyAreWritten() throws {
        let directory = try TemporaryDirectory(prefix: "glossary-lint")
        let file = try directory.writePack("""
            terms:
              - id: fairness
                label: Fairness
                definition: Fair.
                see-also: [justise]
                sources: [guide]
              - id: equity
                label: Equity
                alt-labels: [FAIRNESS]
                definition: Fair too.
                sources: [gide]
              - id: unsourced
                label: Unsourced
                definition: From nowhere.
            resources:
              - id: guide
                type: guidance
                title: Guide
                publisher: Someone
                url: https://example.org/guide
                summary: Advice.
            """, to: "pack.yaml")
        let glossary = try GlossaryLoader(attributes: Fixtures.attributes).load(files: [file])
        let findings = GlossaryLinter(glossary: glossary).findings()

        #expect(findings.map(\.description) == [
            "\(file):11:16: warning: see-also 'justise' names no entry of the glossary (at see-also)",
            "\(file):15:18: warning: the label 'FAIRNESS' is also a label of 'fairness' at \(file):9:12 (at alt-labels); keep it on one entry and point the other to it with 'see-also:'",
            "\(file):17:15: warning: source 'gide' names no entry of the glossary (at sources); did you mean 'guide'?",
            "\(file):18:5: warning: the term 'unsourced' has no source; add 'sources:' naming a resource of the glossary or a reference",
        ])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func namesEntriesBuiltInCodeSinceTheyHaveNoPosition() {
        let glossary = Glossary(entries: [GlossaryEntry(id: "orphan", label: "Orphan", definition: "Alone.", seeAlso: ["nobody"])])
        #expect(GlossaryLinter(glossary: glossary).findings().map(\.message) == [
            "orphan: see-also 'nobody' names no entry of the glossary",
            "orphan: the term 'orphan' has no source",
        ])
    }
}
