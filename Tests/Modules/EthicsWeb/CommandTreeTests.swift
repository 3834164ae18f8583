import ArgumentParser
import EthicsCore
@testable import EthicsHost
import EthicsWeb
import Testing

/// The whole `ethics` command tree as the executable builds it: the host's commands, the web
/// front end's and every in-tree plugin's. Lives here because this test target links all three.
@Suite struct CommandTreeTests {
    /// Every command in the tree, depth first, from the root.
    static func everyCommand() -> [any ParsableCommand.Type] {
        let environment = HostEnvironment(
            pluginCommands: WebHarness.plugins.map { $0.command }, configFile: "", hostCommands: WebCommands.all)
        return HostEnvironment.$current.withValue(environment) {
            var found: [any ParsableCommand.Type] = []
            var pending: [any ParsableCommand.Type] = [EthicsCommand.self]
            while let command = pending.popLast() {
                found.append(command)
                pending += command.configuration.subcommands
            }
            return found
        }
    }

    /// A command without a `commandName` is named by swift-argument-parser with
    /// `String(describing:)`, which makes the Swift runtime search every protocol conformance in
    /// the binary several times over; every run of `ethics`, `--help` included, builds the whole
    /// tree and paid about 1.5 ms for eight such commands. Names are spelt out instead.
    @Test func everyCommandNamesItself() {
        let commands = Self.everyCommand()
        #expect(commands.count > 50)
        let unnamed = commands.filter { $0.configuration.commandName == nil }.map { String(reflecting: $0) }
        #expect(unnamed.isEmpty, "commands without a commandName: \(unnamed)")
    }

    /// `ethics --help` is written by ``FrontPage`` rather than by the parser's help generator
    /// (for speed); it must still be, character for character, the page the parser would write,
    /// at any width, with or without plugins.
    @Test(arguments: [80, 44, 132])
    func theFrontPageIsTheParsersHelp(columns: Int) {
        let full = HostEnvironment(
            pluginCommands: WebHarness.plugins.map { $0.command }, configFile: "/council/ethics.yaml",
            hostCommands: WebCommands.all)
        for environment in [full, HostEnvironment(pluginCommands: [], configFile: "")] {
            HostEnvironment.$current.withValue(environment) {
                let page = FrontPage.text(columns: columns)
                // The parser's page, with the host's own `--version` (answered before parsing).
                let parsers = EthicsCommand.helpMessage(columns: columns)
                #expect(!parsers.contains("--version"), "the parser offers no --version of its own")
                #expect(page == parsers.replacing("\n  -h, --help", with: "\n  --version               Show the version.\n  -h, --help"))
                #expect(page.contains("USAGE: ethics [--config <file>] [--as <name>] <subcommand>"))
            }
        }
    }

    /// The width is the parser's: `COLUMNS` first, and 80 when the output is not a terminal.
    @Test func theFrontPageIsWrappedToTheParsersWidth() {
        #expect(FrontPage.columns(environment: ["COLUMNS": "60"], outputIsTerminal: false) == 60)
        #expect(FrontPage.columns(environment: [:], outputIsTerminal: false) == 80)
        #expect(FrontPage.wrapped("one two three", to: 10, indent: 2) == "  one two\n  three")
        #expect(FrontPage.wrapped("a\n\nb", to: 9) == "a\n\nb")
    }

    /// The names are the ones users type: lower case, words joined by hyphens.
    @Test func commandNamesAreKebabCase() {
        for command in Self.everyCommand() {
            let name = command.configuration.commandName ?? ""
            #expect(name.wholeMatch(of: /[a-z][a-z0-9]*(-[a-z0-9]+)*/) != nil, "\(command): '\(name)'")
        }
    }
}
