import ArgumentParser
import EthicsCore

/// `ethics code-mapper list`
struct ListCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the codes in use, their size and their audience.")

    @OptionGroup var output: FormatOption

    func run(plugin: CodeMapperPlugin, context: PluginContext) async throws {
        try await output.write(CodeListPage(library: try plugin.library()).document, to: context)
    }
}
