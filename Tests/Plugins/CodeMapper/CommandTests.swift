import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Testing
@testable import CodeMapper

/// The commands, run as the host runs them: parsed from arguments, then handed the plugin and
/// a context whose output is captured.
@Suite struct CommandTests {
    private func run<C: PluginCommand>(_ type: C.Type, _ arguments: [String], adding extra: [String] = []) async throws -> String
    where C.Plugin == CodeMapperPlugin {
        let (plugin, context) = try Fixtures.plugin(adding: extra)
        try await type.parse(arguments).run(plugin: plugin, context: context.plugin)
        return context.output
    }

    @Test func listShowsEveryCodeWithItsSize() async throws {
        let output = try await run(ListCommand.self, [], adding: [Fixtures.localCode])
        #expect(output.contains("17 codes, 227 clauses, mapped to 5 attributes"))
        for id in ["nolan", "senior-managers", "bcs", "acm", "uksa", "uksa3", "rss", "def", "oxford-munich", "complaint-handling-code", "public-service-providers", "lges", "ieee", "anytown"] {
            #expect(output.contains(id))
        }
    }

    @Test func showAClauseGivesItsReasonsAndLinksBothWays() async throws {
        let output = try await run(ShowCommand.self, ["nolan.openness", "--format", "markdown"])
        #expect(output.contains("# nolan.openness Openness"))
        #expect(output.contains("Transparency lets people see how and why a decision was made."))
        #expect(output.contains("`def.transparency` Transparency | UK Data Ethics Framework (2020 edition) | names nolan.openness"))
        #expect(output.contains("Committee on Standards in Public Life"))
    }

    @Test func showASectionListsOnlyItsClauses() async throws {
        let output = try await run(ShowCommand.self, ["bcs.3", "--format", "csv"])
        let rows = output.split(separator: "\r\n")
        #expect(rows.count == 1 + 5)
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("bcs.3.") })
    }

    @Test func showAnUnknownIDSuggestsTheClosest() throws {
        let library = try Fixtures.library()
        let error = #expect(throws: DiagnosticError.self) { try ShowCommand.page(for: "bcs.1.z", in: library) }
        #expect(error?.diagnostics.first?.message == "no code, section or clause has the id 'bcs.1.z'")
        #expect(error?.diagnostics.first?.suggestion == "did you mean 'bcs.1.a'?")
    }

    @Test func codesAreNamedOnceAndAnEmptyListIsAMistake() throws {
        let library = try Fixtures.library()
        #expect(try library.codes(named: ["nolan, nolan", "nolan"]).map(\.id) == ["nolan"])
        #expect(try library.codes(named: []).count == library.codes.count, "nothing asked is every code")
        let empty = #expect(throws: DiagnosticError.self) { try library.codes(named: [""]) }
        #expect(empty?.diagnostics.first?.message == "no code is named")
    }

    /// One check for the command line and the browser: unknown ids all at once, and not the
    /// same code twice.
    @Test func aCrosswalkNeedsTwoKnownDifferentCodes() throws {
        let library = try Fixtures.library()
        #expect(try library.crosswalkCodes(from: "nolan", to: "def").from.id == "nolan")
        let same = #expect(throws: DiagnosticError.self) { try library.crosswalkCodes(from: "nolan", to: "nolan") }
        #expect(same?.diagnostics.first?.message == "a crosswalk needs two different codes, and both are 'nolan'")
        let unknown = #expect(throws: DiagnosticError.self) { try library.crosswalkCodes(from: "nolen", to: "bsc") }
        #expect(unknown?.diagnostics.count == 2)
    }

    @Test func crosswalkRanksLinksFirstThenCloserMatches() throws {
        let library = try Fixtures.library()
        let crosswalk = Crosswalk(
            from: try library.code(named: "nolan"), to: try library.code(named: "def"), in: library, limit: 3)
        func counterparts(of id: String) -> [String] {
            crosswalk.entries.first { $0.clause.id == id }?.counterparts.map(\.counterpart.id) ?? []
        }

        // Linked by def.transparency, then the clauses sharing explicability, closest focus first.
        #expect(counterparts(of: "nolan.openness") == ["def.transparency", "def.accountability", "def.3"])
        #expect(counterparts(of: "nolan.selflessness") == ["def.1", "def.5"])
        #expect(crosswalk.matchedCount == 7)
        let first = try #require(crosswalk.entries.first { $0.clause.id == "nolan.openness" }?.counterparts.first)
        #expect(first.reason { library.attributes[$0]?.name.lowercased() ?? $0 }
            == "def.transparency names nolan.openness as related; both serve explicability")
    }

    @Test func crosswalkNeedsTwoDifferentCodes() async throws {
        let error = await #expect(throws: DiagnosticError.self) { try await self.run(CrosswalkCommand.self, ["bcs", "bcs"]) }
        #expect(error?.diagnostics.first?.message == "a crosswalk needs two different codes, and both are 'bcs'")
    }

    @Test func forARoleListsTheCodesThatNameIt() async throws {
        let output = try await run(ForRoleCommand.self, ["data-scientist", "--format", "csv"])
        let codes = output.split(separator: "\r\n").dropFirst().map { $0.prefix { $0 != "," } }
        #expect(codes == ["nolan", "acm", "uksa", "uksa3", "rss", "def", "daief", "ethical-data-science", "oxford-munich", "ieee"])
    }

    @Test func anUnknownRoleSuggestsTheClosest() async throws {
        await #expect {
            try await run(ForRoleCommand.self, ["data-scientst"])
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.suggestion == "did you mean 'data-scientist'?"
        }
    }

    @Test func searchFindsClausesMentioningEveryWord() async throws {
        let output = try await run(SearchCommand.self, ["Personal", "data", "--format", "csv"])
        let ids = output.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(ids == [
            "senior-managers.accountability.4", "acm.1.6", "uksa.T6", "daief.privacy", "ethical-data-science.2", "oxford-munich.3a",
            "ieee.7002",
        ])
    }

    @Test func searchWithNoMatchSaysSo() async throws {
        let output = try await run(SearchCommand.self, ["quantum", "blockchain"])
        #expect(output.contains("No clause mentions every word of \u{201C}quantum blockchain\u{201D}"))
        #expect(!output.contains("What it asks"), "no empty table beside it: \(output)")
        let csv = try await run(SearchCommand.self, ["quantum", "blockchain", "--format", "csv"])
        #expect(csv == "Clause,Code,What it asks\r\n", "a spreadsheet keeps its header row")
    }

    @Test func graphFormatsAreRefusedBeforeAnythingRuns() {
        #expect(throws: (any Error).self) { try ListCommand.parse(["--format", "mermaid"]) }
        #expect(throws: (any Error).self) { try SearchCommand.parse(["   "]) }
    }
}
