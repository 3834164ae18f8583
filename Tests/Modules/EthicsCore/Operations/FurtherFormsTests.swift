import ArgumentParser
import EthicsCore
import EthicsTestSupport
import Foundation
import Testing

/// The command line's adapter for operations that ask a further form while they run (a form
/// whose fields come from content, such as a standard's record): an answers file answers it under
/// its own key; a terminal is asked every field it has no answer to, even when all are optional;
/// and an operation whose check fails has its report written before the exit status 1.
@Suite struct FurtherFormsTests {
    struct Asking: EthicsPlugin {
        static let descriptor = PluginDescriptor(id: "asking", name: "Asking", summary: "Tests.", version: "0.1.0")
        init(settings: NoSettings, context: PluginContext) {}

        static let extra = Form(id: "extra", title: "Extra", fields: [
            FormField(id: "colour", label: "Colour", kind: .text, isRequired: false),
            FormField(id: "size", label: "Size", kind: .text, isRequired: false),
        ])

        static let operations: [PluginOperation<Asking>] = [
            PluginOperation(
                "ask", summary: "Ask a further form.", input: [FormField(id: "file", label: "File", kind: .text)],
                positional: ["file"], asks: ["extra"]
            ) { _, input, _ in
                let answers = try await input.forms.answers(to: extra, current: FormAnswers(["size": .text("large")]))
                return Document(title: "\(input.answers.text("file") ?? "") \(answers.text("colour") ?? "none") \(answers.text("size") ?? "none")")
            },
            PluginOperation("fails", summary: "A check that finds problems.") { _, _, _ in
                throw CheckFailure(document: Document(title: "Two problems found"))
            },
        ]
    }

    private func run(_ words: [String], terminal: (any Terminal)? = nil) async throws -> (output: String, error: (any Error)?) {
        let context = TestContext.make(terminal: terminal)
        let command = try OperationsCommand<Asking>.parse(words)
        do {
            try await command.run(plugin: Asking(settings: NoSettings(), context: context.plugin), context: context.plugin)
            return (context.output, nil)
        } catch {
            return (context.output, error)
        }
    }

    private func answersFile(_ text: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory(prefix: "further-forms")
        let path = directory.path + "/answers.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (directory, path)
    }

    /// A misspelt option is named with the option it is nearest, dashes and all, and takes its
    /// value with it rather than leaving it to be reported again as a stray argument.
    @Test func aMisspeltOptionIsNamedOnceWithTheNearestOption() async throws {
        // `fails` takes no argument, so a value left behind would be reported as unexpected.
        for (words, nearest) in [(["fails", "--fromat", "html"], "format"), (["fails", "--outptu", "x.docx"], "output")] {
            let (_, error) = try await run(words)
            let diagnostics = try #require(error as? DiagnosticError, "\(words)").diagnostics
            #expect(diagnostics.map(\.description) == ["error: unknown option '\(words[1])' for 'fails'; did you mean '--\(nearest)'?"],
                    "\(diagnostics)")
        }
    }

    @Test func anAnswersFileAnswersTheFurtherFormUnderItsKey() async throws {
        let (directory, path) = try answersFile("extra:\n  colour: red\n")
        let result = try await run(["ask", "notes.txt", "--answers", path])
        #expect(result.error == nil)
        #expect(result.output.contains("notes.txt red none"), "\(result.output)")
        _ = directory
    }

    @Test func aKeyThatIsNeitherTheInputNorAFurtherFormIsAnError() async throws {
        let (directory, path) = try answersFile("extra:\n  colour: red\nextar: 1\n")
        let result = try await run(["ask", "notes.txt", "--answers", path])
        let error = try #require(result.error as? DiagnosticError)
        #expect(error.diagnostics.map(\.message) == ["'extar' is not a question here"])
        #expect(error.diagnostics.first?.location?.line == 3)
        _ = directory
    }

    /// An answer to a further form's question, left out of that form's key, is most often just
    /// that: the message says where such answers go.
    @Test func aFurtherFormsAnswerAtTheTopSaysWhereItGoes() async throws {
        let (directory, path) = try answersFile("colour: red\n")
        let result = try await run(["ask", "notes.txt", "--answers", path])
        let error = try #require(result.error as? DiagnosticError)
        #expect(error.diagnostics.map(\.message) == ["'colour' is not a question here"])
        #expect(error.diagnostics.first?.suggestion?.hasSuffix("; the answers to the questions asked as it runs go under 'extra:'") == true,
                "\(error.diagnostics)")
        _ = directory
    }

    @Test func aQuestionAnsweredByAnOptionAndTheFileTooSaysSo() async throws {
        let (directory, path) = try answersFile("extra:\n  colour: red\nfile: other.txt\n")
        let result = try await run(["ask", "--file", "notes.txt", "--answers", path])
        let error = try #require(result.error as? DiagnosticError)
        #expect(error.diagnostics.map(\.message) == ["'file' is answered on the command line too (--file); give it in one place"])
        #expect(error.diagnostics.first?.location?.line == 3)
        _ = directory
    }

    @Test func aTerminalIsAskedTheFieldsNotYetAnsweredThoughNoneIsRequired() async throws {
        let terminal = ScriptedTerminal(["blue"])
        let result = try await run(["ask", "notes.txt"], terminal: terminal)
        #expect(result.error == nil, "\(String(describing: result.error))")
        #expect(result.output.contains("notes.txt blue large"), "\(result.output)")
        #expect(terminal.transcript.contains("Colour (optional)"))
        #expect(!terminal.transcript.contains("Size"))
    }

    @Test func aFailedCheckWritesItsReportAndExitsOne() async throws {
        let result = try await run(["fails"])
        #expect(result.output.contains("Two problems found"))
        #expect((result.error as? ExitCode)?.rawValue == 1)
    }
}
