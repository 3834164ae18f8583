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
        // A canvas started in the toolkit gets the app's key order.
        let passthrough = canvas.odi ?? ODIPassthrough(keys: ["uuid", "blobs", "lastUpdated", "title"], fields: JSONObject())
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
        let sourcesQuestion = template.areas.lazy.flatMap { area in area.questions.lazy.map { (area.id, $0) } }
            .first { $0.1.odi?.form == .sources }
        let sourceTitles = sourcesQuestion.map { ODIContent.sourceTitles(inAnswer: canvas.area($0.0)?.answer($0.1.id)) } ?? []
        let blobs = canvas.areas.compactMap { area -> JSONValue? in
            guard let templateArea = template.area(area.id) else { return nil }
            return .object(blob(area, templateArea, canvas: canvas, areaIDs: areaIDs, sourceTitles: sourceTitles))
        }
        var values: [(key: String, value: JSONValue?)] = [
            ("uuid", .string(canvas.uuid ?? Self.uuid(for: canvas))),
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

    private func blob(
        _ area: CanvasArea, _ templateArea: CanvasTemplate.Area, canvas: Canvas, areaIDs: [String], sourceTitles: [String]
    ) -> JSONObject {
        let passthrough = area.odi ?? native(templateArea)
        var fields = passthrough.fields
        var raw = fields["content"]
        if templateArea.questions.contains(where: { $0.odi?.form == .actions }) {
            raw = ODIActions.content(raw: raw, actions: canvas.actions, areas: areaIDs)
        }
        let content = ODIContent.content(raw: raw, answers: area.answers, area: templateArea, sourceTitles: sourceTitles)
        if fields["content"] != nil || content != .null { fields["content"] = content }
        var values: [(key: String, value: JSONValue?)] = [
            ("id", .string(area.id)),
            ("status", area.status.map { .string($0.rawValue) }),
            ("notes", area.notes.map(JSONValue.string)),
        ]
        let unplaced = area.answers.filter { answer in
            templateArea.questions.first { $0.id == answer.question }.map { !ODIContent.isPlaced($0) } ?? false
        }
        if !unplaced.isEmpty || passthrough.keys.contains(ODIImporter.extensionKey) {
            let answers = JSONObject(unplaced.map { ($0.question, JSONValue.string($0.text)) })
            values.append((ODIImporter.extensionKey, unplaced.isEmpty ? nil : .object(JSONObject([("answers", .object(answers))]))))
        }
        var keys = passthrough.keys
        if !keys.contains("content") { keys.append("content") }
        return ODIPassthrough(keys: keys, fields: fields).rebuild(values)
    }

    /// The blob the app would hold for an area the toolkit started, in the app's key order: group,
    /// id, title, description, editor, row, column, status, content, notes.
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
        return ODIPassthrough(keys: ["group", "id", "title", "description", "editor", "row", "column", "status", "content", "notes"].filter { $0 == "id" || $0 == "status" || $0 == "notes" || fields[$0] != nil }, fields: fields)
    }

    /// The app keys its saved canvases by `uuid`; a canvas started in the toolkit gets one made from
    /// its title and start date, so every export of it is the same canvas to the app.
    static func uuid(for canvas: Canvas) -> String {
        var hashes: [UInt64] = [0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4]
        for (index, seed) in hashes.enumerated() {
            var hash = seed
            for byte in "\(canvas.template)\n\(canvas.title)\n\(canvas.created)".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hashes[index] = hash
        }
        var bytes = (0..<16).map { UInt8(truncatingIfNeeded: hashes[$0 / 8] >> (UInt64($0 % 8) * 8)) }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    private func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: now)
    }
}
