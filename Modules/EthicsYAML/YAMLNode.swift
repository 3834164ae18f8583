public import EthicsDiagnostics

/// A node of a parsed document: a scalar, a sequence or a mapping, and where it was written.
///
/// A node is a cheap view (the document and an index); copying it copies no text.
public struct YAMLNode: Sendable {
    public enum Kind: UInt8, Sendable, Hashable {
        case scalar, sequence, mapping

        /// How the kind is named to a person reading an error message.
        public var userDescription: String {
            switch self {
            case .scalar: "a single value"
            case .sequence: "a list"
            case .mapping: "a mapping of keys to values"
            }
        }
    }

    public let document: YAMLDocument
    let index: Int32

    init(document: YAMLDocument, index: Int32) {
        self.document = document
        self.index = index
    }

    var raw: RawNode { document.nodes[Int(index)] }

    public var kind: Kind { raw.kind }

    /// File, line and column (1-based) where the node starts.
    public var location: SourceLocation {
        let raw = raw
        return SourceLocation(
            file: document.files[Int(raw.file)], line: Int(raw.line), column: Int(raw.column))
    }

    /// The scalar's text and style; nil for collections.
    public var scalar: YAMLScalar? {
        let raw = raw
        guard raw.kind == .scalar else { return nil }
        return YAMLScalar(text: text(of: raw), style: raw.style, tag: raw.tag)
    }

    /// The scalar's text exactly as written (after YAML's own unescaping and folding).
    public var text: String? {
        let raw = raw
        return raw.kind == .scalar ? text(of: raw) : nil
    }

    /// True for `~`, `null`, an empty plain value, or an explicit `!!null`.
    public var isNull: Bool {
        let raw = raw
        guard raw.kind == .scalar else { return false }
        return withBytes(of: raw) { CoreSchema.isNull($0, style: raw.style, tag: raw.tag) }
    }

    /// The items of a sequence; empty for anything else.
    public var elements: [YAMLNode] {
        let raw = raw
        guard raw.kind == .sequence else { return [] }
        return childIndices(of: raw).map { YAMLNode(document: document, index: $0) }
    }

    /// The key–value pairs of a mapping in the order written; empty for anything else.
    public var entries: [(key: YAMLNode, value: YAMLNode)] {
        let raw = raw
        guard raw.kind == .mapping else { return [] }
        let indices = childIndices(of: raw)
        return stride(from: 0, to: indices.count, by: 2).map { offset in
            (YAMLNode(document: document, index: indices[indices.startIndex + offset]),
             YAMLNode(document: document, index: indices[indices.startIndex + offset + 1]))
        }
    }

    /// The number of items of a sequence or pairs of a mapping.
    public var count: Int {
        let raw = raw
        switch raw.kind {
        case .scalar: return 0
        case .sequence: return Int(raw.count)
        case .mapping: return Int(raw.count) / 2
        }
    }

    /// The value for a scalar key of a mapping.
    public subscript(key: String) -> YAMLNode? {
        let raw = raw
        guard raw.kind == .mapping else { return nil }
        let indices = childIndices(of: raw)
        var offset = indices.startIndex
        while offset < indices.endIndex {
            if document.scalarEquals(indices[offset], key) {
                return YAMLNode(document: document, index: indices[offset + 1])
            }
            offset += 2
        }
        return nil
    }

    /// The key node for a scalar key of a mapping (to point an error at the key, not its value).
    public func keyNode(_ key: String) -> YAMLNode? {
        entries.first { $0.key.text == key }?.key
    }

    // MARK: Storage access

    func childIndices(of raw: RawNode) -> ArraySlice<Int32> {
        document.children[Int(raw.start)..<Int(raw.start + raw.count)]
    }

    func text(of raw: RawNode) -> String {
        withBytes(of: raw) { String(decoding: $0, as: UTF8.self) }
    }

    func withBytes<R>(of raw: RawNode, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        document.bytes.withUnsafeBufferPointer { buffer in
            body(UnsafeBufferPointer(rebasing: buffer[Int(raw.start)..<Int(raw.start + raw.count)]))
        }
    }
}

extension YAMLDocument {
    /// Whether node `index` is a scalar whose text is exactly `key`, without building a String.
    func scalarEquals(_ index: Int32, _ key: String) -> Bool {
        let raw = nodes[Int(index)]
        guard raw.kind == .scalar else { return false }
        var key = key
        return key.withUTF8 { keyBytes in
            guard keyBytes.count == Int(raw.count) else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                keyBytes.elementsEqual(buffer[Int(raw.start)..<Int(raw.start + raw.count)])
            }
        }
    }
}
