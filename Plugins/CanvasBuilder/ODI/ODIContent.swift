/// How the answers of one area map onto the `content` the ODI app keeps for it.
///
/// Most areas hold one slot per guiding question: a string, a `{checked, text}` pair or a list.
/// The toolkit reads each slot as the answer to the question at the same position, and on
/// export writes back only the slots whose answer changed, in the shape the slot already had, so
/// an unchanged area leaves the app's content exactly as it was. Four areas (`sources`, `rights`,
/// `limitations`, `ethical-legislative`) hold lists of items instead of per-question slots; the
/// toolkit shows those items and keeps them as they are, and `actions` maps to the canvas's
/// actions.
enum ODIContent {
    /// Areas whose content is a list of items rather than one slot per question.
    static let itemAreas: Set<String> = ["sources", "rights", "limitations", "ethical-legislative"]
    /// Areas whose empty slots hold a `{checked, text}` pair.
    static let checkedAreas: Set<String> = ["openness", "sharing"]
    static let actionsArea = "actions"
    /// Between an item's title and its description when a list slot is shown as text.
    static let separator = " — "

    static func hasSlots(_ areaID: String) -> Bool {
        !itemAreas.contains(areaID) && areaID != actionsArea
    }

    /// The answers a slot-per-question area's content holds.
    static func answers(from content: JSONValue?, area: CanvasTemplate.Area) -> [CanvasArea.Answer] {
        guard hasSlots(area.id), let slots = content?.arrayValue else { return [] }
        return area.questions.enumerated().compactMap { index, question in
            guard index < slots.count, let text = text(of: slots[index]), !text.isEmpty else { return nil }
            return CanvasArea.Answer(question: question.id, text: text)
        }
    }

    /// The content to export: `raw` where the answers are what it already says, otherwise `raw`
    /// with the changed slots rewritten.
    static func content(raw: JSONValue?, answers: [CanvasArea.Answer], area: CanvasTemplate.Area) -> JSONValue {
        let raw = raw ?? .null
        guard hasSlots(area.id) else { return raw }
        let current = area.questions.compactMap { question in
            answers.first { $0.question == question.id }.flatMap { $0.text.isEmpty ? nil : $0 }
        }
        if current == self.answers(from: raw, area: area) { return raw }
        var slots = raw.arrayValue ?? []
        for (index, question) in area.questions.enumerated() {
            let answer = current.first { $0.question == question.id }?.text
            let old = index < slots.count ? slots[index] : .null
            let oldText = text(of: old).flatMap { $0.isEmpty ? nil : $0 }
            guard answer != oldText else { continue }
            while slots.count <= index { slots.append(.null) }
            slots[index] = slot(answer ?? "", replacing: old, area: area.id)
        }
        return .array(slots)
    }

    /// A slot as text: a string itself, a pair's text, a list one item per line.
    static func text(of slot: JSONValue) -> String? {
        switch slot {
        case .string(let text): return text
        case .object(let object): return object["text"]?.stringValue
        case .array(let items):
            let lines = items.compactMap { item -> String? in
                switch item {
                case .string(let text): return text
                case .object(let object):
                    let title = object["title"]?.stringValue ?? ""
                    let description = object["description"]?.stringValue ?? ""
                    if description.isEmpty { return title.isEmpty ? nil : title }
                    return title + separator + description
                default: return nil
                }
            }
            return lines.isEmpty ? nil : lines.joined(separator: "\n")
        default: return nil
        }
    }

    private static func slot(_ text: String, replacing old: JSONValue, area: String) -> JSONValue {
        switch old {
        case .object(var object):
            object["text"] = .string(text)
            return .object(object)
        case .array(let items):
            let lines = text.split(separator: "\n").map(String.init)
            guard items.contains(where: { $0.objectValue != nil }) else { return .array(lines.map(JSONValue.string)) }
            return .array(lines.map { line in
                let parts = line.split(separator: separator, maxSplits: 1, omittingEmptySubsequences: false)
                return .object(JSONObject([
                    ("title", .string(String(parts[0]))),
                    ("description", .string(parts.count > 1 ? String(parts[1]) : "")),
                ]))
            })
        default:
            if checkedAreas.contains(area) {
                return .object(JSONObject([("checked", .string("UNSET")), ("text", .string(text))]))
            }
            return .string(text)
        }
    }

    /// Items of an item area, as lines for a report: each item's title, then its other text.
    static func items(of content: JSONValue?) -> [String] {
        var flat: [JSONValue] = []
        for item in content?.arrayValue ?? [] {
            if let inner = item.arrayValue { flat += inner } else { flat.append(item) }
        }
        return flat.compactMap { item in
            guard let object = item.objectValue else { return item.stringValue }
            let title = object["title"]?.stringValue ?? ""
            let details = object.members.filter { $0.key != "title" }.compactMap { member -> String? in
                if let text = member.value.stringValue, !text.isEmpty { return "\(member.key): \(text)" }
                if let text = member.value.objectValue?["text"]?.stringValue, !text.isEmpty {
                    let checked = member.value.objectValue?["checked"]?.stringValue.map { " (\($0))" } ?? ""
                    return "\(member.key)\(checked): \(text)"
                }
                return nil
            }
            let line = ([title.isEmpty ? "(untitled)" : title] + details).joined(separator: "; ")
            return line
        }
    }
}
