import EthicsDiagnostics

/// A parsed JSON file and where each of its values starts, so that a value the toolkit cannot
/// use (a status outside the list, an unknown area) is reported at its own line and column.
struct JSONDocument: Sendable {
    var value: JSONValue
    var file: String
    /// Byte offset of the start of each value by JSON Pointer: `/` is the root,
    /// `/blobs/3/status` a blob's status.
    var offsets: [String: Int]
    /// The file as read, to turn an offset into a line and column when a message needs one.
    var bytes: [UInt8]

    /// Where the value at `pointer` starts; its nearest enclosing value when it is missing.
    func location(_ pointer: String) -> SourceLocation {
        var pointer = pointer
        while true {
            if let offset = offsets[pointer.isEmpty ? "/" : pointer] { return Self.position(of: offset, in: bytes, file: file) }
            guard let slash = pointer.lastIndex(of: "/"), !pointer.isEmpty else { break }
            pointer = String(pointer[..<slash])
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }

    /// Line and column (1-based, columns in characters) of a byte offset; one pass over the
    /// bytes before it, done only for a value a message names.
    static func position(of index: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let index = min(index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<index where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = bytes[lineStart..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return SourceLocation(file: file, line: line, column: column)
    }

    static func escape(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return key }
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
