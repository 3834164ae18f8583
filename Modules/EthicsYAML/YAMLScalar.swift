/// A scalar's text together with how it was written, so it can be resolved the YAML 1.2 way.
public struct YAMLScalar: Sendable, Hashable {
    /// What a scalar means under the YAML 1.2 core schema.
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
    }

    public var text: String
    public var style: YAMLScalarStyle
    public var tag: YAMLTag

    public init(text: String, style: YAMLScalarStyle = .plain, tag: YAMLTag = .none) {
        self.text = text
        self.style = style
        self.tag = tag
    }

    /// The core-schema value: `no`, `on`, `yes` and `NO` stay strings; quoted scalars are always
    /// strings; `~` and `null` are null; `0o17` and `0x1F` are integers; `.inf` is a float.
    /// An integer too large for `Int` resolves as a string rather than losing digits.
    public var value: Value {
        var utf8 = text
        return utf8.withUTF8 { CoreSchema.resolve($0, style: style, tag: tag) }
    }
}

/// The YAML 1.2 core schema's resolution rules, on raw UTF-8 bytes so the decoder can test a
/// scalar without building a String. Written out by hand: regular expressions would be slower
/// and harder to check against the spec's table (yaml.org/spec/1.2.2, section 10.3.2).
enum CoreSchema {
    enum Kind { case null, bool, int, float, string }

    static func kind(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, tag: YAMLTag) -> Kind {
        switch tag {
        case .str, .nonSpecific, .seq, .map: return .string
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .none: break
        }
        guard style == .plain else { return .string }
        if isNullText(bytes) { return .null }
        if bool(bytes) != nil { return .bool }
        if isIntText(bytes) { return .int }
        if isFloatText(bytes) { return .float }
        return .string
    }

    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, tag: YAMLTag) -> YAMLScalar.Value {
        switch kind(bytes, style: style, tag: tag) {
        case .null: return .null
        case .bool: if let value = bool(bytes) { return .bool(value) }
        case .int: if let value = int(bytes) { return .int(value) }
        case .float: if let value = float(bytes) { return .float(value) }
        case .string: break
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    static func isNull(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, tag: YAMLTag) -> Bool {
        if tag == .null { return true }
        return tag == .none && style == .plain && isNullText(bytes)
    }

    /// `~`, `null`, `Null`, `NULL`, or nothing at all.
    static func isNullText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch b.count {
        case 0: return true
        case 1: return b[0] == UInt8(ascii: "~")
        case 4: return matches(b, "null") || matches(b, "Null") || matches(b, "NULL")
        default: return false
        }
    }

    /// `true|True|TRUE|false|False|FALSE`; nothing else (`yes`, `on` and `y` are strings in 1.2).
    static func bool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch b.count {
        case 4 where matches(b, "true") || matches(b, "True") || matches(b, "TRUE"): return true
        case 5 where matches(b, "false") || matches(b, "False") || matches(b, "FALSE"): return false
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
    static func isIntText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty else { return false }
        if b.count > 2, b[0] == UInt8(ascii: "0") {
            if b[1] == UInt8(ascii: "o") { return b.dropFirst(2).allSatisfy(isOctalDigit) }
            if b[1] == UInt8(ascii: "x") { return b.dropFirst(2).allSatisfy(isHexDigit) }
        }
        let digits = (b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+")) ? b.dropFirst() : b[...]
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// The integer's value, or nil when it does not fit in `Int`.
    static func int(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard isIntText(b) else { return nil }
        var radix = 10
        var digits = b[...]
        var negative = false
        if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x") {
            radix = b[1] == UInt8(ascii: "o") ? 8 : 16
            digits = b.dropFirst(2)
        } else if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            digits = b.dropFirst()
        }
        var value = 0
        for byte in digits {
            let digit = Int(hexValue(byte))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (next, overflow2) = negative
                ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        return value
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    static func isFloatText(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if isSpecialFloat(b) != nil { return true }
        var i = 0
        let n = b.count
        if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        var mantissaDigits = 0
        while i < n, isDigit(b[i]) { i += 1; mantissaDigits += 1 }
        if i < n, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, isDigit(b[i]) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if i < n, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            var exponentDigits = 0
            while i < n, isDigit(b[i]) { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return false }
        }
        return i == n
    }

    /// A float, or an integer read as one (a decoder asking for a Double accepts `3`).
    static func float(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        if let special = isSpecialFloat(b) { return special }
        if isIntText(b), let integer = int(b) { return Double(integer) }
        guard isFloatText(b) || isIntText(b) else { return nil }
        return Double(String(decoding: b, as: UTF8.self))
    }

    private static func isSpecialFloat(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var body = b[...]
        var sign = 1.0
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? -1 : 1
            body = body.dropFirst()
            let rest = UnsafeBufferPointer(rebasing: body)
            return isInf(rest) ? sign * .infinity : nil
        }
        let rest = UnsafeBufferPointer(rebasing: body)
        if isInf(rest) { return .infinity }
        if rest.count == 4, matches(rest, ".nan") || matches(rest, ".NaN") || matches(rest, ".NAN") { return .nan }
        return nil
    }

    private static func isInf(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count == 4 && (matches(b, ".inf") || matches(b, ".Inf") || matches(b, ".INF"))
    }

    private static func matches(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard b.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for i in 0..<b.count where b[i] != pointer[i] { return false }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isOctalDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x37 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }
    private static func hexValue(_ byte: UInt8) -> UInt8 {
        isDigit(byte) ? byte - 0x30 : (byte | 0x20) - UInt8(ascii: "a") + 10
    }
}
