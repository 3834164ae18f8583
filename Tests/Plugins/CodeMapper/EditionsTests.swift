import ArgumentParser
import EthicsCore
import EthicsTestSupport
import Testing
@testable import CodeMapper

/// The Data and AI Ethics Framework (2025) and the UKSA Code of Practice for Statistics 3.0 are
/// the current editions; the 2020 framework and Code edition 2 are kept beside them, each naming
/// its edition, and the crosswalk pairs each two principle by principle.
@Suite struct EditionsTests {
    @Test func bothEditionsLoadAndNameTheirEdition() throws {
        let library = try Fixtures.library()
        let current = try #require(library.code("daief"))
        let earlier = try #require(library.code("def"))
        #expect(current.sections.flatMap(\.clauses).map(\.title) == [
            "Transparency", "Accountability", "Fairness", "Privacy", "Safety", "Societal impact", "Environmental sustainability",
        ])
        #expect(current.provenance.source.contains("2025"))
        #expect(current.provenance.notes?.contains("supersedes the `def` pack") == true)
        #expect(earlier.title.contains("2020"))
        #expect(earlier.provenance.notes?.contains("web.archive.org") == true)
    }

    @Test func theCrosswalkPairsTheEditions() async throws {
        let (plugin, context) = try Fixtures.plugin(adding: [])
        try await CrosswalkCommand.parse(["def", "daief", "--limit", "1", "--format", "csv"]).run(plugin: plugin, context: context.plugin)
        let output = context.output
        for (from, to) in [("def.transparency", "daief.transparency"), ("def.accountability", "daief.accountability"),
                           ("def.fairness", "daief.fairness"), ("def.5", "daief.societal-impact")] {
            #expect(output.split(separator: "\r\n").contains { $0.hasPrefix(from + " ") && $0.contains(to + " ") }, "\(from)")
        }
    }

    @Test func bothCodeOfPracticeEditionsLoadAndNameTheirEdition() throws {
        let library = try Fixtures.library()
        let current = try #require(library.code("uksa3"))
        let earlier = try #require(library.code("uksa"))
        #expect(current.title == "Code of Practice for Statistics (edition 3.0)")
        #expect(earlier.title == "Code of Practice for Statistics (edition 2)")
        #expect(current.provenance.notes?.contains("supersedes the `uksa` pack") == true)
        #expect(earlier.provenance.notes?.contains("webarchive.nationalarchives.gov.uk") == true)
        // Code Principles with their Standards for Official Statistics, numbered as the Code
        // numbers them (8 is left out, unread), then the three public-use standards.
        #expect(current.sections.map(\.title) == [
            "Trustworthiness", "Quality", "Value", "Standards for the Public Use of Statistics, Data and Wider Analysis",
        ])
        #expect(current.clauses.map(\.id) == ["1", "2", "3", "4", "5", "6", "7", "9", "10"].map { "uksa3." + $0 }
            + ["1", "2", "3"].map { "uksa3.public-use." + $0 })
        #expect(current.clauses.map(\.title) == [
            "Show integrity", "Lead responsibly", "Be transparent", "Manage data responsibly", "Prioritise quality",
            "Be rigorous", "Be open about quality", "Be clear", "Be accessible",
            "Equality of access", "Supporting understanding", "Decision making and leadership",
        ])
        #expect(library.clause("uksa3.4")?.attributes.map(\.attribute) == ["non-maleficence", "autonomy"])
    }

    @Test func theCrosswalkPairsTheCodeOfPracticeEditions() async throws {
        let (plugin, context) = try Fixtures.plugin(adding: [])
        try await CrosswalkCommand.parse(["uksa", "uksa3", "--limit", "1", "--format", "csv"]).run(plugin: plugin, context: context.plugin)
        let output = context.output
        for (from, to) in [("uksa.T1", "uksa3.1"), ("uksa.T3", "uksa3.3"), ("uksa.T6", "uksa3.4"), ("uksa.Q1", "uksa3.6"),
                           ("uksa.Q3", "uksa3.7"), ("uksa.V2", "uksa3.10"), ("uksa.V3", "uksa3.9")] {
            #expect(output.split(separator: "\r\n").contains { $0.hasPrefix(from + " ") && $0.contains(to + " ") }, "\(from)")
        }
    }
}
