import EthicsCore
import Testing
@testable import CodeMapper

/// The CSPL report on providers of public services: only the recommendations that could be read
/// are encoded, under the report's own numbers, and the provenance says where they were read and
/// that the rest is left out.
@Suite struct PublicServiceProvidersTests {
    @Test func theReadRecommendationsKeepTheReportsNumbers() throws {
        let code = try #require(try Fixtures.library().code("public-service-providers"))
        #expect(code.clauses.map(\.id) == (1...4).map { "public-service-providers.\($0)" })
        #expect(code.provenance.publisher == "Committee on Standards in Public Life")
        #expect(code.provenance.notes?.contains("CGH1415") == true)
        #expect(code.provenance.notes?.contains("own short label") == true)
    }

    @Test func assuranceFromProvidersServesNonMaleficenceAndAccountabilityLinksToNolan() throws {
        let library = try Fixtures.library()
        let assurance = try #require(library.clause("public-service-providers.4"))
        #expect(assurance.attributes.map(\.attribute) == ["non-maleficence", "explicability"])
        #expect(assurance.text.contains("formal"))
        let accountingOfficers = try #require(library.clause("public-service-providers.2"))
        #expect(library.areLinked(accountingOfficers, try #require(library.clause("nolan.accountability"))))
    }
}
