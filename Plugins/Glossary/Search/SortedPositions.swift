/// Set operations on ascending lists of entry positions, as the indexes' postings are kept:
/// linear merges, with no hashing and no sorting.
enum SortedPositions {
    static func union(_ a: [Int32], _ b: some RandomAccessCollection<Int32>) -> [Int32] {
        guard !a.isEmpty else { return Array(b) }
        var result: [Int32] = []
        result.reserveCapacity(a.count + b.count)
        var i = a.startIndex
        var j = b.startIndex
        while i < a.endIndex || j < b.endIndex {
            if j == b.endIndex || (i < a.endIndex && a[i] < b[j]) {
                result.append(a[i])
                i += 1
            } else if i == a.endIndex || b[j] < a[i] {
                result.append(b[j])
                j = b.index(after: j)
            } else {
                result.append(a[i])
                i += 1
                j = b.index(after: j)
            }
        }
        return result
    }

    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if b[j] < a[i] {
                j += 1
            } else {
                result.append(a[i])
                i += 1
                j += 1
            }
        }
        return result
    }
}
