import EthicsCore
import Foundation
import Testing
@testable import CodeMapper

/// The content packs that ship with the toolkit: every one loads and keeps its promises.
@Suite struct ShippedCodesTests {
    @Test func everyShippedCodeLoadsInTheConfiguredOrder() throws {
        let library = try Fixtures.library()
        #expect(library.codes.map(\.id) == [
            "nolan", "senior-managers", "bcs", "acm", "uksa", "uksa3", "rss", "def", "daief", "good-governance",
            "complaint-handling-code", "public-service-providers", "ethical-data-science", "oxford-munich", "lges",
            "ieee",
        ])
    }

    @Test func theDefaultConfigurationNamesEveryCodeFile() throws {
        let folder = Fixtures.configs + "/content/codes"
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".yaml") }.map { folder + "/" + $0 }
        #expect(Set(try Fixtures.shippedSettings().codes.map(\.path)) == Set(onDisk))
    }

    @Test func clauseIDsAreUniqueAcrossEveryCode() throws {
        let ids = try Fixtures.library(adding: [Fixtures.localCode]).codes.flatMap(\.clauses).map(\.id)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $1.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "clause ids used more than once: \(repeated)")
        #expect(ids.count == 227)
    }

    @Test func everyClauseServesAKnownAttributeWithAReason() throws {
        let library = try Fixtures.library(adding: [Fixtures.localCode])
        for clause in library.codes.flatMap(\.clauses) {
            #expect(!clause.attributes.isEmpty, "\(clause.id) serves no attribute")
            for mapping in clause.attributes {
                #expect(library.attributes[mapping.attribute] != nil, "\(clause.id): \(mapping.attribute)")
                #expect(!mapping.rationale.isEmpty, "\(clause.id) gives no reason for \(mapping.attribute)")
            }
        }
    }

    @Test(arguments: [
        ("nolan", [7]),
        ("senior-managers", [8, 7, 8, 4, 5, 5, 6, 3]),
        ("bcs", [4, 7, 5, 6]),
        ("acm", [7, 9, 7, 2]),
        ("uksa", [6, 3, 5]),
        ("uksa3", [4, 3, 2, 3]),
        ("rss", [2, 3, 4, 4]),
        ("def", [3, 5]),
        ("daief", [7]),
        ("good-governance", [7]),
        ("complaint-handling-code", [9]),
        ("public-service-providers", [4]),
        ("ethical-data-science", [5]),
        ("oxford-munich", [22]),
        ("lges", [8]),
        ("ieee", [8, 6]),
    ])
    func eachCodeHasTheSourcesStructure(code id: String, clausesPerSection: [Int]) throws {
        let code = try #require(try Fixtures.library().code(id))
        #expect(code.sections.map(\.clauses.count) == clausesPerSection)
    }

    @Test func stableIDsFollowEachSourcesNumbering() throws {
        let library = try Fixtures.library()
        let uksa = try #require(library.code("uksa")).clauses.map(\.id)
        #expect(uksa == ["T1", "T2", "T3", "T4", "T5", "T6", "Q1", "Q2", "Q3", "V1", "V2", "V3", "V4", "V5"].map { "uksa." + $0 })
        #expect(try #require(library.code("bcs")).clauses.prefix(5).map(\.id) == ["bcs.1.a", "bcs.1.b", "bcs.1.c", "bcs.1.d", "bcs.2.a"])
        #expect(try #require(library.code("acm")).clauses.suffix(3).map(\.id) == ["acm.3.7", "acm.4.1", "acm.4.2"])
        #expect(library.clause("nolan.openness")?.title == "Openness")
        #expect(library.section("senior-managers.democracy")?.section.clauses.count == 3)
    }

    @Test func everyCodeCarriesProvenanceAndAnAudience() throws {
        for code in try Fixtures.library(adding: [Fixtures.localCode]).codes {
            #expect(code.provenance.url.hasPrefix("https://"), "\(code.id)")
            #expect(!code.provenance.licence.isEmpty, "\(code.id)")
            #expect([CalendarDate("2026-11-22"), CalendarDate("2026-12-05"), CalendarDate("2026-12-06")].contains(code.provenance.retrieved), "\(code.id)")
            #expect(!code.audience.isEmpty, "\(code.id)")
        }
    }

    @Test func aLinkWrittenOnOneSideShowsOnBoth() throws {
        let library = try Fixtures.library()
        let openness = try #require(library.clause("nolan.openness"))
        let transparency = try #require(library.clause("def.transparency"))
        #expect(openness.related.isEmpty)
        #expect(library.clausesNaming(openness).map(\.id).contains("def.transparency"))
        #expect(library.areLinked(openness, transparency))
    }

    @Test func aLinkWrittenOnBothSidesIsListedOnce() throws {
        let library = try Fixtures.library()
        // bcs.2.d names acm.2.3 and def.3; def.3 names bcs.2.d back.
        let links = library.links(of: try #require(library.clause("bcs.2.d")))
        #expect(links.map(\.clause.id) == ["acm.2.3", "def.3"])
        #expect(links.map(\.direction) == [.names, .mutual])
    }

    @Test func aCouncilsLocalCodeLoadsAfterTheShippedOnes() throws {
        let library = try Fixtures.library(adding: [Fixtures.localCode])
        let anytown = try #require(library.code("anytown"))
        #expect(library.codes.last?.id == "anytown")
        #expect(anytown.clauses.map(\.id) == ["anytown.1", "anytown.2", "anytown.3", "anytown.4"])
        #expect(library.clausesNaming(try #require(library.clause("nolan.honesty"))).map(\.id).contains("anytown.4"))
    }
}
