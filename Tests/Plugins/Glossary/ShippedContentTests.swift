import EthicsCore
import EthicsDiagnostics
@testable import Glossary
import Testing

/// The content the toolkit ships: it must load without a problem, lint clean, and meet the
/// issue's bar (at least eighty terms, resources typed with publisher and address, provenance on
/// every pack).
@Suite struct ShippedContentTests {
    let glossary: Glossary

    init() throws {
        glossary = try GlossaryLoader(attributes: try Fixtures.shippedAttributes()).load(files: Fixtures.shippedGlossaryFiles)
    }

    @Test func holdsAtLeastEightyTermsAndTheCollectionsResources() {
        let terms = glossary.entries.filter(\.kind.isTerm)
        let resources = glossary.entries.filter { !$0.kind.isTerm }
        #expect(terms.count >= 80)
        #expect(resources.count >= 25)
        for type in ResourceType.allCases {
            #expect(resources.contains { $0.kind == .resource(type) }, "no resource of type \(type)")
        }
    }

    @Test func lintsClean() {
        #expect(GlossaryLinter(glossary: glossary).findings().map(\.description) == [])
    }

    @Test func everyPackCarriesProvenanceRetrievedOnTheStatedDay() {
        #expect(glossary.packs.count == Fixtures.shippedGlossaryFiles.count)
        for pack in glossary.packs {
            #expect(pack.provenance.retrieved == CalendarDate(year: 2026, month: 11, day: 22))
            #expect(pack.provenance.url.hasPrefix("https://"))
            #expect(!pack.provenance.licence.isEmpty)
        }
    }

    @Test func everyResourceHasAPublisherAndASecureAddress() {
        for resource in glossary.entries where !resource.kind.isTerm {
            #expect(resource.publisher?.isEmpty == false, "\(resource.id) has no publisher")
            #expect(resource.url?.hasPrefix("https://") == true, "\(resource.id) is not at an https address")
        }
    }

    @Test func everyTermHasAlternativeLabelsOrRelatedEntriesAndAnAttributeOrTag() {
        for term in glossary.entries where term.kind.isTerm {
            #expect(!term.seeAlso.isEmpty, "\(term.id) relates to nothing")
            #expect(!term.tags.isEmpty, "\(term.id) has no tag")
        }
        #expect(glossary.entries.filter { !$0.altLabels.isEmpty }.count >= 60)
    }

    @Test(arguments: [
        "digital ethics", "ethics by design", "ethics of use", "societal ethics", "beneficence", "non-maleficence",
        "autonomy", "justice", "explicability", "Nolan Principles", "algorithmic bias", "DPIA", "FOI",
        "Data Ethics Framework", "transparency", "accountability", "fairness",
    ])
    func namesTheIssueAsksForResolve(_ name: String) {
        #expect(glossary.resolve(name) != nil)
    }
}
