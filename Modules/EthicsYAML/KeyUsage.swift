import EthicsDiagnostics

/// Which keys of one mapping a type asked for, so that the keys it never asked for can be
/// reported as unknown, with a suggestion drawn from the ones it did ask for.
///
/// Swift's Codable has no list of a type's keys; the keys a type asks for while decoding are
/// that list (synthesised `init(from:)` asks for every property, optional ones included).
final class KeyUsage {
    let document: YAMLDocument
    /// Key, value, key, value… node indices.
    let pairs: ArraySlice<Int32>
    /// One bit per pair for the usual small mapping; an array only past 64 keys.
    private var usedBits: UInt64 = 0
    private var usedOverflow: [Bool]
    private let pairCount: Int
    /// The keys asked for, kept so unknown keys can be matched against them. Reserved small:
    /// one allocation per mapping rather than several as it grows.
    private var asked: [String] = []
    /// Key text to pair index, built only for large mappings where a linear scan would be slow.
    private var index: [String: Int]?

    init(document: YAMLDocument, pairs: ArraySlice<Int32>) {
        self.document = document
        self.pairs = pairs
        pairCount = pairs.count / 2
        usedOverflow = pairCount > 64 ? Array(repeating: false, count: pairCount) : []
        asked.reserveCapacity(min(pairCount + 2, 16))
    }

    var count: Int { pairCount }

    private func isUsed(_ pair: Int) -> Bool {
        pairCount > 64 ? usedOverflow[pair] : usedBits & (1 << UInt64(pair)) != 0
    }

    private func markUsed(_ pair: Int) {
        if pairCount > 64 { usedOverflow[pair] = true } else { usedBits |= 1 << UInt64(pair) }
    }

    func keyNode(at pair: Int) -> Int32 { pairs[pairs.startIndex + pair * 2] }
    func valueNode(at pair: Int) -> Int32 { pairs[pairs.startIndex + pair * 2 + 1] }

    func keyText(at pair: Int) -> String {
        YAMLNode(document: document, index: keyNode(at: pair)).text ?? ""
    }

    /// The pair index holding `key`, marking the key as asked for (and as used when found).
    func find(_ key: String) -> Int? {
        asked.append(key)
        let found: Int?
        if pairCount > 12 {
            if index == nil {
                var built: [String: Int] = [:]
                for pair in 0..<pairCount { built[keyText(at: pair)] = pair }
                index = built
            }
            found = index?[key]
        } else {
            found = (0..<pairCount).first { document.scalarEquals(keyNode(at: $0), key) }
        }
        if let found { markUsed(found) }
        return found
    }

    /// Marks every key as used: the type enumerated them all (a dictionary).
    func markAllUsed() {
        for pair in 0..<pairCount { markUsed(pair) }
    }

    func reportUnused(run: DecodingRun, path: CodingPathLink?) {
        guard (0..<pairCount).contains(where: { !isUsed($0) }) else { return }
        var known: [String] = []
        for key in asked where !known.contains(key) { known.append(key) }
        for pair in 0..<pairCount where !isUsed(pair) {
            let key = keyText(at: pair)
            var suggestion = Suggestion.didYouMean(key, among: known)
            if suggestion == nil, !known.isEmpty, known.count <= 12 {
                suggestion = "known keys here: \(known.joined(separator: ", "))"
            }
            run.report("unknown key '\(key)'", at: keyNode(at: pair), path: path,
                       key: AnyKey(key), suggestion: suggestion)
        }
    }
}

/// A coding key made from a key as written in the file.
struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
}
