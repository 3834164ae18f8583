import Foundation

/// A submitted HTML form (`application/x-www-form-urlencoded`): every value of every name, in
/// order, since a group of checkboxes sends its name once for each box ticked.
struct FormBody: Sendable {
    private(set) var pairs: [(String, String)] = []

    init(_ text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            pairs.append((name, value))
        }
    }

    init(pairs: [(String, String)]) {
        self.pairs = pairs
    }

    subscript(name: String) -> String? {
        pairs.first { $0.0 == name }?.1
    }

    func all(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.map(\.1)
    }

    func has(_ name: String) -> Bool {
        pairs.contains { $0.0 == name }
    }

    private static func decode(_ text: Substring) -> String {
        // Most names and many values need no decoding; Foundation's two passes over them were
        // 3% of a glossary search page in `ethics serve`.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return String(text) }
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        // A malformed escape is kept as it was typed rather than refused.
        return spaced.removingPercentEncoding ?? spaced
    }
}
