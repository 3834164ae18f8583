import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import Foundation

/// `ethics canvas-builder record FILE [--status TEXT] [--author NAME]`
struct RecordCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Keep the canvas as it stands in the register.",
        discussion: """
            The first time, the canvas becomes a new record (an assessment for a scored template) and its id is \
            written into the canvas file as `record:`; afterwards each `record` keeps a new version of that record, \
            so the register holds the canvas as it was at every milestone.
            """)

    @Argument(help: ArgumentHelp("The canvas file.", valueName: "file"))
    var file: String

    @Option(help: "Where the canvas stands: draft, for-board, approved, …")
    var status: String = "draft"

    @Option(help: "Who is accountable for this version (a name, role or team).")
    var author: String?

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        var (canvas, template) = try CanvasFile.read(file, templates: plugin.store)
        let check = CanvasCheck(canvas: canvas, template: template, today: Today.date())
        let answered = Set(canvas.areas.filter { !$0.answers.isEmpty || $0.status != nil }.map(\.id))
        let attributes = template.areas.filter { answered.contains($0.id) }.flatMap(\.attributes)
        let draft = try RecordDraft(
            kind: template.kind == .assessment ? .assessment : .canvas, title: canvas.title,
            author: author ?? ProcessInfo.processInfo.environment["USER"] ?? "project team", status: status,
            reviewBy: canvas.reviewBy, tags: [template.id],
            attributes: attributes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            content: CanvasRecordBody(canvas: canvas, template: template, check: check, file: file))
        let version: RecordVersion
        do {
            if let id = canvas.record {
                version = try context.register.addVersion(of: id, draft)
            } else {
                version = try context.register.record(draft)
                canvas.record = version.id
                try CanvasFile.write(canvas, to: file)
            }
        } catch let error as RecordRegisterError {
            throw DiagnosticError.error(error.description, file: file)
        }
        context.output.line("\(file): kept as \(version.id) version \(version.version) (\(version.kind.rawValue), \(status))")
    }
}

/// What the register keeps of a canvas: its content and completeness as of this version.
struct CanvasRecordBody: Encodable {
    struct Area: Encodable {
        var id: String
        var status: String?
        var score: Int?
        var notes: String?
        var answers: [String: String]
        var complete: Bool
    }

    var file: String
    var template: String
    var templateVersion: String
    var created: String
    var updated: String
    var complete: Bool
    var areas: [Area]
    var actions: [CanvasAction]

    init(canvas: Canvas, template: CanvasTemplate, check: CanvasCheck, file: String) {
        self.file = file
        self.template = template.id
        templateVersion = canvas.templateVersion
        created = canvas.created.description
        updated = canvas.updated.description
        complete = check.isComplete
        areas = check.areas.map { result in
            let entry = canvas.area(result.area.id)
            return Area(
                id: result.area.id, status: entry?.status?.rawValue, score: entry?.score, notes: entry?.notes,
                answers: Dictionary(entry?.answers.map { ($0.question, $0.text) } ?? [], uniquingKeysWith: { $1 }),
                complete: result.isComplete)
        }
        actions = canvas.actions
    }
}
