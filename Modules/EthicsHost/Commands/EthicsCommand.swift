import ArgumentParser

/// The root `ethics` command. Its subcommands are the plugins the configuration enables (read
/// from `HostEnvironment` while parsing) and the host's own commands.
struct EthicsCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        let environment = HostEnvironment.current
        // Plugins first: they are what a council runs the toolkit for.
        var groups: [CommandGroup] = []
        if !environment.pluginCommands.isEmpty {
            groups.append(CommandGroup(name: "Plugins", subcommands: environment.pluginCommands))
        }
        groups.append(CommandGroup(name: "Toolkit", subcommands: [PluginsCommand.self, ConfigCommand.self, RecordsCommand.self] + environment.hostCommands))
        return CommandConfiguration(
            commandName: "ethics",
            abstract: "Digital ethics in daily practice for councils and local public services.",
            discussion: """
                Runs the plugins that the configuration enables, each as a subcommand: \
                `ethics <plugin> --help` shows what a plugin offers.
                Configuration: \(environment.configFile.isEmpty ? "none loaded" : environment.configFile)
                """,
            // No `version:`: swift-argument-parser would then offer its `--version` on every
            // command's help, beside the `--version <version>` of `records show` and
            // `decision-flowchart show`. `ethics --version` is answered by the host before parsing
            // (``EthicsMain``) and listed on the front page (``FrontPage``).
            groupedSubcommands: groups)
    }

    /// Read by the host before parsing (it may come anywhere on the command line, before or
    /// after the subcommand); declared here so that the parser's help documents it.
    @Option(help: configHelp) var config: String?

    /// Read by the host before parsing, like `--config`; declared here so that help documents it.
    @Option(name: .customLong("as"), help: actingAsHelp) var actingAs: String?

    /// The two options' help, shared with ``FrontPage``, which writes `ethics --help` itself.
    static let configHelp = ArgumentHelp(
        "The configuration file to use (default: $ETHICS_CONFIG, then ./ethics.yaml, then the toolkit's Configs/toolkit.yaml).",
        valueName: "file")
    static let actingAsHelp = ArgumentHelp(
        "Who is acting: the name records, reviews and sign-offs are kept under (default: $ETHICS_AUTHOR, then the login name).",
        valueName: "name")
}
