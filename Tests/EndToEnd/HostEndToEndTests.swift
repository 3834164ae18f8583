import EthicsTestSupport
import Foundation
import Testing

/// The real `ethics` binary on the real default toolkit, as a council's digital team runs it.
@Suite struct HostEndToEndTests {
    private let configs = CommandRunner.repositoryRoot.appendingPathComponent("Configs")

    /// The `plugins --format csv` rows: id, version, enabled, summary.
    private func pluginRows(_ arguments: [String] = []) throws -> [[String]] {
        let result = try CommandRunner.ethics(arguments + ["plugins", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        let rows = result.stdout.split(whereSeparator: \.isNewline).dropFirst().map { line in
            // Summaries may hold commas (quoted); the first three fields never do.
            let fields = line.split(separator: ",", maxSplits: 3).map(String.init)
            return fields.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        #expect(!rows.isEmpty, "the toolkit ships plugins")
        #expect(rows.allSatisfy { $0.count == 4 }, "\(rows)")
        return rows.filter { $0.count == 4 }
    }

    @Test func helpListsEveryEnabledPluginWithItsSummaryAndTheHostCommands() throws {
        let help = try CommandRunner.ethics(["--help"])
        #expect(help.status == 0, "\(help)")
        for command in ["plugins", "config"] {
            #expect(help.stdout.contains("\n  \(command) "), "host command \(command) missing")
        }
        for row in try pluginRows() where row[2] == "yes" {
            #expect(help.stdout.contains("\n  \(row[0]) "), "\(row[0]) missing from --help")
            #expect(help.stdout.replacingOccurrences(of: "\n", with: " ").contains(String(row[3].prefix(30))))
        }
    }

    /// `ethics --help` is written by the host's front page, `ethics help` by the parser: the
    /// shipped binary must give the same page both ways, at the default width and at another.
    @Test func theFrontPageIsThePageTheParserGives() throws {
        for columns in [nil, "50"] {
            let environment = columns.map { ["COLUMNS": $0] } ?? [:]
            let front = try CommandRunner.ethics(["--help"], environment: environment)
            #expect(front.status == 0 && front.stderr.isEmpty, "\(front)")
            #expect(front.stdout.contains("USAGE: ethics [--config <file>] [--as <name>] <subcommand>"))
            for same in [["help"], ["-h"]] {
                let other = try CommandRunner.ethics(same, environment: environment)
                #expect(other.status == 0 && front.stdout == other.stdout, "\(same), columns \(columns ?? "default")")
            }
        }
    }

    /// `--version` is the root's alone: a command with a `--version <version>` of its own shows
    /// that one in its help, not the parser's "Show the version." beside it.
    @Test func onlyTheRootOffersTheToolkitsVersion() throws {
        #expect(try CommandRunner.ethics(["--help"]).stdout.contains("\n  --version               Show the version.\n"))
        for command in [["records", "show"], ["decision-flowchart", "show"], ["records", "list"]] {
            let help = try CommandRunner.ethics(command + ["--help"])
            #expect(help.status == 0 && !help.stdout.contains("Show the version."), "\(help.stdout)")
        }
        #expect(try CommandRunner.ethics(["records", "show", "--help"]).stdout.contains("--version <version>"))
        let misplaced = try CommandRunner.ethics(["records", "list", "--version"])
        #expect(misplaced.status == 2 && misplaced.stderr.hasPrefix("error: Unknown option '--version'"), "\(misplaced)")
        let plugin = try CommandRunner.ethics(["decision-flowchart", "--version"])
        #expect(plugin.status == 2 && plugin.stderr.contains("'ethics --version' shows the toolkit's version, and 'ethics plugins' each plugin's."),
                "\(plugin)")
    }

    /// Run from a project's subfolder, the project's ethics.yaml is not read (only ./ethics.yaml
    /// is), and the run says so rather than quietly using the default toolkit and its register.
    @Test func aConfigurationInAFolderAboveIsNamedWhenItIsNotUsed() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-above")
        let config = try directory.write("extends: default\ncouncil: {id: above, name: Above}\n", to: "ethics.yaml")
        try FileManager.default.createDirectory(atPath: directory.path + "/papers", withIntermediateDirectories: true)
        let below = try CommandRunner.ethics(["plugins"], environment: ["ETHICS_CONFIG": ""], in: directory.url.appendingPathComponent("papers"))
        #expect(below.status == 0, "\(below)")
        #expect(below.stderr.contains("note: using the toolkit's default configuration, not \(config)"), "\(below)")
        let there = try CommandRunner.ethics(["plugins"], environment: ["ETHICS_CONFIG": ""], in: directory.url)
        #expect(!there.stderr.contains("note:"), "\(there)")
    }

    @Test func theDefaultToolkitEnablesEveryCompiledInPlugin() throws {
        for row in try pluginRows() {
            #expect(row[2] == "yes", "Configs/toolkit.yaml should enable \(row[0])")
        }
    }

    @Test func versionAndCompletionScripts() throws {
        let version = try CommandRunner.ethics(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.split(separator: ".").count == 3)
        for shell in ["bash", "zsh", "fish"] {
            let script = try CommandRunner.ethics(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell): \(script)")
            #expect(script.stdout.contains("ethics"))
        }
    }

    /// A usage error from swift-argument-parser begins "error:", as every other message does.
    @Test func aUsageErrorIsLabelledAsEveryOtherError() throws {
        let unknown = try CommandRunner.ethics(["records", "list", "--bogus"])
        #expect(unknown.status == 2 && unknown.stderr.hasPrefix("error: Unknown option '--bogus'"), "\(unknown)")
    }

    /// An empty file or folder name (a script's unset variable) names nothing: it is refused,
    /// not taken for the current folder.
    @Test func anEmptyNameForWhatIsWrittenIsRefused() throws {
        let workspace = try TemporaryDirectory(prefix: "ethics-empty-name")
        let environment = ["XDG_DATA_HOME": workspace.path]
        let log = CommandRunner.repositoryRoot.appendingPathComponent("Configs/examples/decision-log.csv").path
        #expect(try CommandRunner.ethics(["records", "import", log], environment: environment).status == 0)
        for (arguments, message) in [
            (["glossary", "list", "-o", ""], "error: no file is named: the name given is empty"),
            (["records", "backup", ""], "error: no file is named: the name given is empty"),
            (["records", "export", "--output", ""], "error: --output names no folder: the name given is empty"),
        ] {
            let run = try CommandRunner.ethics(arguments, environment: environment)
            #expect(run.status == 2 && run.stderr.hasPrefix(message), "\(arguments): \(run)")
        }
    }

    /// `ethics help WORDS` gives the help `WORDS --help` gives, an operation's included.
    @Test func helpForAnOperationIsTheOperationsHelp() throws {
        let asked = try CommandRunner.ethics(["help", "consequence-scanning", "scan"])
        let flagged = try CommandRunner.ethics(["consequence-scanning", "scan", "--help"])
        #expect(asked.status == 0 && flagged.status == 0, "\(asked)")
        #expect(asked.stdout == flagged.stdout && asked.stdout.contains("consequence-scanning scan"), "\(asked)")
        let plugin = try CommandRunner.ethics(["help", "consequence-scanning"])
        #expect(plugin.stdout.contains("Operations:"), "\(plugin)")
    }

    @Test func theDefaultToolkitAndEveryCouncilExampleCheckClean() throws {
        var files = [configs.appendingPathComponent("toolkit.yaml").path]
        let councils = configs.appendingPathComponent("councils")
        files += ((try? FileManager.default.contentsOfDirectory(atPath: councils.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.map { councils.appendingPathComponent($0).path }
        for file in files {
            let result = try CommandRunner.ethics(["config", "check", "--config", file])
            #expect(result.status == 0, "\(file): \(result)")
            #expect(result.stdout.hasPrefix("\(file): ok: "))
        }
    }

    @Test func configCheckReportsEveryPluginsContentProblemsTheSameWayEveryTime() throws {
        // The plugins' content is checked side by side; what is reported must not depend on
        // which check finishes first.
        let directory = try TemporaryDirectory()
        try directory.write("name: [unclosed\n", to: "bad-flowchart.yaml")
        try directory.write("code: [unclosed\n", to: "bad-code.yaml")
        try directory.write("term: [unclosed\n", to: "bad-glossary.yaml")
        let config = try directory.write("""
            extends: default
            plugins:
              glossary:
                files+: [bad-glossary.yaml]
              code-mapper:
                codes+: [bad-code.yaml]
              decision-flowchart:
                flowcharts+: [bad-flowchart.yaml]
            """, to: "ethics.yaml")
        var reports: Set<String> = []
        for _ in 0..<8 {
            let result = try CommandRunner.ethics(["config", "check", "--config", config])
            #expect(result.status == 2, "\(result)")
            reports.insert(result.stderr)
        }
        #expect(reports.count == 1, "the same report every time: \(reports)")
        let files = (reports.first ?? "").split(separator: "\n").compactMap { line in
            ["bad-flowchart.yaml", "bad-code.yaml", "bad-glossary.yaml"].first { line.contains($0) }
        }
        // Every plugin's problem, by file and position as every report is ordered.
        #expect(files == ["bad-code.yaml", "bad-flowchart.yaml", "bad-glossary.yaml"], "\(reports)")
    }

    @Test func aConfigurationInTheWorkingDirectoryIsFoundAndTheEnvironmentOverridesIt() throws {
        let directory = try TemporaryDirectory()
        try directory.write("extends: default\ncouncil: {id: cwd, name: Working Directory Council}\n", to: "ethics.yaml")
        let environmentConfig = try directory.write("extends: default\ncouncil: {id: env, name: Environment Council}\n", to: "env/ethics.yaml")
        let found = try CommandRunner.ethics(["config", "show"], in: directory.url)
        #expect(found.stdout.contains("name: Working Directory Council"), "\(found)")
        let overridden = try CommandRunner.ethics(["config", "show"], environment: ["ETHICS_CONFIG": environmentConfig], in: directory.url)
        #expect(overridden.stdout.contains("name: Environment Council"), "\(overridden)")
    }

    @Test func aConfigurationMistakeIsOnePositionedLineAndExitStatusTwo() throws {
        let directory = try TemporaryDirectory()
        let config = try directory.write("extends: default\nplugins:\n  glosary: {}\n", to: "council.yaml")
        let result = try CommandRunner.ethics(["--config", config, "--help"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("\(config):3:3: error: unknown plugin 'glosary'"), "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result)")
    }
}
