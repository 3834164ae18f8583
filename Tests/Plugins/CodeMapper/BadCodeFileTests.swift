import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Foundation
import Testing
@testable import CodeMapper

/// A council's own code file is checked like the shipped ones, and every problem is reported at
/// the line and column where it is written.
@Suite struct BadCodeFileTests {
    /// A valid code of two clauses; each test breaks it in one way.
    static let validCode = """
        # A test code.
        id: testcode
        title: Test code
        summary: A code for tests.
        audience: [council-officer]
        provenance:
          source: Test source
          publisher: Test publisher
          url: https://example.org/test
          licence: Written for tests
          retrieved: 2026-11-22
        clauses:
          - id: testcode.1
            title: First
            text: The first clause.
            attributes:
              justice: It treats people fairly.
          - id: testcode.2
            title: Second
            text: The second clause.
            attributes:
              explicability: It can be explained.
            related: [nolan.openness]

        """

    /// Loads the Nolan principles and `text`, written to a file, and returns every problem found.
    private func problems(in text: String) throws -> (file: String, diagnostics: [Diagnostic]) {
        let directory = try TemporaryDirectory()
        let file = try directory.write(text, to: "local/testcode.yaml")
        let nolan = Fixtures.configs + "/content/codes/nolan.yaml"
        let loader = CodeLibraryLoader(attributes: try Fixtures.shippedAttributes())
        do {
            _ = try loader.load([Fixtures.contentPath(nolan), Fixtures.contentPath(file)])
            return (file, [])
        } catch {
            return (file, error.diagnostics)
        }
    }

    private func expectProblem(
        _ diagnostics: [Diagnostic], in file: String, at position: (line: Int, column: Int), containing message: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        let diagnostic = diagnostics.first
        #expect(diagnostic?.location == EthicsDiagnostics.SourceLocation(file: file, line: position.line, column: position.column),
                sourceLocation: sourceLocation)
        #expect(diagnostic?.message.contains(message) == true, "\(String(describing: diagnostic))", sourceLocation: sourceLocation)
    }

    @Test func theValidCodeHasNoProblems() throws {
        #expect(try problems(in: Self.validCode).diagnostics.isEmpty)
    }

    @Test func aDuplicateClauseIDIsReportedWhereItIsWrittenAgain() throws {
        let text = Self.validCode.replacingOccurrences(of: "id: testcode.2", with: "id: testcode.1")
        let (file, diagnostics) = try problems(in: text)
        let first = try Fixtures.position(of: "testcode.1", in: text)
        let second = try Fixtures.position(of: "testcode.1", in: text, occurrence: 2)

        expectProblem(diagnostics, in: file, at: second,
                      containing: "clause id 'testcode.1' is already defined at \(file):\(first.line):\(first.column)")
    }

    @Test func aClauseIDAlreadyUsedByAnotherCodeIsADuplicate() throws {
        let text = Self.validCode.replacingOccurrences(of: "id: testcode\n", with: "id: nolan\n")
            .replacingOccurrences(of: "testcode.1", with: "nolan.openness")
            .replacingOccurrences(of: "testcode.2", with: "nolan.extra")
            .replacingOccurrences(of: "related: [nolan.openness]\n", with: "")
        let (file, diagnostics) = try problems(in: text)

        #expect(diagnostics.map(\.location?.file) == [file, file])
        #expect(diagnostics.map(\.message).allSatisfy { $0.contains("is already defined at") })
        #expect(diagnostics.first?.message.hasPrefix("code id 'nolan'") == true)
        #expect(diagnostics.last?.message.hasPrefix("clause id 'nolan.openness'") == true)
    }

    @Test func anUnknownAttributeIsReportedAtItsKeyWithASuggestion() throws {
        let text = Self.validCode.replacingOccurrences(of: "justice: It treats", with: "justise: It treats")
        let (file, diagnostics) = try problems(in: text)

        expectProblem(diagnostics, in: file, at: try Fixtures.position(of: "justise", in: text),
                      containing: "unknown attribute 'justise'")
        #expect(diagnostics.first?.suggestion == "did you mean 'justice'?")
    }

    @Test func missingProvenanceIsReportedAtTheTopOfTheCode() throws {
        let text = Self.validCode.replacingOccurrences(
            of: "provenance:\n  source: Test source\n  publisher: Test publisher\n  url: https://example.org/test\n  licence: Written for tests\n  retrieved: 2026-11-22\n",
            with: "")
        #expect(!text.contains("provenance"))
        let (file, diagnostics) = try problems(in: text)

        expectProblem(diagnostics, in: file, at: try Fixtures.position(of: "id: testcode", in: text),
                      containing: "the code has no provenance")
    }

    @Test func anIncompleteProvenanceIsReportedAtTheProvenance() throws {
        let text = Self.validCode.replacingOccurrences(of: "  licence: Written for tests\n", with: "")
        let (file, diagnostics) = try problems(in: text)

        expectProblem(diagnostics, in: file, at: try Fixtures.position(of: "source: Test source", in: text),
                      containing: "missing required key 'licence'")
    }

    @Test func anUnknownRelatedClauseIsReportedAtTheReferenceWithASuggestion() throws {
        let text = Self.validCode.replacingOccurrences(of: "[nolan.openness]", with: "[nolan.opennes]")
        let (file, diagnostics) = try problems(in: text)

        expectProblem(diagnostics, in: file, at: try Fixtures.position(of: "nolan.opennes", in: text),
                      containing: "names related clause 'nolan.opennes', which no code defines")
        #expect(diagnostics.first?.suggestion == "did you mean 'nolan.openness'?")
    }

    @Test func aRelatedClauseOfTheSameCodeIsRefused() throws {
        let text = Self.validCode.replacingOccurrences(of: "[nolan.openness]", with: "[testcode.1]")
        let (file, diagnostics) = try problems(in: text)

        expectProblem(diagnostics, in: file, at: try Fixtures.position(of: "testcode.1]", in: text),
                      containing: "of its own code")
    }

    @Test func aClauseWithoutAttributesIsReportedAtItsID() throws {
        let text = Self.validCode.replacingOccurrences(of: "    attributes:\n      justice: It treats people fairly.\n", with: "")
        let (file, diagnostics) = try problems(in: text)

        expectProblem(diagnostics, in: file, at: try Fixtures.position(of: "testcode.1", in: text),
                      containing: "clause 'testcode.1' serves no attribute")
    }

    @Test func everyProblemInAFileIsReportedAtOnce() throws {
        let text = Self.validCode
            .replacingOccurrences(of: "id: testcode.1", with: "id: other.1")
            .replacingOccurrences(of: "explicability: It can be explained.", with: "explicability:")
            .replacingOccurrences(of: "title: Second", with: "titel: Second")
        let (file, diagnostics) = try problems(in: text)

        // The misspelt key is found by decoding; the content checks still run in the same pass.
        #expect(diagnostics.count == 4, "\(diagnostics)")
        #expect(diagnostics.map(\.location?.file) == [file, file, file, file])
        #expect(diagnostics.contains { $0.message == "unknown key 'titel'" && $0.suggestion == "did you mean 'title'?" })
        #expect(diagnostics.contains { $0.message == "missing required key 'title'" })
        #expect(diagnostics.contains { $0.message.hasPrefix("clause id 'other.1' must start with the code's id") })
        #expect(diagnostics.contains { $0.message.hasPrefix("clause 'testcode.2' maps to 'explicability' without saying why") })

        let fixed = text.replacingOccurrences(of: "titel:", with: "title:")
        let contentProblems = try problems(in: fixed).diagnostics.map(\.message)
        #expect(contentProblems == [
            "clause id 'other.1' must start with the code's id, as in 'testcode.other.1'",
            "clause 'testcode.2' maps to 'explicability' without saying why; give a one-line reason",
        ])
    }

    @Test func anUnreadableFileIsReportedWhereTheConfigurationNamesIt() throws {
        let missing = ContentPath(
            path: "/nonexistent/codes/ours.yaml", written: "codes/ours.yaml",
            location: EthicsDiagnostics.SourceLocation(file: "council.yaml", line: 7, column: 9))
        let loader = CodeLibraryLoader(attributes: try Fixtures.shippedAttributes())
        let error = #expect(throws: DiagnosticError.self) { try loader.load([missing]) }
        #expect(error?.diagnostics.first?.location == missing.location)
        #expect(error?.diagnostics.first?.message.hasPrefix("cannot use 'codes/ours.yaml': cannot read the file") == true)
    }

    @Test func checkContentReportsTheProblemsOfAConfiguredCode() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(
            Self.validCode.replacingOccurrences(of: "justice: It treats", with: "fairness: It treats"), to: "ours.yaml")
        let (plugin, _) = try Fixtures.plugin(adding: [file])

        let error = #expect(throws: DiagnosticError.self) { try plugin.checkContent() }
        #expect(error?.diagnostics.map(\.message) == ["unknown attribute 'fairness'"])
    }

    /// A bad date (decoding), an unknown attribute (the file's own checks) and a misspelt related
    /// clause (the checks across codes) are three stages; one run reports all three.
    @Test func problemsFromEveryStageAreReportedInOneRun() throws {
        let text = Self.validCode
            .replacingOccurrences(of: "retrieved: 2026-11-22", with: "retrieved: 2026-13-45")
            .replacingOccurrences(of: "justice: It treats", with: "justise: It treats")
            .replacingOccurrences(of: "related: [nolan.openness]", with: "related: [nolan.opennes]")
        let (file, diagnostics) = try problems(in: text)
        #expect(diagnostics.map { $0.location?.line ?? 0 } == [11, 17, 23], "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.location?.file == file })
        #expect(diagnostics.map(\.message).contains { $0.contains("'2026-13-45' is not a date") })
        #expect(diagnostics.map(\.message).contains { $0.contains("unknown attribute 'justise'") })
        #expect(diagnostics.map(\.message).contains { $0.contains("'nolan.opennes', which no code defines") })
    }
}
