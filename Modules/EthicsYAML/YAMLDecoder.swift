public import EthicsDiagnostics

/// Decodes `Decodable` Swift types from YAML, strictly and with every problem positioned.
///
/// - Unknown keys are errors, with a did-you-mean drawn from the keys the type itself asked for.
/// - Every error names `file:line:column` and the key path.
/// - All problems in a file are reported together: a bad value is noted and replaced by a
///   placeholder so decoding goes on to the next one; the caller gets one `DiagnosticError`.
/// - Optional properties may be missing or null; give other properties defaults in a custom
///   `init(from:)` with `decodeIfPresent(...) ?? default`, as with any Codable decoder.
/// - Scalars follow the YAML 1.2 core schema: a Bool is `true`/`false` (never `yes`), quoted
///   text is never a number, any non-null scalar may be read as a String.
public struct YAMLDecoder: Sendable {
    public var limits: YAMLLimits
    public var userInfo: [CodingUserInfoKey: any Sendable]
    /// Keys in front of every reported key path, when the node decoded is part of a larger
    /// document (a plugin's settings are `plugins.<id>` of the configuration).
    public var keyPathPrefix: [String] = []

    public init(limits: YAMLLimits = .default, userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.limits = limits
        self.userInfo = userInfo
    }

    /// Decodes a value from a node of an already parsed document.
    public func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode) throws(DiagnosticError) -> T {
        let run = DecodingRun(document: node.document, userInfo: userInfo, limits: limits)
        let path = CodingPathLink.prefix(keyPathPrefix)
        let value: T?
        do {
            value = try run.decode(T.self, node: node.index, path: path, key: nil)
        } catch {
            value = nil
        }
        try run.finish()
        guard let value else {
            throw .error("the value could not be decoded", at: node.location)
        }
        return value
    }

    /// Decodes what can be decoded, adding every problem to `problems` instead of throwing, so
    /// a checker can go on to check more. The value has placeholders where problems were found;
    /// nil only when nothing could stand in for it.
    public func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode, collectingInto problems: inout DiagnosticCollector) -> T? {
        let run = DecodingRun(document: node.document, userInfo: userInfo, limits: limits)
        let path = CodingPathLink.prefix(keyPathPrefix)
        let value = try? run.decode(T.self, node: node.index, path: path, key: nil)
        do {
            try run.finish()
        } catch {
            problems.append(contentsOf: error.diagnostics)
        }
        return value
    }

    /// The key path the decoder prints for a coding path (`plugins.glossary.files[2]`), for
    /// types that report their own problems with `DiagnosticError`.
    public static func keyPath(_ codingPath: [any CodingKey]) -> String {
        CodingPathLink.dotted(codingPath)
    }

    /// Parses a file and decodes its single document. An empty file is an error.
    public func decode<T: Decodable>(_ type: T.Type, fromFile path: String) throws(DiagnosticError) -> T {
        let document = try YAMLParser.parse(file: path, limits: limits)
        return try decode(T.self, from: document)
    }

    /// Parses text held in memory and decodes its single document; `file` names it in messages.
    public func decode<T: Decodable>(_ type: T.Type, from text: String, file: String = "<input>") throws(DiagnosticError) -> T {
        let document = try YAMLParser.parse(text, file: file, limits: limits)
        return try decode(T.self, from: document)
    }

    /// Decodes the root of a parsed document; a document with no content is an error.
    public func decode<T: Decodable>(_ type: T.Type, from document: YAMLDocument) throws(DiagnosticError) -> T {
        guard let root = document.root else {
            throw .error("the file is empty; it must hold a YAML document", file: document.file)
        }
        return try decode(T.self, from: root)
    }
}
