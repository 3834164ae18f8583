import EthicsDiagnostics

/// The `actions` area's content, `[[{title, priority, responsibility, description, type, area}]]`,
/// and the canvas's actions. Export writes the app's items back unchanged when the actions are
/// what they already said, and otherwise rebuilds them, each on the item it came from, so an
/// item's extra fields stay with it. Only `content[0]` holds actions; the app keeps the answer
/// to "will you publish your actions?" in `content[2]`, and the other slots are left as they are.
enum ODIActions {
    /// The actions in `content`; a priority or type the toolkit does not know is an error at its place.
    static func actions(from content: JSONValue?, document: JSONDocument?, pointer: String, areas: [String]) throws(DiagnosticError) -> [CanvasAction] {
        var problems = DiagnosticCollector()
        var actions: [CanvasAction] = []
        for (groupIndex, group) in (content?.arrayValue ?? []).prefix(1).enumerated() {
            for (index, item) in (group.arrayValue ?? []).enumerated() {
                guard let object = item.objectValue else { continue }
                let at = "\(pointer)/\(groupIndex)/\(index)"
                func text(_ key: String) -> String? {
                    object[key]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                }
                var priority: CanvasAction.Priority?
                if let value = text("priority") {
                    priority = CanvasAction.Priority(rawValue: value)
                    if priority == nil {
                        problems.append(.error(
                            "the priority '\(value)' is not one of HIGH, MEDIUM, LOW",
                            at: document?.location("\(at)/priority"),
                            suggestion: Suggestion.didYouMean(value, among: CanvasAction.Priority.allCases.map(\.rawValue))))
                    }
                }
                var type = CanvasAction.Kind.action
                if let value = text("type") {
                    if let kind = CanvasAction.Kind(rawValue: value) {
                        type = kind
                    } else {
                        problems.append(.error("the type '\(value)' is not one of action, decision", at: document?.location("\(at)/type")))
                    }
                }
                if let area = text("area"), !areas.contains(area) {
                    problems.append(.error(
                        "unknown area '\(area)'", at: document?.location("\(at)/area"),
                        suggestion: Suggestion.didYouMean(area, among: areas) ?? "the areas are \(areas.joined(separator: ", "))"))
                }
                actions.append(CanvasAction(
                    title: object["title"]?.stringValue ?? "", description: text("description"), priority: priority,
                    owner: text("responsibility"), area: text("area"), type: type))
            }
        }
        try problems.throwIfErrors()
        return actions
    }

    static func content(raw: JSONValue?, actions: [CanvasAction], areas: [String]) -> JSONValue {
        if let derived = try? self.actions(from: raw, document: nil, pointer: "", areas: areas), derived == actions {
            return raw ?? .null
        }
        let bases = (raw?.arrayValue?.first?.arrayValue ?? []).map { $0.objectValue ?? JSONObject() }
        let items = actions.enumerated().map { index, action -> JSONValue in
            // A new item takes the app's own order and fills: title, priority (actions only),
            // description, responsibility, type, area, with '' for text not given.
            let isNew = index >= bases.count
            var object = isNew ? JSONObject() : bases[index]
            func set(_ key: String, _ value: String?) {
                if let value { object[key] = .string(value) } else if isNew { object[key] = .string("") } else if object[key] != nil { object[key] = .null }
            }
            set("title", action.title)
            if let priority = action.priority {
                object["priority"] = .string(priority.rawValue)
            } else if object["priority"] != nil || (isNew && action.type == .action) {
                object["priority"] = .null
            }
            set("description", action.description)
            set("responsibility", action.owner)
            set("type", action.type.rawValue)
            set("area", action.area)
            return .object(object)
        }
        var slots = raw?.arrayValue ?? []
        if slots.isEmpty { slots.append(.null) }
        slots[0] = .array(items)
        return .array(slots)
    }
}
