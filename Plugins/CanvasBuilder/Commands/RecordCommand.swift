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

    @Option(help: "Where the canvas stands: draft, or for-board when it goes to the board (complete, as 'check' says). Approval is a sign-off: 'ethics records approve'.")
    var status: CanvasStanding = .draft

    @Option(help: "Who is accountable for this version (a name, role or team).")
    var author: String?

    @Flag(help: "Keep a new version of the record the canvas names although that record was last kept from another file under another title (the same canvas, moved and renamed).")
    var sameCanvas = false

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        var (canvas, template) = try CanvasFile.read(file, templates: plugin.store)
        let check = CanvasCheck(canvas: canvas, template: template, today: context.clock.today())
        if status == .forBoard, !check.isComplete {
            // What the board signs off is what it was given: a canvas goes to it complete.
            throw DiagnosticError.error(
                "a canvas goes to the board complete, and this one has \(check.whatIsLeft.joined(separator: ", "))", file: file,
                suggestion: "'ethics canvas-builder check \(file)' lists what is left; keep it meanwhile with --status draft")
        }
        let answered = Set(canvas.areas.filter { !$0.answers.isEmpty || $0.status != nil }.map(\.id))
        let attributes = template.areas.filter { answered.contains($0.id) }.flatMap(\.attributes)
        let kind = template.kind == .assessment ? CanvasBuilderPlugin.assessmentKind : CanvasBuilderPlugin.canvasKind
        let draft = try RecordDraft(
            kind: kind, title: canvas.title,
            author: try author ?? context.actingPerson(for: "this canvas").name, status: status.rawValue,
            reviewBy: canvas.reviewBy, tags: [template.id],
            attributes: attributes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            content: CanvasRecordBody(canvas: canvas, template: template, check: check, file: Self.location(of: file)))
        if canvas.record == nil {
            // The new record's id is written into the canvas file, so check now that it can be.
            try SafeFile.checkTarget(file)
        }
        let existing = canvas.record
        var latest: RecordVersion?
        if let existing { latest = try await context.register.fetch(existing) }
        if let latest, !sameCanvas { try Self.checkIsTheSameCanvas(file, title: canvas.title, as: latest) }
        if let latest, latest.holdsTheContent(of: draft),
           latest.status == draft.status || latest.status == LifecycleStep.Action.approve.status {
            // A version is a milestone: the same canvas kept again is no new one, and content
            // the board signed off stays signed off until it changes.
            context.output.line("\(file): unchanged since \(latest.id) version \(latest.version) (\(latest.status)); nothing kept")
            return
        }
        let (templateID, complete) = (template.id, check.isComplete)
        let version: RecordVersion
        do {
            version = try await context.register.write { write in
                let version = try existing.map { try write.addVersion(of: $0, draft) } ?? write.record(draft)
                try write.publish(CanvasRecorded(
                    recordID: version.id, version: version.version, title: draft.title, kind: draft.kind.id,
                    template: templateID, complete: complete))
                return version
            }
        } catch let error as RecordRegisterError {
            throw DiagnosticError.error(error.description, file: file)
        }
        if existing == nil {
            canvas.record = version.id
            try CanvasFile.write(canvas, to: file)
        }
        context.output.line("\(file): kept as \(version.id) version \(version.version) (\(version.kind), \(status.rawValue))")
    }

    /// Where a canvas file is, the same however it was named: the absolute path, with `.`, `..`
    /// and symbolic links resolved. Kept with each version, so a copy can be told from the
    /// canvas it was copied from.
    static func location(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A copy of a canvas (last year's, to start this year's) keeps the `record:` line of the
    /// canvas it was copied from, and recording it would add a version of another project to
    /// that project's record. A canvas kept from another file and under another title than its
    /// record's last version is taken for such a copy and refused, with the way out of each
    /// case; a canvas only moved, or only retitled, is the same canvas.
    static func checkIsTheSameCanvas(_ file: String, title: String, as latest: RecordVersion) throws {
        guard latest.title != title, let keptFrom = try? latest.decodeBody(as: CanvasRecordBody.self).file,
              keptFrom != CanvasBuilderPlugin.registerFile, location(of: keptFrom) != location(of: file) else { return }
        throw DiagnosticError.error(
            "this canvas names \(latest.id), '\(latest.title)', last kept from \(keptFrom); a canvas copied from another keeps its 'record:' line",
            file: file,
            suggestion: "to keep this canvas as a new record of its own, delete its 'record:' line; if it is that canvas, moved and renamed, add --same-canvas")
    }
}

/// Where a canvas stands when its content is kept: being written, or put to the board. Approval
/// is never a status a canvas gives itself but a sign-off (`records approve`), and a sign-off is
/// of the content its signer saw, so changed content goes back to draft.
enum CanvasStanding: String, CaseIterable, ExpressibleByArgument {
    case draft
    case forBoard = "for-board"

    /// The standing of new content for a record last at `status`: for-board stays for-board while
    /// the canvas is still complete; anything else (approved, a status of an older version of the
    /// toolkit, a canvas no longer complete) is draft again.
    static func carriedOver(from status: String?, complete: Bool) -> CanvasStanding {
        status == CanvasStanding.forBoard.rawValue && complete ? .forBoard : .draft
    }
}

/// What the register keeps of a canvas: its content and completeness as of this version.
struct CanvasRecordBody: Codable {
    struct Area: Codable {
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
