import ArgumentParser
import EthicsCore

/// `ethics canvas-builder status`: shows the council and the attributes the plugin works with.
struct StatusCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the council and the attributes this plugin works with.")

    @Option(help: "Output format: text, markdown, html or json.")
    var format: OutputFormat = .text

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        context.output.write(try context.renderer.render(plugin.statusDocument(), as: format))
    }
}
