import BenchSupport
import EthicsCore
import Glossary

/// A made-up glossary and document of any size, the same on every run, for measuring the
/// glossary's indexes at a scale no real council reaches.
///
/// Labels are one to three invented words of three or four syllables from a small set, so they
/// share letter sequences the way real vocabularies do; definitions mix invented words with
/// common English ones; the document mixes English with labels of random entries, about one in twelve
/// words, written in varying case.
struct SyntheticGlossary {
    private static let syllables = [
        "ka", "ro", "mi", "te", "sa", "lu", "ven", "dor", "pli", "nax", "qua", "bre", "fo", "zu", "gri",
        "tal", "mon", "shi", "pe", "dra", "cel", "vi", "ob", "un", "ex", "tor", "lim", "ber", "gon", "ha",
        "jes", "wyn", "cor", "ta", "ne", "sil", "mar", "po", "din", "ack",
    ]
    private static let english = [
        "the", "of", "and", "a", "to", "in", "is", "for", "that", "with", "as", "on", "by", "this", "be",
        "council", "service", "people", "data", "decision", "public", "officer", "team", "project", "risk",
        "residents", "should", "will", "may", "each", "where", "when", "how", "who", "review", "record",
    ]

    private var random: SplitMix64
    private let vocabulary: [String]

    init(seed: UInt64 = 0x5EED_6105_5A41) {
        random = SplitMix64(seed: seed)
        var vocabulary: [String] = []
        for _ in 0..<2_000 { vocabulary.append(Self.word(&random, syllables: 2...4)) }
        self.vocabulary = vocabulary
    }

    /// `count` entries with ids `t0`, `t1`, ...
    mutating func entries(count: Int) -> [GlossaryEntry] {
        (0..<count).map { number in
            let label = phrase(words: 1 + random.below(3))
            let definition = (0..<(18 + random.below(13))).map { _ in
                random.below(3) == 0 ? vocabulary[random.below(vocabulary.count)] : Self.english[random.below(Self.english.count)]
            }.joined(separator: " ")
            return GlossaryEntry(
                id: "t\(number)", label: label.capitalisedFirst,
                altLabels: random.below(5) < 2 ? [phrase(words: 1 + random.below(2))] : [],
                definition: definition.capitalisedFirst + ".",
                seeAlso: ["t\(random.below(count))", "t\(random.below(count))"],
                attributes: [["beneficence", "non-maleficence", "autonomy", "justice", "explicability"][random.below(5)]],
                tags: ["tag\(random.below(20))"], sources: [.entry("t0")])
        }
    }

    /// One of `items`, chosen at random.
    mutating func pick<T>(_ items: [T]) -> T {
        items[random.below(items.count)]
    }

    /// A query for an existing label with one typing mistake in it: a letter dropped, doubled,
    /// replaced, or swapped with its neighbour.
    mutating func misspelling(of label: String) -> String {
        var letters = Array(label.lowercased())
        guard letters.count > 4 else { return label }
        let at = 1 + random.below(letters.count - 2)
        switch random.below(4) {
        case 0: letters.remove(at: at)
        case 1: letters.insert(letters[at], at: at)
        case 2: letters[at] = letters[at] == "x" ? "y" : "x"
        default: letters.swapAt(at, at - 1)
        }
        return String(letters)
    }

    /// A document of at least `bytes` UTF-8 bytes, in paragraphs of about a kilobyte, that
    /// mentions labels of `entries`.
    mutating func document(bytes: Int, mentioning entries: [GlossaryEntry]) -> Document {
        var blocks: [Block] = []
        var total = 0
        while total < bytes {
            var words: [String] = []
            var length = 0
            while length < 1_000 {
                let word: String
                if random.below(12) == 0 {
                    let entry = entries[random.below(entries.count)]
                    word = random.below(2) == 0 ? entry.label : entry.label.lowercased()
                } else {
                    word = Self.english[random.below(Self.english.count)]
                }
                words.append(word)
                length += word.utf8.count + 1
            }
            let text = words.joined(separator: " ").capitalisedFirst + "."
            total += text.utf8.count
            blocks.append(.paragraph(text))
        }
        return Document(title: "Synthetic report", blocks: blocks)
    }

    /// Label words are made afresh rather than drawn from the definitions' vocabulary, so that
    /// labels are (almost all) distinct, as a real glossary's are.
    private mutating func phrase(words: Int) -> String {
        (0..<words).map { _ in Self.word(&random, syllables: 3...4) }.joined(separator: " ")
    }

    private static func word(_ random: inout SplitMix64, syllables count: ClosedRange<Int>) -> String {
        let length = count.lowerBound + random.below(count.count)
        return (0..<length).map { _ in syllables[random.below(syllables.count)] }.joined()
    }
}

extension String {
    var capitalisedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
