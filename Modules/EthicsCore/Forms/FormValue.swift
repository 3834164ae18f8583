/// An answer to one field, already checked against it.
public enum FormValue: Hashable, Sendable, Codable {
    case text(String)
    /// The ids of the choices made (one for a choice field).
    case choices([String])
    case integer(Int)
    case date(CalendarDate)
    case flag(Bool)
    /// The items of a repeating group, each the answers to the group's fields.
    case items([FormAnswers])

    /// The value as a person reads it, for summaries and records.
    public var displayText: String {
        switch self {
        case .text(let text): text
        case .choices(let ids): ids.joined(separator: ", ")
        case .integer(let number): String(number)
        case .date(let date): date.description
        case .flag(let flag): flag ? "yes" : "no"
        case .items(let items): "\(items.count) item\(items.count == 1 ? "" : "s")"
        }
    }
}

/// The answers to one form, by field id.
public struct FormAnswers: Hashable, Sendable, Codable {
    public var values: [String: FormValue]

    public init(_ values: [String: FormValue] = [:]) {
        self.values = values
    }

    public subscript(id: String) -> FormValue? {
        get { values[id] }
        set { values[id] = newValue }
    }

    /// The text of field `id`, when it holds text.
    public func text(_ id: String) -> String? {
        if case .text(let text) = values[id] { return text }
        return nil
    }

    /// The one choice made in field `id`.
    public func choice(_ id: String) -> String? {
        if case .choices(let ids) = values[id] { return ids.first }
        return nil
    }

    public func choices(_ id: String) -> [String] {
        if case .choices(let ids) = values[id] { return ids }
        return []
    }

    public func integer(_ id: String) -> Int? {
        if case .integer(let number) = values[id] { return number }
        return nil
    }

    public func date(_ id: String) -> CalendarDate? {
        if case .date(let date) = values[id] { return date }
        return nil
    }

    public func flag(_ id: String) -> Bool? {
        if case .flag(let flag) = values[id] { return flag }
        return nil
    }

    public func items(_ id: String) -> [FormAnswers] {
        if case .items(let items) = values[id] { return items }
        return []
    }
}
