/// Finds entries for what a person typed, best first, in tiers: exact label or id, then labels
/// that start with the query, then alternative labels, then labels a few typing mistakes away,
/// then entries whose definition mentions every word of the query. An entry appears once, at
/// its best tier; within a tier the closer and shorter match ranks first, then alphabetical.
///
/// Built once per glossary. The first three tiers and the misspelling tier share one pass over
/// a ``TrigramIndex``, so a query against a hundred thousand entries looks at the few hundred
/// labels that share its letter sequences rather than at every label.
struct SearchIndex: Sendable {
    private let labels: LabelTable
    private let trigrams: TrigramIndex
    /// Built on the first search that reaches definitions: finding an entry by its label (`show
    /// DPIA`) needs only the labels.
    private let fullText: Lazy<FullTextIndex>

    /// Indexes the labels (with their trigrams); the definitions when first searched.
    init(entries: [GlossaryEntry]) {
        var labels = LabelTable(capacity: entries.count)
        for position in entries.indices {
            labels.append(entries[position].label, entry: position, preferred: true)
            for alternative in entries[position].altLabels {
                labels.append(alternative, entry: position, preferred: false)
            }
        }
        self.labels = labels
        trigrams = TrigramIndex(labels: labels)
        fullText = Lazy { FullTextIndex(entries: entries) }
    }

    /// The most edits a query of `length` folded bytes may be from a label and still match:
    /// none for very short queries, where one edit turns a word into many others.
    static func editLimit(forQueryLength length: Int) -> Int {
        switch length {
        case ..<4: 0
        case 4..<8: 1
        default: 2
        }
    }

    /// Up to `limit` hits for `query`, best first. `exactID` is the position of an entry whose
    /// id the query names, which ranks first.
    func search(_ query: String, in entries: [GlossaryEntry], exactID: Int?, limit: Int) -> [SearchHit] {
        let folded = TextFolding.foldedBytes(query)
        guard !folded.isEmpty, limit > 0 else { return [] }
        var results = RankedResults(entries: entries, limit: limit)
        if let exactID {
            results.add(entry: exactID, match: .exact, label: entries[exactID].label)
        }
        var tally = GramTally(labelCount: labels.count)
        folded.withUnsafeBufferPointer { query in
            labels.bytes.withUnsafeBufferPointer { bytes in
                trigrams.tally(query, into: &tally)
                addLabelMatches(query, bytes, tally, to: &results)
                if !results.isFull {
                    addMisspellings(query, bytes, tally, to: &results)
                }
            }
        }
        if !results.isFull {
            addFullTextMatches(query, to: &results)
        }
        return results.hits
    }

    /// The positions of the entries with a label that folds to the same text as `name`:
    /// entries whose preferred label it is first, then those with it as an alternative.
    func entries(labelled name: String) -> [Int] {
        let folded = TextFolding.foldedBytes(name)
        guard !folded.isEmpty else { return [] }
        var preferred: [Int] = []
        var alternative: [Int] = []
        var tally = GramTally(labelCount: labels.count)
        folded.withUnsafeBufferPointer { query in
            trigrams.tally(query, into: &tally)
            for label in tally.touched.sorted() where tally[label] == tally.distinctGrams {
                let label = Int(label)
                guard labels.bytes[labels.range(of: label)].elementsEqual(folded) else { continue }
                let entry = Int(labels.entries[label])
                if labels.isPreferred[label] { preferred.append(entry) } else { alternative.append(entry) }
            }
        }
        return preferred + alternative.filter { !preferred.contains($0) }
    }

    /// Exact, prefix and alternative-label matches: labels holding every gram of the query,
    /// confirmed byte for byte.
    private func addLabelMatches(
        _ query: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, _ tally: GramTally,
        to results: inout RankedResults
    ) {
        var found: [(label: Int, match: SearchHit.Match, length: Int)] = []
        for label in tally.touched where tally[label] == tally.distinctGrams {
            let label = Int(label)
            let text = UnsafeBufferPointer(rebasing: bytes[labels.range(of: label)])
            guard text.starts(with: query) else { continue }
            let match: SearchHit.Match = !labels.isPreferred[label] ? .alternativeLabel
                : text.count == query.count ? .exact : .prefix
            found.append((label, match, text.count))
        }
        found.sort { a, b in
            if a.match != b.match { return a.match < b.match }
            if a.length != b.length { return a.length < b.length }
            return labels.precedes(a.label, b.label)
        }
        for item in found {
            results.add(entry: Int(labels.entries[item.label]), match: item.match, label: labelText(item.label, entries: results.entries))
        }
    }

    /// Labels within the edit limit of the query, whole or in their first words.
    private func addMisspellings(
        _ query: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, _ tally: GramTally,
        to results: inout RankedResults
    ) {
        let limit = Self.editLimit(forQueryLength: query.count)
        guard limit > 0 else { return }
        // Each edit spoils at most four of the query's grams (a swap of neighbours), so a label
        // within `limit` edits still holds all but 4 × limit of them.
        let threshold = max(1, tally.distinctGrams - 4 * limit)
        var distance = BoundedEditDistance(queryLength: query.count, limit: limit)
        var found: [(label: Int, edits: Int, isWhole: Bool, length: Int)] = []
        for label in tally.touched where tally[label] >= threshold {
            let label = Int(label)
            guard !results.contains(entry: Int(labels.entries[label])) else { continue }
            let text = UnsafeBufferPointer(rebasing: bytes[labels.range(of: label)])
            if let best = distance.compare(query, with: text).best {
                found.append((label, best.distance, best.isWhole, text.count))
            }
        }
        found.sort { a, b in
            if a.edits != b.edits { return a.edits < b.edits }
            if a.isWhole != b.isWhole { return a.isWhole }
            if labels.isPreferred[a.label] != labels.isPreferred[b.label] { return labels.isPreferred[a.label] }
            if a.length != b.length { return a.length < b.length }
            return labels.precedes(a.label, b.label)
        }
        for item in found {
            results.add(entry: Int(labels.entries[item.label]), match: .misspelling(edits: item.edits),
                        label: labelText(item.label, entries: results.entries))
        }
    }

    /// Entries that mention every word of the query (in the singular or plural, stop words
    /// aside) in their definition or labels, alphabetically by label; only as many as the
    /// results still have room for are confirmed and ordered.
    ///
    /// Definitions have their own index; label words are found through the trigram index, so
    /// that "risk assessment" finds the impact assessment whose definition speaks of risks.
    private func addFullTextMatches(_ query: String, to results: inout RankedResults) {
        let fullText = fullText.value
        let words = FullTextIndex.queryWords(of: query).filter { !fullText.isStopWord($0) }
        guard !words.isEmpty else { return }
        var candidates: [Int32]?
        for word in words where candidates?.isEmpty != true {
            let mentioning = SortedPositions.union(fullText.entries(mentioning: word), entries(withLabelWord: word))
            candidates = candidates.map { SortedPositions.intersection($0, mentioning) } ?? mentioning
        }
        var best: [Int] = []
        let room = results.room
        for candidate in candidates ?? [] {
            let entry = Int(candidate)
            guard !results.contains(entry: entry) else { continue }
            let label = preferredLabel(of: entry)
            if best.count == room, let last = best.last, !labels.precedes(label, preferredLabel(of: last)) { continue }
            guard FullTextIndex.entry(results.entries[entry], mentions: words) else { continue }
            let slot = best.partitioningIndex { labels.precedes(label, preferredLabel(of: $0)) }
            best.insert(entry, at: slot)
            if best.count > room { best.removeLast() }
        }
        for entry in best {
            results.add(entry: entry, match: .fullText, label: results.entries[entry].label)
        }
    }

    /// The entries (ascending) with a label holding a form of `word` as a whole word.
    private func entries(withLabelWord word: FullTextIndex.QueryWord) -> [Int32] {
        var found = Set<Int32>()
        for form in word.forms {
            let candidates = form.withUnsafeBufferPointer { trigrams.labels(holding: $0) }
            for label in candidates {
                let text = labels.bytes[labels.range(of: Int(label))]
                if text.split(separator: UInt8(ascii: " ")).contains(where: { $0.elementsEqual(form) }) {
                    found.insert(labels.entries[Int(label)])
                }
            }
        }
        return found.sorted()
    }

    /// The label as the entry writes it (not folded), for showing which one matched.
    private func labelText(_ label: Int, entries: [GlossaryEntry]) -> String {
        let entry = entries[Int(labels.entries[label])]
        guard !labels.isPreferred[label] else { return entry.label }
        let folded = labels.text(of: label)
        return entry.altLabels.first { TextFolding.fold($0) == folded } ?? folded
    }

    /// The label number of an entry's preferred label; labels are stored entry by entry, the
    /// preferred one first, so it is found by binary search over the label-to-entry column.
    private func preferredLabel(of entry: Int) -> Int {
        labels.entries.partitioningIndex { Int($0) >= entry }
    }
}

/// Hits gathered tier by tier: each entry once, at the first (best) tier that found it, and no
/// more than the limit.
private struct RankedResults {
    let entries: [GlossaryEntry]
    let limit: Int
    private(set) var hits: [SearchHit] = []
    private var found = Set<Int>()

    init(entries: [GlossaryEntry], limit: Int) {
        self.entries = entries
        self.limit = limit
    }

    var isFull: Bool { hits.count >= limit }
    var room: Int { max(0, limit - hits.count) }

    func contains(entry: Int) -> Bool { found.contains(entry) }

    mutating func add(entry: Int, match: SearchHit.Match, label: String) {
        guard !isFull, found.insert(entry).inserted else { return }
        hits.append(SearchHit(entry: entries[entry], match: match, matchedLabel: label))
    }
}
