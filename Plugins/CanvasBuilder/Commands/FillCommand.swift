import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics canvas-builder fill FILE [--area ID] [--answers FILE]`
struct FillCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill", abstract: "Fill in areas of a canvas: on a terminal by answering prompts, or from an answers file.",
        discussion: """
            On a terminal, asks for each area's status (IN_PROGRESS, FOR_REVIEW or COMPLETE), notes and answers; \
            Enter keeps a value, '-' clears it. The file is written once, atomically, when the last area is done, \
            so Ctrl-C leaves it as it was. Without a terminal, pass --answers FILE (YAML: areas.<id>.status, notes, \
            score, answers.<question>; actions; review-by).
            """)

    @Argument(help: ArgumentHelp("The canvas file.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Fill only this area.", valueName: "id"))
    var area: String?

    @Option(help: ArgumentHelp("Take the answers from this YAML file instead of asking.", valueName: "file"))
    var answers: String?

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        var (canvas, template) = try CanvasFile.read(file, templates: plugin.store)
        // Before any question: answers typed for a file that cannot be written would be lost.
        try SafeFile.checkTarget(file)
        if let area, template.area(area) == nil {
            let ids = template.areas.map(\.id)
            // The option is at fault, not the canvas file.
            throw DiagnosticError.error(
                "--area: '\(area)' is not an area of the canvas's template '\(template.id)'",
                suggestion: Suggestion.didYouMean(area, among: ids) ?? "its areas are \(ids.joined(separator: ", "))")
        }
        let changed: [String]
        if let answers {
            changed = try AnswersFile.apply(answers, to: &canvas, template: template, only: area)
        } else {
            guard let terminal = context.terminal else {
                throw ValidationError("fill asks questions only on a terminal; pass --answers FILE to fill from a file")
            }
            let areas = area.flatMap { template.area($0) }.map { [$0] } ?? template.areas
            // Input that ends (Ctrl-D) before the last area is bad input (exit 2), the file as it was.
            changed = try InteractiveFill(template: template, terminal: terminal).fill(&canvas, areas: areas)
        }
        canvas.updated = context.clock.today()
        try CanvasFile.write(canvas, to: file)
        context.output.line("\(file): updated \(changed.count) area\(changed.count == 1 ? "" : "s")\(changed.isEmpty ? "" : " (\(changed.joined(separator: ", ")))")")
    }
}
