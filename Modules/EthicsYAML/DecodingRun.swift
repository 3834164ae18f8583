import EthicsDiagnostics

/// The state of one `YAMLDecoder.decode` call: the document, and every problem found so far.
///
/// Reference type because every nested decoder and container of the call reports into it; it
/// lives only for the duration of one synchronous decode.
final class DecodingRun {
    let document: YAMLDocument
    let userInfo: [CodingUserInfoKey: Any]
    let limits: YAMLLimits
    private(set) var diagnostics: [Diagnostic] = []

    init(document: YAMLDocument, userInfo: [CodingUserInfoKey: any Sendable], limits: YAMLLimits) {
        self.document = document
        self.userInfo = userInfo
        self.limits = limits
    }

    /// Throws everything found, if anything was.
    func finish() throws(DiagnosticError) {
        guard !diagnostics.isEmpty else { return }
        throw DiagnosticError(diagnostics, limit: limits.maxDiagnostics)
    }

    // MARK: Reporting

    func location(of node: Int32) -> SourceLocation {
        YAMLNode(document: document, index: node).location
    }

    func report(_ message: String, at node: Int32, path: CodingPathLink?, key: (any CodingKey)? = nil, suggestion: String? = nil) {
        var keys = CodingPathLink.keys(path)
        if let key { keys.append(key) }
        diagnostics.append(.error(
            message, at: location(of: node), keyPath: CodingPathLink.dotted(keys), suggestion: suggestion))
    }

    /// Reports an error thrown by a type's own `init(from:)` (a validation, an enum that is not a
    /// `YAMLStringEnum`), at the node being decoded.
    func report(_ error: any Error, at node: Int32, path: CodingPathLink?) {
        switch error {
        case let error as DiagnosticError:
            diagnostics.append(contentsOf: error.diagnostics)
        case DecodingError.dataCorrupted(let context),
             DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context),
             DecodingError.keyNotFound(_, let context):
            report(context.debugDescription, at: node, path: path)
        default:
            report("\(error)", at: node, path: path)
        }
    }

    // MARK: Decoding values

    /// Decodes `T` from `node` (nil: a placeholder, reporting nothing). Scalars Swift knows are
    /// read directly; anything else goes through a `NodeDecoder`, and its mapping's unused keys
    /// are reported once its `init(from:)` has returned.
    func decode<T: Decodable>(_ type: T.Type, node: Int32?, path: CodingPathLink?, key: (any CodingKey)?) throws -> T {
        if let value = decodeScalar(T.self, node: node, path: path, key: key) {
            return value
        }
        let childPath = key.map { CodingPathLink(parent: path, key: $0) } ?? path
        let decoder = NodeDecoder(run: self, node: node, path: childPath, owner: nil)
        do {
            let value = try T(from: decoder)
            decoder.reportUnusedKeys()
            return value
        } catch {
            guard let node else { throw DecodingAborted() }
            if !(error is DecodingAborted) {
                report(error, at: node, path: childPath)
                // The type's own complaint does not excuse keys it never asked for.
                decoder.reportUnusedKeys()
            }
            return try placeholder(T.self)
        }
    }

    /// A stand-in value so decoding can go on past a reported problem; throws `DecodingAborted`
    /// when the type cannot make one from nothing (the enclosing value then stands in instead).
    func placeholder<T: Decodable>(_ type: T.Type) throws -> T {
        if let provider = T.self as? any YAMLPlaceholderProviding.Type {
            return provider.yamlPlaceholder as! T
        }
        do {
            return try decode(T.self, node: nil, path: nil, key: nil)
        } catch {
            throw DecodingAborted()
        }
    }

    /// The value when `T` is a scalar type Swift knows, read without building a decoder.
    /// Metatypes are compared rather than cast, since a dynamic cast per value is measurable.
    private func decodeScalar<T>(_ type: T.Type, node: Int32?, path: CodingPathLink?, key: (any CodingKey)?) -> T? {
        func cast<V>(_ value: V) -> T { unsafeBitCast(value, to: T.self) }
        if T.self == String.self { return cast(string(node, path: path, key: key)) }
        if T.self == Int.self { return cast(integer(Int.self, node, path: path, key: key)) }
        if T.self == Bool.self { return cast(bool(node, path: path, key: key)) }
        if T.self == Double.self { return cast(double(node, path: path, key: key)) }
        if T.self == Float.self { return cast(Float(double(node, path: path, key: key))) }
        if T.self == Int8.self { return cast(integer(Int8.self, node, path: path, key: key)) }
        if T.self == Int16.self { return cast(integer(Int16.self, node, path: path, key: key)) }
        if T.self == Int32.self { return cast(integer(Int32.self, node, path: path, key: key)) }
        if T.self == Int64.self { return cast(integer(Int64.self, node, path: path, key: key)) }
        if T.self == UInt.self { return cast(integer(UInt.self, node, path: path, key: key)) }
        if T.self == UInt8.self { return cast(integer(UInt8.self, node, path: path, key: key)) }
        if T.self == UInt16.self { return cast(integer(UInt16.self, node, path: path, key: key)) }
        if T.self == UInt32.self { return cast(integer(UInt32.self, node, path: path, key: key)) }
        if T.self == UInt64.self { return cast(integer(UInt64.self, node, path: path, key: key)) }
        return nil
    }

    // MARK: Scalars

    /// The raw node of a scalar, or nil after reporting what was found instead.
    /// `expected` is built only when there is a problem to report.
    private func scalarNode(_ node: Int32?, expected: @autoclosure () -> String, path: CodingPathLink?, key: (any CodingKey)?) -> RawNode? {
        guard let node else { return nil }
        let raw = document.nodes[Int(node)]
        guard raw.kind == .scalar else {
            report("expected \(expected()), found \(raw.kind.userDescription)", at: node, path: path, key: key)
            return nil
        }
        let isNull = document.bytes.withUnsafeBufferPointer { buffer in
            CoreSchema.isNull(UnsafeBufferPointer(rebasing: buffer[Int(raw.start)..<Int(raw.start + raw.count)]), style: raw.style, tag: raw.tag)
        }
        if isNull {
            report("expected \(expected()), but the value is empty", at: node, path: path, key: key)
            return nil
        }
        return raw
    }

    private func withBytes<R>(_ raw: RawNode, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        document.bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(raw.start)..<Int(raw.start + raw.count)]))
        }
    }

    func string(_ node: Int32?, path: CodingPathLink?, key: (any CodingKey)?) -> String {
        guard let raw = scalarNode(node, expected: "text", path: path, key: key) else { return "" }
        return withBytes(raw) { String(decoding: $0, as: UTF8.self) }
    }

    func bool(_ node: Int32?, path: CodingPathLink?, key: (any CodingKey)?) -> Bool {
        guard let node, let raw = scalarNode(node, expected: "true or false", path: path, key: key) else { return false }
        let (kind, value) = withBytes(raw) { (CoreSchema.kind($0, style: raw.style, tag: raw.tag), CoreSchema.bool($0)) }
        if kind == .bool, let value { return value }
        let text = withBytes(raw) { String(decoding: $0, as: UTF8.self) }
        let hint: String? = switch text.lowercased() {
        case "yes", "no", "on", "off", "y", "n": "YAML 1.2 reads '\(text)' as text; write true or false"
        case "true", "false": "remove the quotes"
        default: nil
        }
        report("expected true or false, found \(describe(text, raw))", at: node, path: path, key: key, suggestion: hint)
        return false
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, _ node: Int32?, path: CodingPathLink?, key: (any CodingKey)?) -> I {
        guard let node, let raw = scalarNode(node, expected: "a whole number", path: path, key: key) else { return 0 }
        let (kind, value) = withBytes(raw) { (CoreSchema.kind($0, style: raw.style, tag: raw.tag), CoreSchema.int($0)) }
        let text = withBytes(raw) { String(decoding: $0, as: UTF8.self) }
        guard kind == .int else {
            report("expected a whole number, found \(describe(text, raw))", at: node, path: path, key: key,
                   suggestion: raw.style.isPlain ? nil : "remove the quotes")
            return 0
        }
        guard let value, let result = I(exactly: value) else {
            report("the number \(text) is out of range (\(I.min) to \(I.max))", at: node, path: path, key: key)
            return 0
        }
        return result
    }

    func double(_ node: Int32?, path: CodingPathLink?, key: (any CodingKey)?) -> Double {
        guard let node, let raw = scalarNode(node, expected: "a number", path: path, key: key) else { return 0 }
        let (kind, value) = withBytes(raw) { (CoreSchema.kind($0, style: raw.style, tag: raw.tag), CoreSchema.float($0)) }
        if kind == .float || kind == .int, let value { return value }
        let text = withBytes(raw) { String(decoding: $0, as: UTF8.self) }
        report("expected a number, found \(describe(text, raw))", at: node, path: path, key: key,
               suggestion: raw.style.isPlain ? nil : "remove the quotes")
        return 0
    }

    /// Nil only for an enum without cases, which has no value to decode at all. Reached from
    /// ``YAMLStringEnum``'s `init(from:)`.
    func decodeEnum<E: YAMLStringEnum>(_ type: E.Type, node: Int32?, path: CodingPathLink?, key: (any CodingKey)?) -> E? {
        guard let fallback = E.allCases.first else { return nil }
        guard let node else { return fallback }
        // The valid values are listed only for a report: an enum is read for every value of its type.
        func validValues() -> [String] { E.allCases.map { $0.rawValue } }
        guard let raw = scalarNode(node, expected: "one of \(validValues().joined(separator: ", "))", path: path, key: key) else {
            return fallback
        }
        let text = withBytes(raw) { String(decoding: $0, as: UTF8.self) }
        if let value = E(rawValue: text) { return value }
        let valid = validValues()
        report("unknown value '\(text)'; expected one of: \(valid.joined(separator: ", "))", at: node, path: path, key: key,
               suggestion: Suggestion.didYouMean(text, among: valid))
        return fallback
    }

    private func describe(_ text: String, _ raw: RawNode) -> String {
        raw.style.isPlain ? "'\(text)'" : "the quoted text \"\(text)\""
    }
}
