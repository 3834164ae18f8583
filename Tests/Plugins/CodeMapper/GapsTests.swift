import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Testing
@testable import CodeMapper

/// Gaps in Anytown's deliberately thin code (Configs/councils/local/anytown-code.yaml), whose
/// four clauses serve no autonomy and link to three of the Nolan principles.
@Suite struct GapsTests {
    @Test func theThinLocalCodeMissesAutonomyAndTwoNolanPrinciples() throws {
        let library = try Fixtures.library(adding: [Fixtures.localCode])
        let anytown = try #require(library.code("anytown"))
        let report = GapReport(for: anytown, against: [try #require(library.code("nolan"))], in: library)

        #expect(report.uncoveredAttributes.map(\.id) == ["autonomy"])
        // Openness serves explicability and autonomy, and nothing in Anytown serves autonomy;
        // leadership serves justice and non-maleficence, which no single Anytown clause serves both of.
        // Honesty also serves autonomy, but anytown.4 links to it.
        #expect(report.uncovered.map(\.code.id) == ["nolan"])
        #expect(report.uncovered.first?.clauses.map(\.id) == ["nolan.openness", "nolan.leadership"])
        #expect(report.hasGaps)
    }

    @Test func aLinkCoversAReferenceClauseEvenWithoutSharedAttributes() throws {
        let library = try Fixtures.library(adding: [Fixtures.localCode])
        let honesty = try #require(library.clause("nolan.honesty"))
        let local = try #require(library.clause("anytown.4"))
        let affinity = ClauseAffinity(of: honesty, with: local, in: library)

        #expect(affinity.isLinked)
        #expect(!affinity.coversEveryAttribute)
        #expect(affinity.standsIn)
    }

    @Test func theCommandWritesTheReportThenExitsWithStatusOne() async throws {
        let (plugin, context) = try Fixtures.plugin(adding: [Fixtures.localCode])
        let command = try GapsCommand.parse(["anytown", "--against", "nolan", "--format", "markdown"])

        await #expect(throws: ExitCode(1)) { try await command.run(plugin: plugin, context: context.plugin) }
        #expect(context.output.contains("`nolan.openness` Openness"))
        #expect(context.output.contains("`nolan.leadership` Leadership"))
        #expect(!context.output.contains("nolan.honesty"))
        #expect(context.output.contains("**Autonomy**"))
    }

    @Test func aCodeIsNotExaminedAgainstItselfAlone() async throws {
        let (plugin, context) = try Fixtures.plugin(adding: [Fixtures.localCode])
        let command = try GapsCommand.parse(["nolan", "--against", "nolan"])
        await #expect(throws: DiagnosticError.self) { try await command.run(plugin: plugin, context: context.plugin) }
        #expect(context.output.isEmpty, "no empty report")
    }

    @Test func everyOtherCodeIsAReferenceByDefault() async throws {
        let (plugin, context) = try Fixtures.plugin(adding: [Fixtures.localCode])
        let command = try GapsCommand.parse(["anytown", "--format", "markdown"])

        await #expect(throws: ExitCode(1)) { try await command.run(plugin: plugin, context: context.plugin) }
        // One clause serving autonomy from each reference code, none of which Anytown covers.
        for id in ["nolan.openness", "senior-managers.objectivity.6", "bcs.1.b", "acm.1.1", "uksa.V2", "rss.1.b", "def.3"] {
            #expect(context.output.contains("`\(id)`"), "\(id) should be reported as uncovered")
        }
        #expect(!context.output.contains("`anytown."))
    }
}
