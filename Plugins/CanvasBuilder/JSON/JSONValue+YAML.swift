import EthicsYAML

/// JSON kept inside a canvas file (the `odi:` sections) is written as plain YAML, so a reviewer
/// can read it, and read back to exactly the same JSON: a string that YAML would take for a
/// number, boolean or null is quoted, and a number keeps its written text.
extension JSONValue {
    var yaml: YAMLValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .number(let text): .scalar(YAMLScalar(text: text, style: .plain))
        case .string(let text): .string(text)
        case .array(let items): .sequence(items.map(\.yaml))
        case .object(let object): .mapping(object.members.map { YAMLPair($0.key, $0.value.yaml) })
        }
    }

    /// The JSON a YAML node stands for: the inverse of `yaml`.
    init(yaml node: YAMLNode) {
        switch node.kind {
        case .sequence:
            self = .array(node.elements.map(JSONValue.init(yaml:)))
        case .mapping:
            self = .object(JSONObject(node.entries.map { ($0.key.text ?? "", JSONValue(yaml: $0.value)) }))
        case .scalar:
            let scalar = node.scalar!
            guard scalar.style == .plain, scalar.tag == .none else {
                self = .string(scalar.text)
                return
            }
            if node.isNull {
                self = .null
            } else if scalar.text == "true" || scalar.text == "false" {
                self = .bool(scalar.text == "true")
            } else if Self.isJSONNumber(scalar.text) {
                self = .number(scalar.text)
            } else {
                self = .string(scalar.text)
            }
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
