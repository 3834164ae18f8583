import EthicsDiagnostics

/// A parsed JSON file and where each of its values starts, so that a value the toolkit cannot
/// use (a status outside the list, an unknown area) is reported at its own line and column.
struct JSONDocument: Sendable {
    var value: JSONValue
    var file: String
    /// Start of each value by JSON Pointer: `/` is the root, `/blobs/3/status` a blob's status.
    var positions: [String: SourceLocation]

    /// Where the value at `pointer` starts; its nearest enclosing value when it is missing.
    func location(_ pointer: String) -> SourceLocation {
        var pointer = pointer
        while true {
            if let location = positions[pointer.isEmpty ? "/" : pointer] { return location }
            guard let slash = pointer.lastIndex(of: "/"), !pointer.isEmpty else { break }
            pointer = String(pointer[..<slash])
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    static func escape(_ key: String) -> String {
        var escaped = ""
        for character in key {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
