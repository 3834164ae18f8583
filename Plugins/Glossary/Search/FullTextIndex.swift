/// Which entries' definitions mention which words, for the last tier of search. (Label words
/// are found through the trigram index instead; see ``SearchIndex``.)
///
/// Words are keyed by the ``WordHash`` the scanner computes as it reads them, so indexing costs
/// one table probe per word. Each word has the ascending list of entries that use it, so a
/// query of several words is answered by merging and intersecting short sorted lists, however
/// large the glossary. Because words are keyed by hash, callers confirm a hit with
/// ``entry(_:mentions:)`` before showing it.
///
/// Plurals are handled when a query is asked rather than when text is indexed: each query word
/// stands for itself and its ``PluralForms/variants(of:)``, and an entry qualifies if it holds
/// any of them. The commonest English words ("the", "of", "and") are listed against no entry:
/// every definition has them, so they would lengthen the lists and improve no result.
struct FullTextIndex: Sendable {
    /// One word of a query: its folded forms, any of which an entry may hold, and their hashes.
    struct QueryWord: Equatable {
        var forms: [[UInt8]]
        var hashes: [UInt64]
    }

    private let wordNumbers: WordTable
    /// Where each word's entries start in `postings`; one more element than there are words.
    private let starts: [Int32]
    private let postings: [Int32]

    init(entries: [GlossaryEntry]) {
        var builder = PostingsBuilder()
        // About one listing per seven bytes of definition; reserving it saves copying millions
        // of pairs as the array grows.
        builder.pairs.reserveCapacity(entries.reduce(0) { $0 + $1.definition.utf8.count } / 7)
        for position in entries.indices {
            let number = Int32(position)
            var definition = entries[position].definition
            definition.withUTF8 { bytes in
                WordScanner.forEachWord(in: bytes) { builder.add($0.hash, entry: number) }
            }
        }
        (wordNumbers, starts, postings) = builder.finish()
    }

    /// The words of `query`, each with its singular and plural forms.
    static func queryWords(of query: String) -> [QueryWord] {
        let words = TextFolding.foldedBytes(query).split(separator: UInt8(ascii: " "))
        var result: [QueryWord] = []
        for word in words {
            let forms = PluralForms.variants(of: Array(word))
            let queryWord = QueryWord(forms: forms, hashes: forms.map { WordHash.of($0) })
            if !result.contains(queryWord) { result.append(queryWord) }
        }
        return result
    }

    /// The entries (by position, ascending) whose definition holds a form of `word`.
    func entries(mentioning word: QueryWord) -> [Int32] {
        word.hashes.reduce(into: [Int32]()) { entries, form in
            guard let number = wordNumbers[form] else { return }
            entries = SortedPositions.union(entries, postings[Int(starts[Int(number)])..<Int(starts[Int(number) + 1])])
        }
    }

    /// Whether `entry`'s definition or labels really hold a form of every query word, comparing
    /// the words themselves, so that a hash collision can never show a wrong hit.
    ///
    /// The entry's words are compared with the query's few forms as they are met, stopping once
    /// every query word is found: hashing every word of the entry into a set first was two
    /// thirds of this check's time.
    static func entry(_ entry: GlossaryEntry, mentions query: [QueryWord]) -> Bool {
        var missing = query.count
        var found = [Bool](repeating: false, count: query.count)
        for text in entry.allLabels + [entry.definition] {
            for word in TextFolding.foldedBytes(text).split(separator: UInt8(ascii: " ")) {
                for (index, queryWord) in query.enumerated() where !found[index] {
                    if queryWord.forms.contains(where: { $0.count == word.count && $0.elementsEqual(word) }) {
                        found[index] = true
                        missing -= 1
                        if missing == 0 { return true }
                    }
                }
            }
        }
        return missing == 0
    }

    /// Whether `word` is one of the stop words: the table's first words, listed against no
    /// entry.
    func isStopWord(_ word: QueryWord) -> Bool {
        wordNumbers[word.hashes[0]].map { $0 < PostingsBuilder.stopWords.count } ?? false
    }
}

/// Collects (word, entry) pairs entry by entry, then lays them out word by word.
private struct PostingsBuilder {
    var words = WordTable()
    /// The last entry recorded for each word, so an entry is listed once per word.
    var lastEntry: [Int32] = []
    var pairs: [(word: Int32, entry: Int32)] = []

    /// The English words too common to search by. They are entered in the table first, as
    /// words `0..<stopWords.count`, so telling one apart costs nothing beyond the lookup every
    /// word needs anyway.
    static let stopWords = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of",
        "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "with",
    ]

    init() {
        for (number, word) in Self.stopWords.enumerated() {
            words.set(Int32(number), for: WordHash.of(word.utf8))
            lastEntry.append(-1)
        }
    }

    mutating func add(_ hash: UInt64, entry: Int32) {
        let word: Int32
        if let known = words[hash] {
            guard known >= Self.stopWords.count else { return }
            word = known
        } else {
            word = Int32(lastEntry.count)
            lastEntry.append(-1)
            words.set(word, for: hash)
        }
        if lastEntry[Int(word)] != entry {
            lastEntry[Int(word)] = entry
            pairs.append((word, entry))
        }
    }

    /// The word table, and each word's entries as one array cut by `starts` (a counting sort,
    /// which keeps each word's entries in ascending order).
    func finish() -> (WordTable, [Int32], [Int32]) {
        var starts = [Int32](repeating: 0, count: lastEntry.count + 1)
        for pair in pairs { starts[Int(pair.word) + 1] += 1 }
        for word in lastEntry.indices { starts[word + 1] += starts[word] }
        var next = starts
        var postings = [Int32](repeating: 0, count: pairs.count)
        for pair in pairs {
            postings[Int(next[Int(pair.word)])] = pair.entry
            next[Int(pair.word)] += 1
        }
        return (words, starts, postings)
    }
}

