/// A council's glossary: the entries of every content file it names, with the indexes that
/// search them and link them in documents.
///
/// A value, built once and shared: the plugin loads it on first use, and every command and the
/// document listener read the same one. Each index is built the first time it is needed, and
/// only then: linking the terms of a document builds the phrase matcher and never the search
/// index, and `glossary show` or `search` builds the search index and never the phrase matcher.
/// Copies of a glossary share the indexes it has built.
public struct Glossary: Sendable {
    /// In the order the content files list them; an entry that replaced another keeps its place.
    public let entries: [GlossaryEntry]
    /// The content files, in load order.
    public let packs: [GlossaryPack]
    private let positions: [String: Int]
    private let searchIndex: Lazy<SearchIndex>
    private let phraseMatcher: Lazy<PhraseMatcher>

    /// Keeps `entries`, to be indexed when first searched or linked. Ids should be unique (the loader makes sure); where one repeats, the
    /// first entry with it is the one `self[id]` finds.
    public init(entries: [GlossaryEntry], packs: [GlossaryPack] = []) {
        self.entries = entries
        self.packs = packs
        var positions: [String: Int] = [:]
        positions.reserveCapacity(entries.count)
        for position in entries.indices where positions[entries[position].id] == nil {
            positions[entries[position].id] = position
        }
        self.positions = positions
        searchIndex = Lazy { SearchIndex(entries: entries) }
        phraseMatcher = Lazy { PhraseMatcher(entries: entries) }
    }

    /// What linking terms in a document looks phrases up in; built on first use.
    var phrases: PhraseMatcher { phraseMatcher.value }

    /// Which indexes have been built so far, for tests of what each use costs.
    var builtIndexes: (search: Bool, phrases: Bool) {
        (searchIndex.isBuilt, phraseMatcher.isBuilt)
    }

    public subscript(id: String) -> GlossaryEntry? {
        positions[id].map { entries[$0] }
    }

    /// Where the entry with `id` is in ``entries``.
    public func position(of id: String) -> Int? {
        positions[id]
    }

    /// Up to `limit` entries for what a person typed, best first; see ``SearchHit/Match`` for
    /// the tiers.
    public func search(_ query: String, limit: Int = 10) -> [SearchHit] {
        let trimmed = query.trimmingBlanks
        return searchIndex.value.search(trimmed, in: entries, exactID: positions[trimmed], limit: limit)
    }

    /// The entry a person means by `name`: its id, or its label or an alternative label written
    /// in any case and punctuation (a preferred label first). Nil when nothing matches exactly.
    ///
    /// One name looked up does not pay for the search index, whose trigrams were a tenth of
    /// `ethics glossary show`: the labels are folded and compared in turn (a few thousand bytes)
    /// unless a search has built the index already, as a server's first search does.
    public func resolve(_ name: String) -> GlossaryEntry? {
        let trimmed = name.trimmingBlanks
        if let position = positions[trimmed] { return entries[position] }
        if searchIndex.isBuilt {
            return searchIndex.value.entries(labelled: trimmed).first.map { entries[$0] }
        }
        let folded = TextFolding.foldedBytes(trimmed)
        guard !folded.isEmpty else { return nil }
        var label: [UInt8] = []
        func folds(_ text: String) -> Bool {
            label.removeAll(keepingCapacity: true)
            TextFolding.appendFolded(text, to: &label)
            return label == folded
        }
        var alternative: Int?
        for position in entries.indices {
            if folds(entries[position].label) { return entries[position] }
            if alternative == nil, entries[position].altLabels.contains(where: folds) { alternative = position }
        }
        return alternative.map { entries[$0] }
    }

    /// Every tag used, alphabetically.
    public var tags: [String] {
        Set(entries.flatMap(\.tags)).sorted()
    }
}
