/// Something the toolkit shows a person: a decision record, a code matrix, a canvas report, a
/// glossary entry.
///
/// Plugins never format output themselves. They describe *what* to say as a `Document` and the
/// renderer decides *how* it looks in each format, so HTML escaping, Markdown escaping, CSV quoting
/// and accessibility live in one place. Because it is a plain value, listeners of the
/// `document.rendering` event can annotate it (the glossary links terms) without knowing the format.
public struct Document: Hashable, Sendable, Codable {
    /// One line of the document's front matter: author, date, version, provenance.
    ///
    /// An ordered list of pairs rather than a dictionary, because the order is part of what the
    /// reader sees and a key (say "Source") may repeat.
    public struct MetadataEntry: Hashable, Sendable, Codable {
        public var key: String
        public var value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Shown as the page's only level-1 heading and as the HTML `<title>`.
    public var title: String
    public var subtitle: String?
    public var metadata: [MetadataEntry]
    public var blocks: [Block]
    /// The committee-paper frame, when the document is one (see ``CommitteePaper``).
    public var paper: CommitteePaper?
    /// The register's record version this document shows, when it shows one: a front end that
    /// makes the document a committee paper takes that version's sign-offs from the register
    /// (see ``PluginContext/framed(_:as:)``).
    public var record: RecordReference?

    public init(
        title: String,
        subtitle: String? = nil,
        metadata: [MetadataEntry] = [],
        blocks: [Block] = [],
        paper: CommitteePaper? = nil
    ) {
        self.paper = paper
        self.title = title
        self.subtitle = subtitle
        self.metadata = metadata
        self.blocks = blocks
    }

    /// Adds a block at the end, for documents assembled step by step.
    public mutating func append(_ block: Block) {
        blocks.append(block)
    }

    public mutating func append(contentsOf blocks: some Sequence<Block>) {
        self.blocks.append(contentsOf: blocks)
    }
}

/// One version of one record in the register: `dec-2026-0001` version 3.
public struct RecordReference: Hashable, Sendable, Codable {
    public var id: String
    public var version: Int

    public init(id: String, version: Int) {
        self.id = id
        self.version = version
    }
}

extension Document {
    /// The document's blocks to place inside another document, under a heading of `level`: its
    /// headings move down so the outline stays whole.
    public func blocks(nestedUnder level: Int) -> [Block] {
        blocks.map { block in
            if case .heading(let own, let content, let anchor) = block {
                return .heading(level: min(own + level - 1, 6), content, anchor: anchor)
            }
            return block
        }
    }
}
