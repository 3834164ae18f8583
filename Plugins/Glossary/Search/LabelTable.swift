/// Every label of every entry (preferred and alternative), folded, stored back to back in one
/// buffer: one allocation for a hundred thousand labels, and contiguous bytes for the edit
/// distance loop to read.
struct LabelTable: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Where each label starts in `bytes`; one more element than there are labels.
    private(set) var starts: [Int32] = [0]
    /// The position of each label's entry in the glossary.
    private(set) var entries: [Int32] = []
    private(set) var isPreferred: [Bool] = []

    /// Room for the labels of about `entries` entries.
    init(capacity entries: Int = 0) {
        bytes.reserveCapacity(entries * 24)
        starts.reserveCapacity(entries * 2)
        self.entries.reserveCapacity(entries * 2)
        isPreferred.reserveCapacity(entries * 2)
    }

    var count: Int { entries.count }

    /// Folds `label` into the table; a label that folds to nothing (all punctuation) is
    /// dropped, since nothing can match it.
    mutating func append(_ label: String, entry: Int, preferred: Bool) {
        TextFolding.appendFolded(label, to: &bytes)
        guard bytes.count > Int(starts[starts.count - 1]) else { return }
        starts.append(Int32(bytes.count))
        entries.append(Int32(entry))
        isPreferred.append(preferred)
    }

    func range(of label: Int) -> Range<Int> {
        Int(starts[label])..<Int(starts[label + 1])
    }

    func text(of label: Int) -> String {
        String(decoding: bytes[range(of: label)], as: UTF8.self)
    }

    /// Orders two labels by their folded bytes, as a dictionary would.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        bytes[range(of: a)].lexicographicallyPrecedes(bytes[range(of: b)])
    }
}
