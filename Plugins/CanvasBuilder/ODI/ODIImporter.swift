import EthicsCore
import EthicsDiagnostics

/// Reads the ODI interactive canvas's own file (`<title>_<date>.dec.json`) into a canvas of the
/// ODI template. What the toolkit models (title, uuid, each area's status, notes and answers,
/// the actions) becomes the canvas's own fields; everything else, down to key order, unknown
/// fields and nulls, is kept in `odi:` sections so that export gives the same file back.
struct ODIImporter {
    /// The key under which an exported file carries what the app has no place for (review date,
    /// the register's record, answers to questions without an answer slot); the app ignores
    /// fields it does not know.
    static let extensionKey = "x-ethics-toolkit"

    var template: CanvasTemplate
    var today: CalendarDate

    func canvas(from document: JSONDocument, fallbackTitle: String) throws(DiagnosticError) -> Canvas {
        guard case .object(let root) = document.value else {
            throw .error("a .dec.json file holds a JSON object with 'title' and 'blobs', not \(document.value.typeName)", at: document.location("/"))
        }
        guard let blobs = root["blobs"] else {
            throw .error("this is not an ODI canvas file: it has no 'blobs' (the canvas areas)", at: document.location("/"))
        }
        guard case .array(let items) = blobs else {
            throw .error("'blobs' must be an array of canvas areas, not \(blobs.typeName)", at: document.location("/blobs"))
        }
        var taken: Set<String> = ["blobs"]
        // An empty title is no title, as null is: the canvas takes the file's name instead.
        let title = root["title"]?.stringValue.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if let written = root["title"], root["title"]?.stringValue == nil, !written.isNull {
            throw .error("the title must be a string, not \(written.typeName)", at: document.location("/title"))
        }
        if title != nil { taken.insert("title") }
        let uuid = root["uuid"]?.stringValue
        if uuid != nil { taken.insert("uuid") }
        let toolkit = root[Self.extensionKey]?.objectValue
        if toolkit != nil { taken.insert(Self.extensionKey) }
        let updated = root["lastUpdated"]?.stringValue.flatMap { CalendarDate(String($0.prefix(10))) } ?? today

        var problems = DiagnosticCollector()
        var canvas = Canvas(
            template: template.id, templateVersion: template.version, title: title ?? fallbackTitle, uuid: uuid,
            created: updated, updated: updated,
            reviewBy: toolkit?["reviewBy"]?.stringValue.flatMap(CalendarDate.init),
            record: toolkit?["record"]?.stringValue,
            areas: [], actions: [], odi: ODIPassthrough(root, taking: taken))
        var seen: [String: Int] = [:]
        for (index, blob) in items.enumerated() {
            let pointer = "/blobs/\(index)"
            guard case .object(let object) = blob else {
                problems.append(.error("each blob is an object describing one area, not \(blob.typeName)", at: document.location(pointer)))
                continue
            }
            guard let id = object["id"]?.stringValue else {
                problems.append(.error("the blob has no area 'id'", at: document.location(pointer)))
                continue
            }
            guard let area = template.area(id) else {
                let ids = template.areas.map(\.id)
                problems.append(.error(
                    "unknown area '\(id)'", at: document.location("\(pointer)/id"),
                    suggestion: Suggestion.didYouMean(id, among: ids) ?? "the ODI canvas's areas are \(ids.joined(separator: ", "))"))
                continue
            }
            if let first = seen[id] {
                problems.append(.error("the area '\(id)' appears twice; it is also blob \(first)", at: document.location("\(pointer)/id")))
                continue
            }
            seen[id] = index
            if let entry = self.area(area, object: object, document: document, pointer: pointer, problems: &problems) {
                canvas.areas.append(entry)
            }
            if area.questions.contains(where: { $0.odi?.form == .actions }), let actions = problems.collecting({ () throws(DiagnosticError) in
                try ODIActions.actions(from: object["content"], document: document, pointer: "\(pointer)/content", areas: template.areas.map(\.id))
            }) {
                canvas.actions = actions
            }
        }
        try problems.throwIfErrors()
        return canvas
    }

    private func area(_ area: CanvasTemplate.Area, object: JSONObject, document: JSONDocument, pointer: String, problems: inout DiagnosticCollector) -> CanvasArea? {
        var taken: Set<String> = ["id"]
        var entry = CanvasArea(id: area.id)
        switch object["status"] {
        case .string(let text)?:
            guard let status = AreaStatus(rawValue: text) else {
                let names = AreaStatus.allCases.map(\.rawValue)
                problems.append(.error(
                    "the status '\(text)' is not one of \(names.joined(separator: ", "))", at: document.location("\(pointer)/status"),
                    suggestion: Suggestion.didYouMean(text, among: names)))
                return nil
            }
            entry.status = status
            taken.insert("status")
        case .null?:
            taken.insert("status")
        case let other?:
            problems.append(.error("the status must be a string, not \(other.typeName)", at: document.location("\(pointer)/status")))
            return nil
        case nil:
            break
        }
        switch object["notes"] {
        case .string(let text)?:
            entry.notes = text
            taken.insert("notes")
        case .null?:
            taken.insert("notes")
        default:
            break
        }
        entry.answers = ODIContent.answers(from: object["content"], area: area)
        if let toolkit = object[Self.extensionKey]?.objectValue {
            taken.insert(Self.extensionKey)
            for (question, value) in toolkit["answers"]?.objectValue?.members ?? [] {
                if let text = value.stringValue, area.questions.contains(where: { $0.id == question }) {
                    entry.setAnswer(question, text)
                }
            }
        }
        entry.odi = ODIPassthrough(object, taking: taken)
        return entry
    }
}
