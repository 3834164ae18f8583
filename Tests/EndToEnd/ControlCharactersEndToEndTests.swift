import EthicsTestSupport
import Foundation
import Testing

/// Control characters that arrive escaped or typed, never raw bytes in a file, must not reach a
/// terminal or a written document as they are.
@Suite struct ControlCharactersEndToEndTests {
    static func rawControls(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter { ($0 < 0x20 && ![0x09, 0x0A, 0x0D].contains($0)) || (0x7F..<0xA0).contains($0) }
    }

    /// A record's title is one plain line: typed with escapes it is refused before anything is
    /// made. Escapes that arrive in content (an answers file's notes) are shown, never obeyed.
    @Test func escapesAreRefusedInATitleAndShownNotObeyedInContent() throws {
        let directory = try TemporaryDirectory()
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        let refused = try CommandRunner.ethics(
            ["canvas-builder", "new", "--title", "Repairs \u{1B}]0;pwn\u{07}\u{1B}[2J", "-o", "c.canvas.yaml"],
            environment: environment, in: directory.url)
        #expect(refused.status == 2 && refused.stderr.contains("--title: a record's title must be one line, without control characters"),
                "\(refused)")
        #expect(Self.rawControls(refused.stderr).isEmpty && !FileManager.default.fileExists(atPath: directory.path + "/c.canvas.yaml"))
        let walk = try CommandRunner.ethics(
            ["decision-flowchart", "run", "--title", "Line one\nLine two", "--answers",
             CommandRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/DecisionFlowchart/escalate.answers.yaml").path],
            environment: environment, in: directory.url)
        #expect(walk.status == 2 && walk.stderr.contains("a record's title must be one line"), "\(walk)")

        let created = try CommandRunner.ethics(
            ["canvas-builder", "new", "--title", "Repairs", "-o", "c.canvas.yaml"], environment: environment, in: directory.url)
        #expect(created.status == 0, "\(created)")
        _ = try directory.write("areas:\n  reasons:\n    notes: \"Repairs \\e]0;pwn\\a\\e[2J\"\n", to: "answers.yaml")
        let filled = try CommandRunner.ethics(
            ["canvas-builder", "fill", "c.canvas.yaml", "--answers", "answers.yaml"], environment: environment, in: directory.url)
        #expect(filled.status == 0, "\(filled)")
        for format in ["text", "markdown", "html"] {
            let rendered = try CommandRunner.ethics(
                ["canvas-builder", "render", "c.canvas.yaml", "--format", format], environment: environment, in: directory.url)
            #expect(rendered.status == 0, "\(rendered)")
            #expect(Self.rawControls(rendered.stdout).isEmpty, "\(format)")
            #expect(rendered.stdout.contains("\u{241B}") && rendered.stdout.contains("pwn\u{2407}"), "the characters are shown: \(format)")
        }
    }

    @Test func aC1ControlInASpreadsheetCellIsNotPrintedRaw() throws {
        let directory = try TemporaryDirectory()
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        // In a title it is refused at its cell; in the rest of a row it is kept, and shown.
        _ = try directory.write("title,author,summary\nRepairs \u{9B}31m,Ann,x\n", to: "titled.csv")
        let refused = try CommandRunner.ethics(["records", "import", "titled.csv"], environment: environment, in: directory.url)
        #expect(refused.status == 2 && refused.stderr.contains("titled.csv:2:1: error: a record's title must be one line"), "\(refused)")
        _ = try directory.write("title,author,summary\nRepairs,Ann,\"x \u{9B}1;1H\"\n", to: "log.csv")
        let imported = try CommandRunner.ethics(["records", "import", "log.csv"], environment: environment, in: directory.url)
        #expect(imported.status == 0, "\(imported)")
        #expect(Self.rawControls(imported.stdout).isEmpty)
        for arguments in [["records", "list"], ["records", "show", "dec-2026-0001"], ["records", "list", "--format", "markdown"]] {
            let result = try CommandRunner.ethics(arguments, environment: environment, in: directory.url)
            #expect(result.status == 0, "\(result)")
            #expect(Self.rawControls(result.stdout).isEmpty, "\(arguments)")
        }
    }

    @Test func aNULInTheCouncilNameDoesNotReachTheHTML() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("extends: default\ncouncil:\n  id: anytown\n  name: \"Any\\0town \\e[2J\"\n", to: "ethics.yaml")
        let result = try CommandRunner.ethics(
            ["--config", "ethics.yaml", "code-mapper", "show", "nolan", "--format", "html"],
            environment: ["XDG_DATA_HOME": directory.path + "/data"], in: directory.url)
        #expect(result.status == 0, "\(result)")
        #expect(Self.rawControls(result.stdout).isEmpty)
        #expect(result.stdout.contains("Any\u{2400}town \u{241B}[2J"))
    }
}
