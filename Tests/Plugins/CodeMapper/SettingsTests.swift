import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import EthicsYAML
import Testing
@testable import CodeMapper

/// The plugin's section of a council's configuration.
@Suite struct SettingsTests {
    private func decode(_ yaml: String) throws(DiagnosticError) -> CodeMapperPlugin.Settings {
        try YAMLDecoder().decode(CodeMapperPlugin.Settings.self, from: yaml, file: "/councils/anytown.yaml")
    }

    @Test func codesResolveAgainstTheConfigurationFile() throws {
        let settings = try decode("codes: [local/anytown-code.yaml]\n")
        #expect(settings.codes.map(\.path) == ["/councils/local/anytown-code.yaml"])
        #expect(settings.clausesPerCode == CodeMapperPlugin.Settings.defaultClausesPerCode)
    }

    /// A council's `codes+:` naming a shipped code again is refused where it is written, not
    /// reported as every id in the code defined twice at the place it was first defined.
    @Test func aCodeFileListedTwiceIsRefusedAtItsSecondMention() {
        let error = #expect(throws: DiagnosticError.self) { try decode("codes: [nolan.yaml, local/../nolan.yaml]\n") }
        #expect(error?.diagnostics.map(\.description) == [
            "/councils/anytown.yaml:1:21: error: 'local/../nolan.yaml' is listed twice; it is already loaded from /councils/anytown.yaml:1:9 (at plugins.code-mapper.codes)",
        ])
    }

    @Test func clausesPerCodeOutsideItsRangeIsReportedAtItsValue() {
        let error = #expect(throws: DiagnosticError.self) { try decode("codes: []\nclauses-per-code: 0\n") }
        #expect(error?.diagnostics.first?.location == EthicsDiagnostics.SourceLocation(file: "/councils/anytown.yaml", line: 2, column: 19))
        #expect(error?.diagnostics.first?.message == "clauses-per-code must be between 1 and 20, not 0")
    }

    @Test func unknownKeysAreErrorsWithASuggestion() {
        let error = #expect(throws: DiagnosticError.self) { try decode("code: [x.yaml]\n") }
        #expect(error?.diagnostics.map(\.message).sorted() == ["missing required key 'codes'", "unknown key 'code'"])
        #expect(error?.diagnostics.contains { $0.suggestion == "did you mean 'codes'?" } == true)
    }

    @Test func noConfiguredCodesIsReportedAgainstTheConfiguration() throws {
        let context = TestContext.make().plugin
        let plugin = try CodeMapperPlugin(settings: .init(codes: []), context: context)
        let error = #expect(throws: DiagnosticError.self) { try plugin.checkContent() }
        #expect(error?.diagnostics.first?.file == "test.yaml")
        #expect(error?.diagnostics.first?.message == "no code files are configured for code-mapper")
    }
}
