import EthicsHost
import EthicsTestSupport
import EthicsYAML
import Testing

@Suite struct HostCommandTests {
    @Test func helpListsTheEnabledPluginsFromTheirDescriptorsAndTheHostCommands() async throws {
        let host = try HostHarness()
        let result = await host.run(["--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("fixture                 Greets, and checks the files it is given."))
        #expect(result.stdout.contains("\n  plugins "))
        #expect(result.stdout.contains("\n  config "))
        #expect(!result.stdout.contains("quiet"), "a plugin the configuration leaves off is not offered")
    }

    /// `--help` and `-h` alone are answered without parsing, by the front page. That it is the
    /// parser's own page, character for character, is held by `CommandTreeTests` (at fixed
    /// widths: the parser reads this process's terminal) and by the end-to-end tests.
    @Test func theFrontPageIsAnsweredWithoutParsing() async throws {
        let host = try HostHarness()
        let parsed = await host.run(["help"])
        #expect(parsed.status == 0 && parsed.stdout.contains("USAGE: ethics"), "\(parsed)")
        for arguments in [["--help"], ["-h"]] {
            let result = await host.run(arguments, environment: ["COLUMNS": "80"])
            #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments): \(result)")
            #expect(result.stdout.contains("USAGE: ethics [--config <file>] [--as <name>] <subcommand>"))
            #expect(result.stdout.contains("\nOPTIONS:\n  --config <file>  "))
            #expect(result.stdout.hasSuffix("See 'ethics help <subcommand>' for detailed help.\n"))
        }
    }

    @Test func versionNeedsNoConfiguration() async throws {
        let host = try HostHarness()
        let result = await host.run(["--version"], environment: ["ETHICS_CONFIG": "/nonexistent.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout == ToolkitVersion.current + "\n")
    }

    @Test func pluginsListsEveryCompiledPluginWithItsVersionAndState() async throws {
        let host = try HostHarness()
        let result = await host.run(["plugins", "--format", "csv"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("fixture,1.2.3,yes,"))
        #expect(result.stdout.contains("quiet,0.0.1,no,"))
    }

    @Test func runsAPluginCommandWithSettingsFromTheConfiguration() async throws {
        let host = try HostHarness()
        let result = await host.run(["fixture", "greet", "Anytown"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Hello, Anytown (Fixture default)\n"))
        #expect(result.stdout.contains("file: \(host.home)/Configs/content/attributes.yaml"))
    }

    @Test func aCompiledInPluginThatIsNotEnabledNamesTheFileAndTheKey() async throws {
        let host = try HostHarness()
        let result = await host.run(["quiet"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(host.defaultConfig): error: the plugin 'quiet' is compiled in but not enabled"))
        #expect(result.stderr.contains("quiet: {}"))
    }

    @Test func aPluginSwitchedOffIsReportedAtTheLineThatSwitchesItOff() async throws {
        let host = try HostHarness()
        let config = try host.write("extends: default\ncouncil: {id: anytown, name: Anytown}\nplugins:\n  fixture: false\n", to: "anytown.yaml")
        let result = await host.run(["--config", config, "fixture", "greet"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(config):4:3: error: the plugin 'fixture' is switched off here"))
    }

    @Test func badArgumentsExitWithStatusTwo() async throws {
        let host = try HostHarness()
        let result = await host.run(["fixture", "greet", "a", "b"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unexpected argument"))
    }

    @Test func aMisspeltCommandIsNamedWithTheNearestOne() async throws {
        let host = try HostHarness()
        let top = await host.run(["fixtur", "greet"])
        #expect(top.status == 2 && top.stderr == "error: 'fixtur' is not a command of 'ethics'; did you mean 'fixture'?\n", "\(top)")
        let nested = await host.run(["config", "chek"])
        #expect(nested.status == 2 && nested.stderr == "error: 'chek' is not a command of 'ethics config'; did you mean 'check'?\n", "\(nested)")
        let far = await host.run(["zzzzzzzz"])
        #expect(far.status == 2 && far.stderr == "error: 'zzzzzzzz' is not a command of 'ethics'; its commands are fixture, plugins, config, records\n",
                "each command named once: \(far)")
        let help = await host.run(["help", "config", "chek"])
        #expect(help.status == 2 && help.stdout.isEmpty && help.stderr == nested.stderr, "\(help)")
        let known = await host.run(["help", "config", "check"])
        #expect(known.status == 0 && known.stdout.contains("USAGE: ethics config check"), "\(known)")
    }

    /// A command with no subcommands is parsed alone, under a stand-in root; its help, asked
    /// for on its own line, must still come from the real root and name the whole path.
    @Test func aCommandsOwnHelpNamesItsWholePath() async throws {
        let host = try HostHarness()
        for arguments in [["fixture", "greet", "--help"], ["fixture", "greet", "-h"], ["help", "fixture", "greet"]] {
            let result = await host.run(arguments)
            #expect(result.status == 0 && result.stdout.contains("USAGE: ethics fixture greet"), "\(arguments): \(result)")
        }
        let parsed = await host.run(["fixture", "greet", "Anytown"])
        #expect(parsed.status == 0 && parsed.stdout.hasPrefix("Hello, Anytown"), "\(parsed)")
    }

    @Test func completionScriptsNameThePluginCommands() async throws {
        let host = try HostHarness()
        let result = await host.run(["--generate-completion-script", "bash"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("_ethics"))
        #expect(result.stdout.contains("fixture"))
    }

    @Test func configCheckOnACleanConfigurationSaysWhatItChecked() async throws {
        let host = try HostHarness()
        let result = await host.run(["config", "check"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == """
            \(host.defaultConfig): ok: council 'default', 5 attributes, 1 plugin enabled (fixture)
            register: SQLite, \(host.directory.path)/data/ethics/default/register.sqlite

            """)
    }

    /// A blank `--as` would quietly sign as the login name; a line break or an escape would
    /// break every table and page the name is kept on. Both are refused before anything runs.
    @Test func theActingPersonMustBeNamedOnOneLine() async throws {
        let host = try HostHarness()
        let cases: [([String], [String: String], String)] = [
            (["--as", ""], [:], "error: --as names nobody"),
            (["--as", "   "], [:], "error: --as names nobody"),
            (["--as", "Sam\nPatel"], [:], "error: --as holds a control character"),
            ([], ["ETHICS_AUTHOR": "Sam\u{1B}[2JPatel"], "error: ETHICS_AUTHOR holds a control character"),
        ]
        for (arguments, environment, expected) in cases {
            let result = await host.run(arguments + ["fixture", "greet", "Anytown"], environment: environment)
            #expect(result.status == 2 && result.stderr.hasPrefix(expected) && result.stdout.isEmpty, "\(arguments) \(environment): \(result)")
        }
        #expect(await host.run(["--as", "Zoë O'Neill-Smith", "fixture", "greet", "Anytown"]).status == 0)
    }

    /// With no HOME and no XDG_DATA_HOME there is no register anywhere: reading says so rather
    /// than read an empty one at a made-up path, and the check says where it would be.
    @Test func withNoPrivatePlaceEveryRegisterCommandSaysSo() async throws {
        let host = try HostHarness()
        let nowhere = ["HOME": "", "XDG_DATA_HOME": ""]
        for arguments in [["records", "list"], ["records", "verify"], ["records", "due"]] {
            let result = await host.run(arguments, environment: nowhere)
            #expect(result.status == 2, "\(arguments): \(result)")
            #expect(result.stderr.contains("error: there is no private place for the register: neither XDG_DATA_HOME nor HOME is set"),
                    "\(arguments): \(result)")
        }
        let check = await host.run(["config", "check"], environment: nowhere)
        #expect(check.stdout.hasSuffix("register: SQLite, nowhere: neither XDG_DATA_HOME nor HOME is set, and the configuration names no 'workspace:'\n"),
                "\(check)")
    }

    /// `ETHICS_REGISTER_URL` wins over a configuration's `register:`; the check says so, so that
    /// nobody finds it out from where their records went.
    @Test func configCheckSaysWhichRegisterIsInUseAndWhy() async throws {
        let host = try HostHarness()
        let url = "postgres://ethics@db.example:5432/ethics"
        let fromEnvironment = await host.run(["config", "check"], environment: ["ETHICS_REGISTER_URL": url])
        #expect(fromEnvironment.stdout.hasSuffix("register: PostgreSQL, \(url) (from ETHICS_REGISTER_URL)\n"), "\(fromEnvironment)")

        let config = try host.write("""
            extends: default
            register: {engine: postgres, url: "postgres://ethics@other.example:5432/ethics"}
            """, to: "ethics.yaml")
        let configured = await host.run(["--config", config, "config", "check"])
        #expect(configured.stdout.hasSuffix("register: PostgreSQL, postgres://ethics@other.example:5432/ethics\n"), "\(configured)")
        let both = await host.run(["--config", config, "config", "check"], environment: ["ETHICS_REGISTER_URL": url])
        #expect(both.stdout.hasSuffix(
            "register: PostgreSQL, \(url) (from ETHICS_REGISTER_URL, which wins over the configuration's 'register:')\n"), "\(both)")
    }

    @Test func configCheckReportsEveryProblemAtOnceWithPositionsAndSuggestions() async throws {
        let host = try HostHarness()
        try host.write("name: [unclosed\n", to: "bad-content.yaml")
        let config = try host.write("""
            counsil: {id: anytown, name: Anytown}
            attributes: [home/Configs/content/attributes.yaml]
            log-level: loud
            plugins:
              fixtur: {}
              fixture:
                greeting: [not, text]
                files: [bad-content.yaml]
            """, to: "anytown.yaml")
        let result = await host.run(["config", "check", "--config", config])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(config):1:1: error: unknown key 'counsil' (at counsil); did you mean 'council'?"), "\(lines)")
        #expect(lines.contains("\(config):1:1: error: missing required key 'council'"))
        #expect(lines.contains { $0.hasPrefix("\(config):3:12: error: unknown value 'loud'") })
        #expect(lines.contains("\(config):5:3: error: unknown plugin 'fixtur' (at plugins.fixtur); did you mean 'fixture'?"))
        // Plugin settings are checked even when the configuration around them has problems.
        #expect(lines.contains("\(config):7:15: error: expected text, found a list (at plugins.fixture.greeting)"), "\(lines)")
    }

    @Test func aMissingAttributePackIsReportedAtTheLineThatNamesIt() async throws {
        let host = try HostHarness()
        let config = try host.write("extends: default\nattributes+: [local/atributes.yaml]\n", to: "c.yaml")
        let result = await host.run(["config", "check", "--config", config])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(config):2:15: error: cannot use 'local/atributes.yaml': cannot read the file"), "\(result)")
    }

    @Test func pluginSettingsAndContentAreCheckedToo() async throws {
        let host = try HostHarness()
        try host.write("name: [unclosed\n", to: "bad-content.yaml")
        let config = try host.write("""
            extends: default
            plugins:
              fixture:
                greetin: Hi
                files: [bad-content.yaml]
            """, to: "anytown.yaml")
        let result = await host.run(["config", "check", "--config", config])
        #expect(result.status == 2)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines == ["\(config):4:5: error: unknown key 'greetin' (at plugins.fixture.greetin); did you mean 'greeting'?"])
        // Settings are fixed before content is read, so the content error waits for the next check.
        let fixed = try host.write("extends: default\nplugins:\n  fixture:\n    greeting: Hi\n    files: [bad-content.yaml]\n", to: "fixed.yaml")
        let second = await host.run(["config", "check", "--config", fixed])
        #expect(second.status == 2)
        #expect(second.stderr.hasPrefix("\(host.directory.path)/bad-content.yaml:2:1: error: the list opened with '[' at line 1, column 7 is not closed"), "\(second)")
    }
}
