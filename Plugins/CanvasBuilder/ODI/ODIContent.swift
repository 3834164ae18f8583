import Foundation

/// How the answers of one area map onto the `content` the ODI app keeps for it.
///
/// Each question of the ODI template names its answer slot (`CanvasTemplate.ODISlot`): where in
/// the area's `content` the app's editor keeps the answer, and in which shape (a string, a list of
/// strings, a list of `{title, description}`, a `{checked, text}` pair, the data sources, one part
/// of each source's rights). An answer is text in the toolkit, one item a line where the slot is a
/// list; `separator` stands between the parts of an item and a `{checked, text}` pair reads
/// "Yes — text", "No — text" or just the text while unsure.
///
/// Export leaves an area's content exactly as the app wrote it when its answers are what that
/// content already says, and otherwise rewrites only the slots whose answer changed, each in the
/// shape its editor reads, keeping any field the toolkit does not know on the item it came with.
enum ODIContent {
    static let actionsArea = "actions"
    /// Between the parts of an item (title, description, …) when a list item is shown as a line.
    static let separator = " — "

    typealias Slot = CanvasTemplate.ODISlot

    /// True when the answer to `question` lives in the app's content (not under the extension key).
    static func isPlaced(_ question: CanvasTemplate.Question) -> Bool {
        question.odi != nil
    }

    /// The answers `content` holds, one for each question whose slot has something in it.
    static func answers(from content: JSONValue?, area: CanvasTemplate.Area) -> [CanvasArea.Answer] {
        area.questions.compactMap { question in
            guard let slot = question.odi, let text = read(slot, from: content), !text.isEmpty else { return nil }
            return CanvasArea.Answer(question: question.id, text: text)
        }
    }

    /// The content to export: `raw` where the answers are what it already says, otherwise `raw`
    /// with the changed slots rewritten. `sourceTitles` are the canvas's data sources in order,
    /// which place a new rights item at the position of its source, as the app expects.
    static func content(raw: JSONValue?, answers: [CanvasArea.Answer], area: CanvasTemplate.Area, sourceTitles: [String]) -> JSONValue {
        let raw = raw ?? .null
        var content = raw
        var changed = false
        for question in area.questions {
            guard let slot = question.odi, slot.form != .actions else { continue }
            let answer = answers.first { $0.question == question.id }.flatMap { $0.text.isEmpty ? nil : $0.text }
            let old = read(slot, from: raw).flatMap { $0.isEmpty ? nil : $0 }
            guard answer != old else { continue }
            changed = true
            content = write(answer, into: content, slot: slot, sourceTitles: sourceTitles)
        }
        return changed ? content : raw
    }

    /// The titles of the data sources an answer to the `sources` question lists.
    static func sourceTitles(inAnswer text: String?) -> [String] {
        lines(text).map { parts($0, count: 4)[0] }
    }

    // MARK: Reading

    static func read(_ slot: Slot, from content: JSONValue?) -> String? {
        switch slot.form {
        case .actions:
            return nil
        case .sources:
            let items = (content?.arrayValue ?? []).compactMap { item -> String? in
                guard let object = item.objectValue else { return item.stringValue.flatMap { $0.isEmpty ? nil : $0 } }
                let values = ["title", "description", "url", "owner"].map { object[$0]?.stringValue ?? "" }
                return joined(values)
            }
            return items.isEmpty ? nil : items.joined(separator: "\n")
        case .rights:
            guard let field = slot.field else { return nil }
            let isChoice = Slot.rightsFields.first { $0.name == field }?.isChoice ?? false
            let items = (content?.arrayValue ?? []).compactMap { item -> String? in
                guard let object = item.objectValue else { return nil }
                let value = isChoice ? choiceText(object[field]) : object[field].flatMap(generic)
                guard let value, !value.isEmpty else { return nil }
                return (object["title"]?.stringValue ?? "") + separator + value
            }
            return items.isEmpty ? nil : items.joined(separator: "\n")
        case .text, .list, .describedList, .choice:
            guard let index = slot.slot, let slots = content?.arrayValue, index < slots.count else { return nil }
            return slot.form == .choice ? choiceText(slots[index]) : generic(slots[index])
        }
    }

    /// A slot as text, whatever its shape: a string itself, a pair's text (with its choice), a
    /// list one item per line, an item's parts joined by the separator.
    static func generic(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .object(let object):
            if object["checked"] != nil { return choiceText(value) }
            if object["title"] != nil || object["description"] != nil {
                return joined([object["title"]?.stringValue ?? "", object["description"]?.stringValue ?? ""])
            }
            return object["text"]?.stringValue
        case .array(let items):
            let lines = items.compactMap { generic($0).flatMap { $0.isEmpty ? nil : $0 } }
            return lines.isEmpty ? nil : lines.joined(separator: "\n")
        default: return nil
        }
    }

    /// A `{checked, text}` pair as one answer: "Yes — text", "No — text", or the text while unsure.
    static func choiceText(_ value: JSONValue?) -> String? {
        guard let object = value?.objectValue else { return value?.stringValue }
        let text = object["text"]?.stringValue ?? ""
        let word: String
        switch object["checked"]?.stringValue {
        case "YES": word = "Yes"
        case "NO": word = "No"
        default: return text.isEmpty ? nil : text
        }
        return text.isEmpty ? word : word + separator + text
    }

    /// An answer as a choice and its text: a leading yes, no or unsure sets the choice.
    static func choice(_ answer: String) -> (checked: String, text: String) {
        let lowered = answer.lowercased()
        for (word, value) in [("yes", "YES"), ("no", "NO"), ("unsure", "UNSET")] {
            if lowered == word { return (value, "") }
            for mark in [separator, ": ", " - ", ". ", ", "] where lowered.hasPrefix(word + mark) {
                return (value, String(answer.dropFirst(word.count + mark.count)))
            }
        }
        return ("UNSET", answer)
    }

    /// Parts joined by the separator, without the empty parts at the end.
    private static func joined(_ values: [String]) -> String? {
        var values = values
        while let last = values.last, last.isEmpty { values.removeLast() }
        return values.isEmpty ? nil : values.joined(separator: separator)
    }

    // MARK: Writing

    private static func lines(_ text: String?) -> [String] {
        (text ?? "").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// A line split into `count` parts at the separator; the last part keeps any further separators.
    private static func parts(_ line: String, count: Int) -> [String] {
        var parts = line.components(separatedBy: separator)
        if parts.count > count { parts = Array(parts[..<(count - 1)]) + [parts[(count - 1)...].joined(separator: separator)] }
        while parts.count < count { parts.append("") }
        return parts
    }

    private static func pair(_ answer: String, base: JSONValue?) -> JSONValue {
        let (checked, text) = choice(answer)
        var object = base?.objectValue ?? JSONObject()
        object["checked"] = .string(checked)
        object["text"] = .string(text)
        return .object(object)
    }

    private static func write(_ answer: String?, into content: JSONValue, slot: Slot, sourceTitles: [String]) -> JSONValue {
        var items = content.arrayValue ?? []
        switch slot.form {
        case .actions:
            return content
        case .sources:
            let rows = lines(answer)
            return .array(rows.enumerated().map { index, line in
                let values = parts(line, count: 4)
                var object = index < items.count ? items[index].objectValue ?? JSONObject() : JSONObject()
                for (key, value) in zip(["title", "description", "url", "owner"], values) { object[key] = .string(value) }
                return .object(object)
            })
        case .rights:
            guard let field = slot.field else { return content }
            let isChoice = Slot.rightsFields.first { $0.name == field }?.isChoice ?? false
            for index in items.indices {
                guard var object = items[index].objectValue, object[field] != nil else { continue }
                object[field] = isChoice ? .object(JSONObject([("checked", .string("UNSET")), ("text", .null)])) : .null
                items[index] = .object(object)
            }
            for line in lines(answer) {
                let split = parts(line, count: 2)
                let (title, value) = (split[0], split[1])
                let index: Int
                if let existing = items.firstIndex(where: { $0.objectValue?["title"]?.stringValue == title }) {
                    index = existing
                } else {
                    let wanted = sourceTitles.firstIndex(of: title).flatMap { $0 >= items.count || items[$0] == .null ? $0 : nil }
                    index = wanted ?? items.count
                    while items.count <= index { items.append(.null) }
                    items[index] = .object(newRightsItem(title))
                }
                var object = items[index].objectValue ?? newRightsItem(title)
                object[field] = isChoice ? pair(value, base: object[field]) : .string(value)
                items[index] = .object(object)
            }
            return .array(items)
        case .text, .list, .describedList, .choice:
            guard let index = slot.slot else { return content }
            while items.count <= index { items.append(.null) }
            let old = items[index]
            guard let answer else {
                items[index] = .null
                return .array(items)
            }
            switch slot.form {
            case .text:
                items[index] = .string(answer)
            case .list:
                items[index] = .array(lines(answer).map(JSONValue.string))
            case .describedList:
                let bases = old.arrayValue ?? []
                items[index] = .array(lines(answer).enumerated().map { position, line in
                    let values = parts(line, count: 2)
                    var object = position < bases.count ? bases[position].objectValue ?? JSONObject() : JSONObject()
                    object["title"] = .string(values[0])
                    object["description"] = .string(values[1])
                    return .object(object)
                })
            default:
                items[index] = pair(answer, base: old)
            }
            return .array(items)
        }
    }

    /// A rights item as the app starts one for a source: every part unset.
    private static func newRightsItem(_ title: String) -> JSONObject {
        let unset = JSONValue.object(JSONObject([("checked", .string("UNSET")), ("text", .null)]))
        return JSONObject([
            ("title", .string(title)), ("license", .null), ("data_collection", unset),
            ("personal_information", unset), ("commercial_data", unset), ("notes", .null),
        ])
    }
}
