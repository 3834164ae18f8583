import EthicsDiagnostics
import EthicsYAML

/// Reads JSON (RFC 8259) into a `JSONValue`, reporting the first problem at its line and column
/// (1-based, columns counted in characters) so a damaged `.dec.json` can be found and fixed.
///
/// Duplicate keys in one object are refused: the ODI app never writes them, and keeping either
/// one silently would lose the other.
///
/// Every step is linear in the file: keys are checked against a set, members appended without a
/// search, and a value's start is kept as a byte offset, turned into a line and column only when
/// a message needs it (a minified file is one long line, and counting its columns for every
/// value would be quadratic).
struct JSONParser {
    private let bytes: [UInt8]
    private let file: String
    private var offset = 0
    private var depth = 0
    /// The JSON Pointer (`/blobs/3/status`) of the value being read, as UTF-8, so that entering
    /// and leaving a member is an append and a truncation rather than a join for every value.
    private var pointer: [UInt8] = []
    private var offsets: [String: Int] = [:]
    static let maximumDepth = 256
    /// The same limit as YAML and CSV files: far above any canvas (the ODI app's files are a
    /// few kilobytes), far below what would exhaust memory.
    static let maxFileSize = YAMLLimits.default.maxFileSize

    static let format = TextFile.Format(name: "JSON", fileExtension: ".dec.json", saveAsUTF8: "save the file as UTF-8")

    /// Reads and parses the file at `path` through `TextFile` (size limit, encoding, control
    /// characters). A pipe may stand for the file: `import <(curl …)` reads like any command.
    static func read(file path: String) throws(DiagnosticError) -> JSONDocument {
        let bytes = try TextFile.read(path, as: format, maxSize: maxFileSize, source: .fileOrPipe)
        return try parse(bytes, file: path)
    }

    static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> JSONDocument {
        var parser = JSONParser(bytes: bytes, file: file)
        let value = try parser.document()
        return JSONDocument(value: value, file: file, offsets: parser.offsets, bytes: bytes)
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    private mutating func document() throws(DiagnosticError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { offset = 3 }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .error("the file is not valid UTF-8 text", file: file)
        }
        skipSpace()
        guard offset < bytes.count else { throw failure("the file is empty; expected a JSON object") }
        let value = try value()
        skipSpace()
        guard offset == bytes.count else { throw failure("unexpected \(describe(offset)) after the end of the JSON value") }
        return value
    }

    private mutating func value() throws(DiagnosticError) -> JSONValue {
        guard offset < bytes.count else { throw failure("the file ends where a value was expected") }
        offsets[pointer.isEmpty ? "/" : String(decoding: pointer, as: UTF8.self)] = offset
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("expected a value, found \(describe(offset))")
        }
    }

    private mutating func object() throws(DiagnosticError) -> JSONValue {
        let start = offset
        try enter()
        offset += 1
        var object = JSONObject()
        skipSpace()
        if peek(UInt8(ascii: "}")) {
            offset += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipSpace()
            guard peek(UInt8(ascii: "\"")) else {
                throw failure(offset < bytes.count ? "expected a key in double quotes, found \(describe(offset))" : "the object opened at \(position(of: start)) is not closed")
            }
            let keyStart = offset
            let key = try string()
            guard !object.contains(key) else {
                throw failure("the key '\(key)' appears twice in this object", at: keyStart)
            }
            skipSpace()
            guard peek(UInt8(ascii: ":")) else { throw failure("expected ':' after the key '\(key)', found \(describe(offset))") }
            offset += 1
            skipSpace()
            let depthStart = pointer.count
            pointer.append(UInt8(ascii: "/"))
            pointer.append(contentsOf: JSONDocument.escape(key).utf8)
            object.append(key, try value())
            pointer.removeSubrange(depthStart...)
            skipSpace()
            if peek(UInt8(ascii: ",")) { offset += 1; continue }
            if peek(UInt8(ascii: "}")) { offset += 1; break }
            throw failure(offset < bytes.count ? "expected ',' or '}' in the object, found \(describe(offset))" : "the object opened at \(position(of: start)) is not closed")
        }
        depth -= 1
        return .object(object)
    }

    private mutating func array() throws(DiagnosticError) -> JSONValue {
        let start = offset
        try enter()
        offset += 1
        var items: [JSONValue] = []
        skipSpace()
        if peek(UInt8(ascii: "]")) {
            offset += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipSpace()
            let depthStart = pointer.count
            pointer.append(UInt8(ascii: "/"))
            pointer.append(contentsOf: String(items.count).utf8)
            items.append(try value())
            pointer.removeSubrange(depthStart...)
            skipSpace()
            if peek(UInt8(ascii: ",")) { offset += 1; continue }
            if peek(UInt8(ascii: "]")) { offset += 1; break }
            throw failure(offset < bytes.count ? "expected ',' or ']' in the array, found \(describe(offset))" : "the array opened at \(position(of: start)) is not closed")
        }
        depth -= 1
        return .array(items)
    }

    private mutating func enter() throws(DiagnosticError) {
        depth += 1
        if depth > Self.maximumDepth { throw failure("the JSON is nested more than \(Self.maximumDepth) levels deep") }
    }

    private mutating func string() throws(DiagnosticError) -> String {
        let start = offset
        offset += 1
        // Most strings hold no escape: take them straight from the bytes.
        var end = offset
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<end]), as: UTF8.self) }
            offset = end + 1
            return text
        }
        var scalars = String.UnicodeScalarView()
        var run = offset
        func flush(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                flush(offset)
                offset += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw failure("a control character must be escaped inside a string (write \\n for a new line)")
            }
            if byte == UInt8(ascii: "\\") {
                flush(offset)
                scalars.append(try escape())
                run = offset
                continue
            }
            offset += 1
        }
        throw failure("the string that starts at \(position(of: start)) is not closed", at: bytes.count)
    }

    private mutating func escape() throws(DiagnosticError) -> Unicode.Scalar {
        let start = offset
        offset += 1
        guard offset < bytes.count else { throw failure("the file ends inside an escape sequence") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4(start)
            if (0xD800...0xDBFF).contains(high) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw failure("\\u\(String(high, radix: 16)) starts a surrogate pair but no low surrogate follows", at: start)
                }
                offset += 2
                let low = try hex4(start)
                guard (0xDC00...0xDFFF).contains(low), let scalar = Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (low - 0xDC00)) else {
                    throw failure("\\u\(String(high, radix: 16)) is not followed by a low surrogate", at: start)
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw failure("\\u\(String(high, radix: 16)) is a lone surrogate, not a character", at: start)
            }
            return scalar
        default:
            throw failure("'\\\(String(decoding: [byte], as: UTF8.self))' is not a JSON escape", at: start)
        }
    }

    private mutating func hex4(_ escapeStart: Int) throws(DiagnosticError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("\\u needs four hexadecimal digits", at: escapeStart) }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("\\u needs four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
        }
        offset += 4
        return value
    }

    private mutating func number() throws(DiagnosticError) -> String {
        let start = offset
        func digits() -> Int {
            let first = offset
            while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
            return offset - first
        }
        if peek(UInt8(ascii: "-")) { offset += 1 }
        if peek(UInt8(ascii: "0")) {
            offset += 1
        } else if digits() == 0 {
            throw failure("a number needs digits", at: start)
        }
        if peek(UInt8(ascii: ".")) {
            offset += 1
            if digits() == 0 { throw failure("a number needs digits after the decimal point", at: start) }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            offset += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { offset += 1 }
            if digits() == 0 { throw failure("a number needs digits in its exponent", at: start) }
        }
        if offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) {
            throw failure("a number must not start with 0 unless it is 0", at: start)
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private mutating func literal(_ word: StaticString) throws(DiagnosticError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard offset + expected.count <= bytes.count, bytes[offset..<offset + expected.count].elementsEqual(expected) else {
            throw failure("expected a value, found \(describe(offset))")
        }
        offset += expected.count
    }

    private func peek(_ byte: UInt8) -> Bool {
        offset < bytes.count && bytes[offset] == byte
    }

    private mutating func skipSpace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    /// What is at `index`, for a message: a quoted character, or "the end of the file".
    private func describe(_ index: Int) -> String {
        guard index < bytes.count else { return "the end of the file" }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return "'\(String(decoding: bytes[index..<end], as: UTF8.self))'"
    }

    private func position(of index: Int) -> SourceLocation {
        JSONDocument.position(of: index, in: bytes, file: file)
    }

    private func failure(_ message: String, at index: Int? = nil) -> DiagnosticError {
        .error(message, at: position(of: index ?? offset))
    }
}
