/// How many single-byte edits (insertions, deletions, substitutions, or swaps of neighbours)
/// turn a query into a label, or into the label's first words, counting no further than a limit.
///
/// The label is read one byte at a time against a column of distances for every prefix of the
/// query (optimal string alignment, as `Suggestion` uses for config keys). Reading stops as soon
/// as every distance in the column exceeds the limit, so a label that goes wrong early costs a
/// few bytes, not its whole length. Whenever the label reaches the end of a word, the distance
/// to the whole query so far is a candidate: "algoritmic" is one edit from the first word of
/// "algorithmic bias".
///
/// Distances count bytes of folded UTF-8, so a wrong non-ASCII letter may count as two edits.
struct BoundedEditDistance {
    /// The closest the query came to the whole label and to a run of its first words, each nil
    /// when beyond the limit.
    struct Result: Equatable {
        var whole: Int?
        var leadingWords: Int?

        /// The better of the two, the whole label winning a tie.
        var best: (distance: Int, isWhole: Bool)? {
            switch (whole, leadingWords) {
            case let (whole?, words?): words < whole ? (words, false) : (whole, true)
            case let (whole?, nil): (whole, true)
            case let (nil, words?): (words, false)
            case (nil, nil): nil
            }
        }
    }

    let limit: Int
    private var twoBack: [Int]
    private var previous: [Int]
    private var current: [Int]

    /// Scratch space sized for queries of `queryLength` bytes, reused across labels.
    init(queryLength: Int, limit: Int) {
        self.limit = limit
        twoBack = [Int](repeating: 0, count: queryLength + 1)
        previous = twoBack
        current = twoBack
    }

    mutating func compare(_ query: UnsafeBufferPointer<UInt8>, with label: UnsafeBufferPointer<UInt8>) -> Result {
        let queryLength = query.count
        var result = Result()
        guard queryLength > 0, !label.isEmpty, label.count + limit >= queryLength else { return result }
        for row in 0...queryLength { previous[row] = row }
        for column in 1...label.count {
            let labelByte = label[column - 1]
            current[0] = column
            var smallest = column
            for row in 1...queryLength {
                let queryByte = query[row - 1]
                var value = min(previous[row] + 1, current[row - 1] + 1,
                                previous[row - 1] + (queryByte == labelByte ? 0 : 1))
                if row > 1, column > 1, queryByte == label[column - 2], query[row - 2] == labelByte {
                    value = min(value, twoBack[row - 2] + 1)
                }
                current[row] = value
                smallest = min(smallest, value)
            }
            if smallest > limit { break }
            let distance = current[queryLength]
            if distance <= limit {
                if column == label.count {
                    result.whole = distance
                } else if label[column] == UInt8(ascii: " ") {
                    result.leadingWords = min(result.leadingWords ?? distance, distance)
                }
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return result
    }
}
