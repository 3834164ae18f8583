import EthicsCore
import Foundation

/// Writes a canvas as the ODI interactive canvas's own file. A canvas imported from the app comes
/// back exactly as it was read, apart from what the team changed; a canvas started in the toolkit
/// gets the app's layout for each area from the template.
struct ODIExporter {
    var template: CanvasTemplate
    /// When the canvas changed after import, `lastUpdated` is set to this moment.
    var now: Date

    func export(_ canvas: Canvas) -> JSONValue {
        let passthrough = canvas.odi ?? ODIPassthrough(keys: ["uuid", "title", "lastUpdated", "blobs"], fields: JSONObject())
        var fields = passthrough.fields
        // The app's time stamp is kept unless the team changed the canvas on a later day; a
        // value that is not a time stamp (a null) is the app's business and is kept as it is.
        let kept = fields["lastUpdated"]
        let keptDate = kept?.stringValue.flatMap { CalendarDate(String($0.prefix(10))) }
        if canvas.odi == nil {
            fields["lastUpdated"] = .string("\(canvas.updated)T00:00:00.000Z")
        } else if let keptDate, keptDate != canvas.updated {
            fields["lastUpdated"] = .string(timestamp())
        }
        let areaIDs = template.areas.map(\.id)
        let blobs = canvas.areas.compactMap { area -> JSONValue? in
            guard let templateArea = template.area(area.id) else { return nil }
            return .object(blob(area, templateArea, canvas: canvas, areaIDs: areaIDs))
        }
        var values: [(key: String, value: JSONValue?)] = [
            ("uuid", canvas.uuid.map(JSONValue.string)),
            ("title", .string(canvas.title)),
            ("blobs", .array(blobs)),
        ]
        var toolkit = JSONObject()
        if let reviewBy = canvas.reviewBy { toolkit["reviewBy"] = .string(reviewBy.description) }
        if let record = canvas.record { toolkit["record"] = .string(record) }
        if !toolkit.members.isEmpty || passthrough.keys.contains(ODIImporter.extensionKey) {
            values.append((ODIImporter.extensionKey, toolkit.members.isEmpty ? nil : .object(toolkit)))
        }
        return .object(ODIPassthrough(keys: passthrough.keys, fields: fields).rebuild(values))
    }

    private func blob(_ area: CanvasArea, _ templateArea: CanvasTemplate.Area, canvas: Canvas, areaIDs: [String]) -> JSONObject {
        let passthrough = area.odi ?? native(templateArea)
        var fields = passthrough.fields
        let raw = fields["content"]
        let content = area.id == ODIContent.actionsArea
            ? ODIActions.content(raw: raw, actions: canvas.actions, areas: areaIDs)
            : ODIContent.content(raw: raw, answers: area.answers, area: templateArea)
        if fields["content"] != nil || content != .null { fields["content"] = content }
        var values: [(key: String, value: JSONValue?)] = [
            ("id", .string(area.id)),
            ("status", area.status.map { .string($0.rawValue) }),
            ("notes", area.notes.map(JSONValue.string)),
        ]
        let unplaced = ODIContent.hasSlots(area.id) ? [] : area.answers
        if !unplaced.isEmpty || passthrough.keys.contains(ODIImporter.extensionKey) {
            let answers = JSONObject(unplaced.map { ($0.question, JSONValue.string($0.text)) })
            values.append((ODIImporter.extensionKey, unplaced.isEmpty ? nil : .object(JSONObject([("answers", .object(answers))]))))
        }
        var keys = passthrough.keys
        if !keys.contains("content") { keys.append("content") }
        return ODIPassthrough(keys: keys, fields: fields).rebuild(values)
    }

    /// The blob the app would hold for an area the toolkit started: group, id, title, description,
    /// editor, row, column, status, notes, content.
    private func native(_ area: CanvasTemplate.Area) -> ODIPassthrough {
        let group = template.group(of: area.id)?.id.uppercased() ?? ""
        var fields = JSONObject([
            ("group", .string(group)),
            ("title", .string(area.title)),
            ("description", area.summary.map(JSONValue.string) ?? .null),
        ])
        if let layout = area.odi {
            fields["editor"] = .string(layout.editor)
            fields["row"] = .number(String(layout.row))
            fields["column"] = .number(String(layout.column))
        }
        fields["content"] = .null
        return ODIPassthrough(keys: ["group", "id", "title", "description", "editor", "row", "column", "status", "notes", "content"].filter { $0 == "id" || $0 == "status" || $0 == "notes" || fields[$0] != nil }, fields: fields)
    }

    private func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: now)
    }
}
