import EthicsDiagnostics
import Testing

@Suite struct DiagnosticTests {
    @Test func printsInTheFormatEditorsUnderstand() {
        let diagnostic = Diagnostic.error(
            "unknown key 'glosary'", at: SourceLocation(file: "Configs/toolkit.yaml", line: 4, column: 3),
            keyPath: "plugins.glosary", suggestion: "did you mean 'glossary'?")
        #expect(diagnostic.description
            == "Configs/toolkit.yaml:4:3: error: unknown key 'glosary' (at plugins.glosary); did you mean 'glossary'?")
    }

    @Test func fileWithoutPositionStillNamesTheFile() {
        #expect(Diagnostic.error("the file is empty", file: "a.yaml").description == "a.yaml: error: the file is empty")
    }

    @Test func errorsAreOrderedByFileAndPositionAndDeduplicated() {
        let late = Diagnostic.error("late", at: SourceLocation(file: "a.yaml", line: 9, column: 1))
        let early = Diagnostic.error("early", at: SourceLocation(file: "a.yaml", line: 2, column: 5))
        let other = Diagnostic.error("other file", at: SourceLocation(file: "b.yaml", line: 1, column: 1))
        let error = DiagnosticError([other, late, early, late])
        #expect(error.diagnostics.map(\.message) == ["early", "late", "other file"])
    }

    @Test func collectorGathersThrownDiagnosticsAndThrowsThemTogether() {
        var collector = DiagnosticCollector()
        let value: Int? = collector.collecting { () throws(DiagnosticError) -> Int in throw .error("first", file: "x.yaml") }
        #expect(value == nil)
        collector.append(.error("second", file: "y.yaml"))
        #expect(throws: DiagnosticError.self) { try collector.throwIfErrors() }
        #expect(collector.diagnostics.count == 2)
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("glosary", "glossary"), ("decison-flowchart", "decision-flowchart"),
        ("pluigns", "plugins"), ("Extends", "extends"),
    ])
    func suggestsTheClosePlausibleTypo(word: String, expected: String) {
        let candidates = ["glossary", "decision-flowchart", "plugins", "extends", "council"]
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "zebra", among: ["glossary", "plugins"]) == nil)
        #expect(Suggestion.didYouMean("zebra", among: ["glossary"]) == nil)
    }

    @Test func neverSuggestsTheWordItself() {
        #expect(Suggestion.closest(to: "plugins", among: ["plugins"]) == nil)
    }
}
