import EthicsCore
import Testing
@testable import CodeMapper

/// The Ombudsman's Complaint Handling Code: one clause per section, numbered and titled as the
/// Code is (its terms allow re-use only without amendment, so titles must stay exact), with the
/// timescales a council is held to and the licence terms in its provenance.
@Suite struct ComplaintHandlingCodeTests {
    @Test func everySectionKeepsTheCodesNumberAndExactTitle() throws {
        let code = try #require(try Fixtures.library().code("complaint-handling-code"))
        #expect(code.clauses.map(\.id) == (1...9).map { "complaint-handling-code.\($0)" })
        #expect(code.clauses.map(\.title) == [
            "Definition of a service request and complaint", "Exclusions", "Accessibility and awareness",
            "Complaint handling resources", "The complaint handling process", "Complaints stages", "Putting things right",
            "Performance reporting and self-assessment", "Scrutiny & oversight: continuous learning and improvement",
        ])
    }

    @Test func theStagesCarryTheTimescalesAndTheProvenanceTheLicence() throws {
        let library = try Fixtures.library()
        let stages = try #require(library.clause("complaint-handling-code.6"))
        for timescale in ["five working days", "ten working days", "within twenty"] {
            #expect(stages.text.contains(timescale), "\(timescale)")
        }
        let code = try #require(library.code("complaint-handling-code"))
        #expect(code.provenance.url.hasPrefix("https://www.lgo.org.uk/"))
        #expect(code.provenance.licence.contains("without amendment"))
        #expect(code.provenance.licence.contains("https://www.lgo.org.uk/copyright"))
    }

    @Test func reportingIsLinkedToGoodGovernanceAndServesExplicability() throws {
        let library = try Fixtures.library()
        let reporting = try #require(library.clause("complaint-handling-code.8"))
        #expect(reporting.attributes.map(\.attribute) == ["explicability"])
        #expect(library.areLinked(reporting, try #require(library.clause("good-governance.G"))))
    }
}
