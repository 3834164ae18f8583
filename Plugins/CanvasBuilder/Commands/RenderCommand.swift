import ArgumentParser
import EthicsCore

/// `ethics canvas-builder render FILE --format markdown|html|json`
struct RenderCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Write the canvas as a document for the ethics board.",
        discussion: "The document opens with the canvas grid (a column per group, a cell per area) and goes on to a readable report: every area's questions and answers, then the actions and decisions.")

    @Argument(help: ArgumentHelp("The canvas file.", valueName: "file"))
    var file: String

    @OptionGroup var output: FormatOption

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        let (canvas, template) = try CanvasFile.read(file, templates: plugin.store)
        let check = CanvasCheck(canvas: canvas, template: template, today: context.clock.today())
        try await output.write(CanvasDocument(canvas: canvas, template: template, check: check).document, to: context)
    }
}
