import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import Foundation

/// `ethics canvas-builder new --title TEXT [--template ID] [--output FILE]`
struct NewCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start a canvas file from a template.",
        discussion: "Every area starts without a status; the review date is set from the template's review interval. An existing file is never overwritten.")

    @Option(help: "The project's name, as the canvas title.")
    var title: String

    @Option(help: ArgumentHelp("The template id (see `templates`); the configuration's default-template otherwise.", valueName: "id"))
    var template: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The canvas file to create (default: the title as a file name, .canvas.yaml).", valueName: "file"))
    var output: String?

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        let template = try plugin.store.template(self.template ?? plugin.settings.defaultTemplate)
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--title must not be empty") }
        // The title becomes the record's when the canvas is kept: refused now, not at `record`.
        if let problem = RecordDraft.problem(withTitle: title) { throw ValidationError("--title: \(problem)") }
        let path = output ?? "\(CanvasFile.stem(for: title)).canvas.yaml"
        try SafeFile.checkTarget(path)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticError.error("the file already exists; choose another --output or edit it with `fill`", file: path)
        }
        let today = context.clock.today()
        let canvas = Canvas(
            template: template.id, templateVersion: template.version, title: title, uuid: UUID().uuidString.lowercased(),
            created: today, updated: today, reviewBy: context.clock.adding(days: template.reviewEveryDays, to: today), record: nil,
            areas: template.areas.map { CanvasArea(id: $0.id) }, actions: [], odi: nil)
        try CanvasFile.write(canvas, to: path)
        context.output.line("\(path): created \(template.title) '\(title)' with \(template.areas.count) areas; review by \(canvas.reviewBy!)")
    }
}
