import EthicsCore
import Testing
@testable import CodeMapper

/// The Oxford-Munich Code of Conduct carries no licence, so the pack holds only the clauses that
/// were read, numbered as the code numbers them, with titles quoted and the rest paraphrased.
/// These tests keep that selection, its numbering and its provenance from drifting.
@Suite struct OxfordMunichCodeTests {
    @Test func theReadClausesKeepTheCodesOwnNumbering() throws {
        let code = try #require(try Fixtures.library().code("oxford-munich"))
        #expect(code.clauses.map(\.id) == ["1b", "1c", "2a", "2b", "3a", "3b", "3b.i", "3b.ii", "3b.iv", "3b.v", "3b.vi", "3b.vii", "3c", "3d", "4a", "4b", "4c", "4g", "5a", "5d", "5g", "7c"].map { "oxford-munich." + $0 })
        #expect(code.sections.count == 1, "the section headings are not all known, so none is invented")
        #expect(code.clauses.first { $0.id == "oxford-munich.3a" }?.title == "Activity documentation: the personal lab book")
        #expect(code.clauses.first { $0.id == "oxford-munich.3b" }?.title == "The Modelling Project Issues Log-Book")
    }

    @Test func itsProvenanceNamesTheAuthorsAndSaysNoLicenceWasFound() throws {
        let code = try #require(try Fixtures.library().code("oxford-munich"))
        #expect(code.provenance.publisher.contains("Peter Grindrod"))
        #expect(code.provenance.publisher.contains("Juan Bernabé-Moreno"))
        #expect(code.provenance.licence.hasPrefix("No licence found"))
        #expect(code.provenance.notes?.contains("3b(iii)") == true)
    }

    @Test func aDutyMapsToAnAttributeAndLinksToTheOtherCodes() throws {
        let library = try Fixtures.library()
        let equality = try #require(library.clause("oxford-munich.1c"))
        #expect(equality.attributes.map(\.attribute) == ["justice"])
        #expect(library.areLinked(equality, try #require(library.clause("bcs.1.c"))))
        let selection = try #require(library.clause("oxford-munich.3b.v"))
        #expect(library.areLinked(selection, try #require(library.clause("uksa3.public-use.2"))))
    }
}
