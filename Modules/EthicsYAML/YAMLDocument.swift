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

/// One node as stored: 16 bytes, since a large file has hundreds of thousands of them.
/// Scalars point into `bytes`, collections into `children`.
///
/// `bits` packs the column (16 bits; a column past 65535 is reported as 65535), the kind
/// (2 bits), the scalar style (3 bits), the tag (4 bits) and the file index (7 bits: a merged
/// configuration draws on at most 128 files, far more than an `extends:` chain may hold).
struct RawNode: Sendable {
    var line: UInt32
    var start: UInt32
    var count: UInt32
    private var bits: UInt32

    init(kind: YAMLNode.Kind, style: YAMLScalarStyle, tag: YAMLTag, file: UInt32, line: UInt32, column: UInt32, start: UInt32, count: UInt32) {
        self.line = line
        self.start = start
        self.count = count
        bits = 0
        self.column = column
        self.kind = kind
        self.style = style
        self.tag = tag
        self.file = file
    }

    var column: UInt32 {
        get { bits & 0xFFFF }
        set { bits = bits & ~0xFFFF | min(newValue, 0xFFFF) }
    }

    var kind: YAMLNode.Kind {
        get { YAMLNode.Kind(rawValue: UInt8(truncatingIfNeeded: bits >> 16 & 0x3))! }
        set { bits = bits & ~(0x3 << 16) | UInt32(newValue.rawValue) << 16 }
    }

    var style: YAMLScalarStyle {
        get { YAMLScalarStyle(rawValue: UInt8(truncatingIfNeeded: bits >> 18 & 0x7))! }
        set { bits = bits & ~(0x7 << 18) | UInt32(newValue.rawValue) << 18 }
    }

    var tag: YAMLTag {
        get { YAMLTag(rawValue: UInt8(truncatingIfNeeded: bits >> 21 & 0xF))! }
        set { bits = bits & ~(0xF << 21) | UInt32(newValue.rawValue) << 21 }
    }

    /// Index into the document's `files`.
    var file: UInt32 {
        get { bits >> 25 }
        set { bits = bits & 0x01FF_FFFF | min(newValue, 0x7F) << 25 }
    }
}
