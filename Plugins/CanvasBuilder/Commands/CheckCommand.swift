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
        let check = CanvasCheck(canvas: canvas, template: template, today: Today.date())
        try output.write(CheckDocument(canvas: canvas, template: template, check: check).document, to: context)
        let problems = check.areas.reduce(0) { $0 + $1.unanswered.count + ($1.status == .complete ? 0 : 1) + ($1.needsScore ? 1 : 0) }
            + check.incompleteActions.count + (check.reviewOverdue || check.reviewBy == nil ? 1 : 0)
        context.bus.publish(CanvasChecked(
            file: file, title: canvas.title, complete: check.isComplete, areasComplete: check.areas.filter(\.isComplete).count,
            areas: check.areas.count, problems: problems))
        if !check.isComplete { throw ExitCode(1) }
    }
}
