import ArgumentParser
import EthicsCore
import EthicsTestSupport
import Testing
@testable import CodeMapper

/// The Data and AI Ethics Framework (2025) is the current edition and the 2020 framework is kept
/// beside it, each naming its edition, and the crosswalk pairs the two principle by principle.
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
}
