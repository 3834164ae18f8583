import ArgumentParser
import EthicsCore

/// `ethics canvas-builder check FILE`: exit 0 complete, 1 incomplete, 2 bad input.
struct CheckCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Report how complete a canvas is, by area and group.",
        discussion: "Exits 1 when the canvas is incomplete: an area not COMPLETE, a question unanswered, a principle unscored, an action without owner or priority, no review date or one that has passed.")

    @Argument(help: ArgumentHelp("The canvas file.", valueName: "file"))
    var file: String

    @OptionGroup var output: FormatOption

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        let (canvas, template) = try CanvasFile.read(file, templates: plugin.store)
        let check = CanvasCheck(canvas: canvas, template: template, today: context.clock.today())
        try await output.write(CheckDocument(canvas: canvas, template: template, check: check).document, to: context)
        if !check.isComplete { throw ExitCode(1) }
    }
}
