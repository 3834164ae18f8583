import ArgumentParser

@main
struct PluginTools: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin-tools",
        abstract: "Register and scaffold EthicsToolkit plugins (run through Tools/register-plugins and Tools/new-plugin).",
        subcommands: [RegisterCommand.self, NewPluginCommand.self])
}
