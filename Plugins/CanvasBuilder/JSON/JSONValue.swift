/// A JSON value that keeps what `JSONSerialization` throws away: the order of an object's keys,
/// the exact text of each number, and the difference between a null and a missing key.
///
/// The ODI canvas file (`.dec.json`) must survive a trip through the toolkit unchanged, nulls and
/// fields the toolkit does not know included, so it is read into this type rather than a
/// dictionary.
indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number as written (`1`, `1.50`, `-2e3`), never rounded through a Double.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    var isNull: Bool { self == .null }

    /// The name of the value's type, for messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON object's members in the order they were written, with an index by key so that a
/// lookup or an insertion costs the same in an object of a million keys as in one of three.
struct JSONObject: Sendable, Hashable {
    private(set) var members: [(key: String, value: JSONValue)] = []
    /// Where each key's member is in `members`.
    private var index: [String: Int] = [:]

    init(_ members: [(key: String, value: JSONValue)] = []) {
        self.members = members
        index.reserveCapacity(members.count)
        for (position, member) in members.enumerated() where index[member.key] == nil {
            index[member.key] = position
        }
    }

    var keys: [String] { members.map(\.key) }

    subscript(key: String) -> JSONValue? {
        get { index[key].map { members[$0].value } }
        set {
            if let position = index[key] {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    index[key] = nil
                    for later in position..<members.count { index[members[later].key] = later }
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    func contains(_ key: String) -> Bool {
        index[key] != nil
    }

    /// Adds a member whose key is not in the object yet (the parser checks that itself).
    mutating func append(_ key: String, _ value: JSONValue) {
        index[key] = members.count
        members.append((key, value))
    }

    static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    func hash(into hasher: inout Hasher) {
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}
