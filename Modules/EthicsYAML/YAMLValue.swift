/// A YAML tree built in memory, for tools that write YAML rather than read it (a canvas file, a
/// generated template): built with Swift values, turned into a `YAMLNode` for `YAMLEmitter`.
///
/// Text is written so that it reads back as text: a string the core schema would take for
/// something else (`true`, `42`, `null`, an empty string) is quoted, and multi-line text is asked
/// for as a literal block, which libyaml's emitter turns into a quoted scalar when the text
/// cannot be written as a block (trailing spaces, control characters).
public indirect enum YAMLValue: Sendable, Hashable {
    /// A scalar exactly as given: the caller chose its text and style (numbers, booleans, null).
    case scalar(YAMLScalar)
    case sequence([YAMLValue])
    /// Pairs in the order they are to be written.
    case mapping([YAMLPair])

    /// Text that reads back as the same string.
    public static func string(_ text: String) -> YAMLValue {
        if text.contains("\n") { return .scalar(YAMLScalar(text: text, style: .literal)) }
        let plain = YAMLScalar(text: text, style: .plain)
        if case .string = plain.value, !text.isEmpty { return .scalar(plain) }
        return .scalar(YAMLScalar(text: text, style: .doubleQuoted))
    }

    public static let null = YAMLValue.scalar(YAMLScalar(text: "null", style: .plain))

    public static func bool(_ value: Bool) -> YAMLValue {
        .scalar(YAMLScalar(text: value ? "true" : "false", style: .plain))
    }

    public static func int(_ value: Int) -> YAMLValue {
        .scalar(YAMLScalar(text: String(value), style: .plain))
    }

    /// A mapping from pairs whose keys are plain text.
    public static func mapping(_ pairs: KeyValuePairs<String, YAMLValue>) -> YAMLValue {
        .mapping(pairs.map { YAMLPair($0.key, $0.value) })
    }

    /// The tree as a node of a document of its own, ready for `YAMLEmitter.emit`; every node is
    /// placed at line 1, column 1 of `file`.
    public func node(file: String = "<generated>") -> YAMLNode {
        var builder = Builder()
        let root = builder.add(self)
        let document = YAMLDocument(
            files: [file], nodes: builder.nodes, children: builder.children, bytes: builder.bytes, rootIndex: root)
        return YAMLNode(document: document, index: root)
    }

    private struct Builder {
        var nodes: [RawNode] = []
        var children: [Int32] = []
        var bytes: [UInt8] = []

        mutating func add(_ value: YAMLValue) -> Int32 {
            switch value {
            case .scalar(let scalar):
                let start = bytes.count
                bytes.append(contentsOf: scalar.text.utf8)
                return append(.scalar, style: scalar.style, tag: scalar.tag, start: start, count: bytes.count - start)
            case .sequence(let items):
                let indices = items.map { add($0) }
                return collection(.sequence, indices)
            case .mapping(let pairs):
                let indices = pairs.flatMap { [add(.string($0.key)), add($0.value)] }
                return collection(.mapping, indices)
            }
        }

        private mutating func collection(_ kind: YAMLNode.Kind, _ indices: [Int32]) -> Int32 {
            let start = children.count
            children.append(contentsOf: indices)
            return append(kind, style: .plain, tag: .none, start: start, count: indices.count)
        }

        private mutating func append(_ kind: YAMLNode.Kind, style: YAMLScalarStyle, tag: YAMLTag, start: Int, count: Int) -> Int32 {
            nodes.append(RawNode(
                kind: kind, style: style, tag: tag, file: 0, line: 1, column: 1,
                start: UInt32(start), count: UInt32(count)))
            return Int32(nodes.count - 1)
        }
    }
}

/// One key and its value in a `YAMLValue.mapping`.
public struct YAMLPair: Sendable, Hashable {
    public var key: String
    public var value: YAMLValue

    public init(_ key: String, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }
}
