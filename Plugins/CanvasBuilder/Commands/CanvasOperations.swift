public import EthicsCore
import EthicsDiagnostics
import Foundation

/// A canvas kept in the register and filled area by area, as operations of the plugin contract,
/// so a workshop can fill one together in the browser (`ethics serve`) with no web code here.
/// The command line keeps its file-based commands (`new`, `fill`, `record`); both ask each area
/// with the same ``AreaForm`` and keep the same ``CanvasRecordBody``.
///
/// Each saved area is a new version of the canvas record. The area's form is asked with its
/// current answers, so a front end that remembers what it showed can tell when someone else
/// changed the area meanwhile (the browser then shows both versions; nothing is overwritten).
extension CanvasBuilderPlugin {
    public static let operations: [PluginOperation<CanvasBuilderPlugin>] = [
        PluginOperation(
            "start", summary: "Start a canvas in the register",
            discussion: "The canvas is kept in the register from the start, so several people can fill it area by area.",
            input: [
                FormField(id: "title", label: "The project or proposal", kind: .text),
                FormField(id: "template", label: "The template", help: "Its id; the council's default when left out.", kind: .text, isRequired: false),
            ],
            writes: true
        ) { plugin, input, context in
            try await plugin.startCanvas(input.answers, context: context)
        },
        PluginOperation(
            "fill", summary: "Fill in an area of a canvas",
            discussion: "Choose the canvas and the area; each area shows where it stands.",
            input: [FormField(id: "canvas", label: "The canvas's record id", help: "Such as can-2026-0001.", kind: .text)],
            writes: true
        ) { plugin, input, context in
            try await plugin.fillArea(input, context: context)
        },
    ]

    static let registerFile = "(kept in the register)"

    func startCanvas(_ answers: FormAnswers, context: PluginContext) async throws -> Document {
        let template = try store.template(answers.text("template").flatMap { $0.isEmpty ? nil : $0 } ?? settings.defaultTemplate)
        let today = context.clock.today()
        let canvas = Canvas(
            template: template.id, templateVersion: template.version, title: answers.text("title") ?? "", uuid: UUID().uuidString.lowercased(),
            created: today, updated: today, reviewBy: context.clock.adding(days: template.reviewEveryDays, to: today), record: nil,
            areas: template.areas.map { CanvasArea(id: $0.id) }, actions: [], odi: nil)
        let version = try await keep(canvas, template: template, existing: nil, author: context.actingPerson(for: "this canvas").name, context: context)
        context.notices.line("Kept as \(version.id).")
        return page(of: version) ?? Document(title: canvas.title)
    }

    func fillArea(_ input: OperationInput, context: PluginContext) async throws -> Document {
        let id = input.answers.text("canvas") ?? ""
        guard let record = try await context.register.fetch(id),
              [Self.canvasKind.id, Self.assessmentKind.id].contains(record.kind),
              let body = try? record.decodeBody(as: CanvasRecordBody.self) else {
            throw DiagnosticError.error("there is no canvas '\(id)' in the register", suggestion: "start one first, or list them with 'ethics records list --kind canvas'")
        }
        let template = try store.template(body.template)
        var canvas = Self.canvas(from: body, record: record)
        let choose = Form(id: "area", title: "Which area of '\(record.title)'?", fields: [
            FormField(id: "area", label: "The area", kind: .choice(template.areas.map { area in
                let status = canvas.area(area.id)?.status?.label ?? "not started"
                return FormChoice(id: area.id, label: "\(area.title) (\(status))")
            })),
        ])
        let areaID = try await input.forms.answers(to: choose, current: FormAnswers()).choice("area") ?? ""
        guard let area = template.area(areaID) else { throw DiagnosticError.error("'\(areaID)' is not an area of \(template.title)") }
        let form = AreaForm(area: area, template: template)
        let given = try await input.forms.answers(to: form.form, current: form.answers(of: canvas.area(area.id)))
        let entry = form.entry(from: given, replacing: canvas.area(area.id) ?? CanvasArea(id: area.id))
        canvas.withArea(area.id, in: template) { $0 = entry }
        canvas.updated = context.clock.today()
        let version = try await keep(canvas, template: template, existing: record, author: context.actingPerson(for: "this canvas").name, context: context)
        context.notices.line("Saved '\(area.title)' as version \(version.version) of \(version.id).")
        return page(of: version) ?? Document(title: record.title)
    }

    /// The canvas a record's body describes, as the command line's canvas file would hold it.
    static func canvas(from body: CanvasRecordBody, record: RecordVersion) -> Canvas {
        Canvas(
            template: body.template, templateVersion: body.templateVersion, title: record.title, uuid: nil,
            created: CalendarDate(body.created) ?? CalendarDate(year: 2000, month: 1, day: 1)!, updated: CalendarDate(body.updated) ?? CalendarDate(year: 2000, month: 1, day: 1)!,
            reviewBy: record.reviewBy, record: record.id,
            areas: body.areas.map { area in
                CanvasArea(
                    id: area.id, status: area.status.flatMap(AreaStatus.init(rawValue:)), score: area.score, notes: area.notes,
                    answers: area.answers.sorted { $0.key < $1.key }.map { CanvasArea.Answer(question: $0.key, text: $0.value) })
            },
            actions: body.actions, odi: nil)
    }

    func keep(_ canvas: Canvas, template: CanvasTemplate, existing: RecordVersion?, author: String, context: PluginContext) async throws -> RecordVersion {
        let check = CanvasCheck(canvas: canvas, template: template, today: context.clock.today())
        let answered = Set(canvas.areas.filter { !$0.answers.isEmpty || $0.status != nil }.map(\.id))
        let attributes = template.areas.filter { answered.contains($0.id) }.flatMap(\.attributes)
        let kind = template.kind == .assessment ? Self.assessmentKind : Self.canvasKind
        let draft = try RecordDraft(
            kind: kind, title: canvas.title, author: author, status: CanvasStanding.carriedOver(from: existing?.status, complete: check.isComplete).rawValue, reviewBy: canvas.reviewBy, tags: [template.id],
            attributes: attributes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            content: CanvasRecordBody(canvas: canvas, template: template, check: check, file: existing.flatMap { try? $0.decodeBody(as: CanvasRecordBody.self).file } ?? Self.registerFile))
        let (templateID, complete, existingID) = (template.id, check.isComplete, existing?.id)
        return try await context.register.write { write in
            let version = try existingID.map { try write.addVersion(of: $0, draft) } ?? write.record(draft)
            try write.publish(CanvasRecorded(
                recordID: version.id, version: version.version, title: draft.title, kind: draft.kind.id, template: templateID, complete: complete))
            return version
        }
    }
}
