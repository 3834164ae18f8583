/// Which labels contain which three-byte sequences, for finding candidates to a query without
/// comparing it against every label.
///
/// Labels are padded at the front with two blanks, so the first grams of a label ("$$d", "$da")
/// say how it starts: a label that starts with the query contains every gram of the padded
/// query, and one within a few edits of it still shares most of them. The search counts, for
/// each label, how many of the query's grams it holds, and only labels with enough are checked
/// properly.
///
/// Bytes map to 46 symbols (a-z, 0-9, space, the front padding, and eight buckets for bytes of
/// non-ASCII letters), so every gram has a slot in one flat table of 46³ entries and building the
/// index is two passes of array arithmetic, with no hashing. Buckets can make unrelated grams
/// share a slot; that only adds candidates, which are then checked byte for byte.
struct TrigramIndex: Sendable {
    static let symbolCount = 46
    static let gramCount = symbolCount * symbolCount * symbolCount

    /// Where each gram's postings start; one more element than there are grams.
    private let starts: [Int32]
    /// Label numbers, ascending within each gram, each label at most once per gram.
    private let postings: [Int32]

    init(labels: LabelTable) {
        var counts = [Int32](repeating: 0, count: Self.gramCount + 1)
        var lastLabel = [Int32](repeating: -1, count: Self.gramCount)
        labels.bytes.withUnsafeBufferPointer { bytes in
            for label in 0..<labels.count {
                Self.forEachGram(in: UnsafeBufferPointer(rebasing: bytes[labels.range(of: label)])) { gram in
                    if lastLabel[gram] != Int32(label) {
                        lastLabel[gram] = Int32(label)
                        counts[gram + 1] += 1
                    }
                }
            }
        }
        for gram in 0..<Self.gramCount {
            counts[gram + 1] += counts[gram]
        }
        var next = counts
        var postings = [Int32](repeating: 0, count: Int(counts[Self.gramCount]))
        lastLabel.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        labels.bytes.withUnsafeBufferPointer { bytes in
            for label in 0..<labels.count {
                Self.forEachGram(in: UnsafeBufferPointer(rebasing: bytes[labels.range(of: label)])) { gram in
                    if lastLabel[gram] != Int32(label) {
                        lastLabel[gram] = Int32(label)
                        postings[Int(next[gram])] = Int32(label)
                        next[gram] += 1
                    }
                }
            }
        }
        self.starts = counts
        self.postings = postings
    }

    /// Tallies, for each label holding any distinct gram of the padded `query`, how many it
    /// holds, into `tally` (cleared first, so that one tally's storage serves a whole search).
    func tally(_ query: UnsafeBufferPointer<UInt8>, into tally: inout GramTally) {
        var grams: [Int] = []
        Self.forEachGram(in: query) { gram in
            if !grams.contains(gram) { grams.append(gram) }
        }
        tally.clear(distinctGrams: grams.count)
        postings.withUnsafeBufferPointer { postings in
            for gram in grams {
                for index in Int(starts[gram])..<Int(starts[gram + 1]) {
                    tally.count(Int(postings[index]))
                }
            }
        }
    }

    /// The labels (ascending) that hold every gram lying wholly inside `word`, as any label
    /// holding the word anywhere ("impact" in "data protection impact assessment") must.
    ///
    /// The postings of the gram fewest labels hold are checked against the others by binary
    /// search, so the cost follows the rarest gram, not the commonest. Words shorter than a
    /// gram have no such grams and find nothing.
    func labels(holding word: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var grams: [Int] = []
        var position = 0
        Self.forEachGram(in: word) { gram in
            if position >= 2, !grams.contains(gram) { grams.append(gram) }
            position += 1
        }
        guard !grams.isEmpty else { return [] }
        let lists = grams
            .map { postings[Int(starts[$0])..<Int(starts[$0 + 1])] }
            .sorted { $0.count < $1.count }
        return lists[0].filter { label in
            lists.dropFirst().allSatisfy { list in
                let slot = list.partitioningIndex { $0 >= label }
                return slot < list.endIndex && list[slot] == label
            }
        }
    }

    /// Calls `body` with each gram of `bytes` padded in front by two blanks: one gram per byte.
    @inline(__always)
    static func forEachGram(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var previous = 0
        var beforePrevious = 0
        for byte in bytes {
            let current = symbol(byte)
            body((beforePrevious * symbolCount + previous) * symbolCount + current)
            beforePrevious = previous
            previous = current
        }
    }

    @inline(__always)
    private static func symbol(_ byte: UInt8) -> Int {
        switch byte {
        case 0x61...0x7A: Int(byte - 0x61) + 1
        case 0x30...0x39: Int(byte - 0x30) + 27
        case 0x20: 37
        default: 38 + Int(byte & 0x07)
        }
    }
}

/// How many of a query's grams each label holds, for the labels that hold any.
struct GramTally {
    /// The number of distinct grams in the query: a label holding all of them may start with it.
    private(set) var distinctGrams = 0
    private(set) var touched: [Int32] = []
    private var counts: [UInt16]

    init(labelCount: Int) {
        counts = [UInt16](repeating: 0, count: labelCount)
    }

    /// Forgets the last tally, touching only the labels it touched.
    mutating func clear(distinctGrams: Int) {
        for label in touched { counts[Int(label)] = 0 }
        touched.removeAll(keepingCapacity: true)
        self.distinctGrams = distinctGrams
    }

    @inline(__always)
    mutating func count(_ label: Int) {
        if counts[label] == 0 { touched.append(Int32(label)) }
        counts[label] &+= 1
    }

    subscript(label: Int32) -> Int { Int(counts[Int(label)]) }
}
