/// One parsed YAML document, stored compactly: a flat array of small node records, one buffer of
/// scalar bytes, and one array of child indices.
///
/// The layout keeps a 10 MB file at a small multiple of its size in memory, and makes aliases
/// free: an alias is the index of its anchor's node, shared, never copied. Documents are
/// immutable once built and safe to share across tasks. Nodes are read through `YAMLNode`.
public final class YAMLDocument: Sendable {
    /// Every file a node of this document came from; one entry for a parsed file, several for a
    /// configuration merged from a file and the files it extends.
    let files: [String]
    let nodes: [RawNode]
    /// Child node indices of every collection; a mapping's children are key, value, key, value…
    let children: [Int32]
    /// The UTF-8 text of every scalar, back to back.
    let bytes: [UInt8]
    let rootIndex: Int32?

    init(files: [String], nodes: [RawNode], children: [Int32], bytes: [UInt8], rootIndex: Int32?) {
        self.files = files
        self.nodes = nodes
        self.children = children
        self.bytes = bytes
        self.rootIndex = rootIndex
    }

    /// The top node, or nil for a document with no content (an empty file, only comments).
    public var root: YAMLNode? {
        rootIndex.map { YAMLNode(document: self, index: $0) }
    }

    /// The file the document was read from (the first, for a merged document).
    public var file: String { files.first ?? "" }

    /// How many distinct nodes the document holds (aliases not counted twice).
    public var nodeCount: Int { nodes.count }
}

/// One node as stored: 24 bytes. Scalars point into `bytes`, collections into `children`.
struct RawNode: Sendable {
    var kind: YAMLNode.Kind
    var style: YAMLScalarStyle
    var tag: YAMLTag
    var file: UInt32
    var line: UInt32
    var column: UInt32
    var start: UInt32
    var count: UInt32
}
