import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsRender
import EthicsTestSupport
import Foundation
@testable import Glossary
import Testing

/// The commands run as the host runs them: parsed from arguments, then given the plugin and a
/// context, over the shipped content.
@Suite struct CommandTests {
    private func run<C: PluginCommand>(_ type: C.Type, _ arguments: [String]) async throws -> String where C.Plugin == GlossaryPlugin {
        let (plugin, context, output) = try Fixtures.shippedPlugin()
        let command = try type.parse(arguments)
        try await command.run(plugin: plugin, context: context)
        return output()
    }

    @Test func searchPrintsRankedHitsWithTheirReasons() async throws {
        let text = try await run(SearchCommand.self, ["algoritmic", "bias"])
        #expect(text.hasPrefix("Glossary search: algoritmic bias\n"))
        #expect(text.contains("Algorithmic bias\n    close to \"Algorithmic bias\" (1 change) · Term · algorithmic-bias"))
    }

    @Test func searchSaysSoWhenNothingMatches() async throws {
        let text = try await run(SearchCommand.self, ["zzzzqqq"])
        #expect(text.contains("Nothing in the glossary matches \"zzzzqqq\"."))
    }

    @Test func searchRefusesFormatsThatCannotHoldItsResults() {
        #expect(throws: (any Error).self) { try SearchCommand.parse(["bias", "--format", "csv"]) }
        #expect(throws: (any Error).self) { try SearchCommand.parse([]) }
    }

    @Test func showPrintsAnEntryWithItsRelationsAndProvenance() async throws {
        let text = try await run(ShowCommand.self, ["DPIA"])
        #expect(text.hasPrefix("Data protection impact assessment\n"))
        #expect(text.contains("Also called: DPIA; privacy impact assessment"))
        #expect(text.contains("See also"))
        #expect(text.contains("Data protection by design and by default"))
        #expect(text.contains("From Data Ethics Framework, Government Digital Service"))
    }

    @Test func showInMarkdownLinksRelatedEntriesToAnAppendix() async throws {
        let text = try await run(ShowCommand.self, ["dpia", "--format", "markdown"])
        #expect(text.contains("[Data protection by design and by default](#term-data-protection-by-design)"))
        #expect(text.contains("## <a id=\"terms-used\"></a>Terms used in this document"))
        #expect(text.components(separatedBy: "<a id=\"term-data-protection-impact-assessment\"></a>").count == 2,
                "the entry is defined once, in its own definition list, not again in the appendix")
    }

    @Test func showSuggestsNearEntriesForAnUnknownName() async throws {
        await #expect {
            _ = try await run(ShowCommand.self, ["algoritmic", "bias"])
        } throws: { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            return diagnostic?.message == "the glossary has no entry called 'algoritmic bias'"
                && diagnostic?.suggestion?.hasPrefix("did you mean 'Algorithmic bias' (algorithmic-bias)") == true
        }
    }

    @Test func listFiltersByAttributeTagAndKind() async throws {
        let text = try await run(ListCommand.self, ["--attribute", "justice", "--kind", "legislation", "--format", "csv"])
        let rows = text.split(separator: "\r\n").dropFirst()
        let ids = ["equality-act-2010", "human-rights-act-1998", "localism-act-2011", "well-being-of-future-generations-act"]
        #expect(rows.count == ids.count)
        for id in ids { #expect(rows.contains { $0.contains(",\(id),") }, "\(id)") }
        let tagged = try await run(ListCommand.self, ["--tag", "statistics", "--tag", "public-standards", "--format", "csv"])
        #expect(tagged.contains("orderly-release"))
        #expect(tagged.contains("selflessness"))
        #expect(!tagged.contains("algorithmic-bias"))
    }

    @Test func listRefusesAnUnknownAttributeOrTagWithASuggestion() async throws {
        await #expect {
            _ = try await run(ListCommand.self, ["--attribute", "justise", "--tag", "privasy"])
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.map(\.description) == [
                "error: there is no attribute 'justise'; did you mean 'justice'?",
                "error: no entry has the tag 'privasy'; did you mean 'privacy'?",
            ]
        }
    }

    @Test func lintPassesOnTheShippedGlossary() async throws {
        let text = try await run(LintCommand.self, [])
        #expect(text.hasSuffix("entries in 4 files: no problems\n"))
    }

    @Test func lintExitsOneWhenItFindsProblems() async throws {
        let directory = try TemporaryDirectory(prefix: "glossary-lint-command")
        let file = try directory.writePack("""
            terms:
              - {id: lonely, label: Lonely, definition: No source., see-also: [nobody]}
            """, to: "pack.yaml")
        let (context, output) = Fixtures.context()
        let settings = GlossarySettings(files: [ContentPath(path: file, written: "pack.yaml", location: SourceLocation(file: "c.yaml", line: 1, column: 1))])
        let plugin = GlossaryPlugin(settings: settings, context: context)
        await #expect(throws: ExitCode(1)) {
            try await LintCommand.parse([]).run(plugin: plugin, context: context)
        }
        #expect(output().hasSuffix("1 entry in 1 file: 2 problems\n"))
    }

    @Test func exportWritesSKOSToAFileReadableByAll() async throws {
        let directory = try TemporaryDirectory(prefix: "glossary-export")
        let path = directory.path + "/glossary.ttl"
        let printed = try await run(ExportCommand.self, ["--format", "skos", "--base-iri", "https://data.testshire.gov.uk/glossary", "-o", path])
        #expect(printed.isEmpty)
        let turtle = try String(contentsOfFile: path, encoding: .utf8)
        #expect(turtle.contains("<https://data.testshire.gov.uk/glossary#beneficence> a skos:Concept ;"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
    }

    @Test func exportRefusesSKOSOptionsWithOtherFormats() {
        #expect(throws: (any Error).self) { try ExportCommand.parse(["--format", "csv", "--syntax", "turtle"]) }
    }

    @Test func exportsTheWholeGlossaryInEachFormat() async throws {
        let html = try await run(ExportCommand.self, ["--format", "html"])
        #expect(html.contains("<dt id=\"term-explicability\">"))
        #expect(!html.contains("Terms used in this document"), "every term is defined on the page itself")
        let jsonld = try await run(ExportCommand.self, ["--format", "skos", "--syntax", "json-ld"])
        #expect(jsonld.contains("\"@graph\""))
        let json = try await run(ExportCommand.self, ["--format", "json"])
        #expect(json.contains("\"id\" : \"non-maleficence\""))
    }
}

/// The plugin as the host sees it: settings from the configuration, lazy content, the listener.
@Suite struct PluginTests {
    @Test func linksTermsInEveryMarkdownAndHTMLDocumentRenderedOnItsBus() throws {
        let (_, context, _) = try Fixtures.shippedPlugin()
        let document = Document(title: "Decision: publish parking data", blocks: [
            .paragraph("We will complete a DPIA and check the tool for algorithmic bias."),
        ])
        let markdown = try context.renderer.render(document, as: .markdown)
        #expect(markdown.contains("complete a [DPIA](#term-data-protection-impact-assessment)"))
        #expect(markdown.contains("[algorithmic bias](#term-algorithmic-bias)"))
        #expect(markdown.contains("<a id=\"term-algorithmic-bias\"></a>**Algorithmic bias**"))
        let html = try context.renderer.render(document, as: .html)
        #expect(html.contains("<a class=\"term\" href=\"#term-algorithmic-bias\">algorithmic bias</a>"))
        let text = try context.renderer.render(document, as: .text)
        #expect(!text.contains("Terms used"), "plain text is not annotated")
    }

    @Test func linksNothingWhenTheConfigurationSaysNot() throws {
        let (context, _) = Fixtures.context(attributes: try Fixtures.shippedAttributes())
        let files = Fixtures.shippedGlossaryFiles.map { ContentPath(path: $0, written: $0, location: SourceLocation(file: "c", line: 1, column: 1)) }
        let plugin = GlossaryPlugin(settings: GlossarySettings(files: files, linkTerms: false), context: context)
        try Fixtures.activate(plugin, in: context)
        let markdown = try context.renderer.render(Document(title: "T", blocks: [.paragraph("A DPIA.")]), as: .markdown)
        #expect(!markdown.contains("#term-"))
    }

    @Test func aGlossaryFileThatCannotBeReadIsReportedAtTheLineNamingIt() throws {
        let (context, _) = Fixtures.context()
        let mention = SourceLocation(file: "council.yaml", line: 7, column: 14)
        let settings = GlossarySettings(files: [ContentPath(path: "/nonexistent/local.yaml", written: "local.yaml", location: mention)])
        let plugin = GlossaryPlugin(settings: settings, context: context)
        #expect {
            try plugin.checkContent()
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.count == 1 && diagnostics[0].location == mention
                && diagnostics[0].message.hasPrefix("cannot use 'local.yaml': cannot read the file")
        }
    }

    @Test func readsNoContentUntilAskedAndReportsContentProblemsFromCheckContent() throws {
        let directory = try TemporaryDirectory(prefix: "glossary-plugin")
        let file = directory.path + "/later.yaml"
        let (context, _) = Fixtures.context()
        let settings = GlossarySettings(files: [ContentPath(path: file, written: "later.yaml", location: SourceLocation(file: "c", line: 1, column: 1))])
        let plugin = GlossaryPlugin(settings: settings, context: context)
        try directory.writePack("terms:\n  - {id: late, label: Late, definition: Written after start., attributes: [hapiness]}", to: "later.yaml")
        #expect {
            try plugin.checkContent()
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.description) == [
                "\(file):8:76: error: unknown attribute 'hapiness'; known attributes: beneficence, non-maleficence, autonomy, justice, explicability",
            ]
        }
    }
}
