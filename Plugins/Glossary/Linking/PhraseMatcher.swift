/// Every way the glossary's entries can appear in running text (each label and alternative
/// label, singular or plural), keyed by first word, for linking a document in one pass.
///
/// The text is split into words once (``WordScanner``). At each word a single lookup in a
/// ``WordTable`` says whether any phrase starts with it; most words start none, so the cost is
/// one probe per word whatever the size of the glossary. The phrases that do start there form
/// a short list, longest first, so "data protection impact assessment" wins over "data
/// protection". A phrase's last word may appear in its regular plural ("assessments"); a word
/// ending in s that starts no phrase is also tried as the plural of a one-word label
/// ("algorithms"). Plurals are recognised rather than stored, which halves the index.
///
/// Labels written wholly in capitals ("FOI", "UK GDPR", "IT") match only in capitals. Matching
/// is otherwise case-insensitive, but an acronym in lower case is usually an ordinary word:
/// linking every "it" to information technology would help nobody.
///
/// Storage is flat (one array of phrases, one of words, one of bytes) because a glossary of a
/// hundred thousand entries has a few hundred thousand phrases, and an allocation each would
/// cost more than everything else the index does.
struct PhraseMatcher: Sendable {
    private struct Phrase: Sendable {
        var entry: Int32
        var firstWord: Int32
        var wordCount: Int32
        var matchesCase: Bool
        /// The next phrase with the same first word, or -1.
        var next: Int32
    }

    private struct Word: Sendable {
        /// ``WordHash`` of the folded word, whatever `wordBytes` holds.
        var hash: UInt64
        /// The word's bytes in `wordBytes`: folded, or as written for a phrase that matches case.
        var start: Int32
        var end: Int32
    }

    private var phrases: [Phrase] = []
    private var words: [Word] = []
    private var wordBytes: [UInt8] = []
    /// The first phrase of each group, by the hash of the group's first word.
    private var groups: WordTable

    init(entries: [GlossaryEntry]) {
        groups = WordTable(minimumCapacity: entries.count * 2)
        phrases.reserveCapacity(entries.count * 2)
        words.reserveCapacity(entries.count * 4)
        wordBytes.reserveCapacity(entries.count * 24)
        var scanned: [ScannedWord] = []
        for position in entries.indices {
            addLabel(entries[position].label, entry: position, scanned: &scanned)
            for label in entries[position].altLabels {
                addLabel(label, entry: position, scanned: &scanned)
            }
        }
    }

    /// The entry and length in words of the longest phrase starting at `scanned[index]`, if any.
    func longestMatch(in text: UnsafeBufferPointer<UInt8>, words scanned: [ScannedWord], at index: Int) -> (entry: Int, wordCount: Int)? {
        let word = scanned[index]
        if var number = groups[word.hash] {
            while number >= 0 {
                let phrase = phrases[Int(number)]
                if matches(phrase, text, scanned, at: index) {
                    return (Int(phrase.entry), Int(phrase.wordCount))
                }
                number = phrase.next
            }
        }
        return pluralOfOneWordLabel(text[word.start..<word.end])
    }

    private func matches(_ phrase: Phrase, _ text: UnsafeBufferPointer<UInt8>, _ scanned: [ScannedWord], at index: Int) -> Bool {
        let count = Int(phrase.wordCount)
        guard index + count <= scanned.count else { return false }
        for offset in 0..<count {
            let textWord = scanned[index + offset]
            guard offset == 0 || textWord.joinsPrevious else { return false }
            let word = words[Int(phrase.firstWord) + offset]
            let written = text[textWord.start..<textWord.end]
            let isLast = offset == count - 1
            if textWord.hash == word.hash, same(written, word, matchesCase: phrase.matchesCase) { continue }
            guard isLast, isPlural(written, of: word, matchesCase: phrase.matchesCase) else { return false }
        }
        return true
    }

    /// A one-word label of which `written` is the regular plural: "algorithms", "policies",
    /// "DPIAs". Only ASCII words ending in s are tried, and only their possible singulars
    /// ("policie", "polic", "policy") looked up, hashed without building them.
    private func pluralOfOneWordLabel(_ written: Slice<UnsafeBufferPointer<UInt8>>) -> (entry: Int, wordCount: Int)? {
        let count = written.count
        guard count > 2, Self.lowercase(written[written.endIndex - 1]) == UInt8(ascii: "s"),
              written.allSatisfy({ $0 < 0x80 }) else { return nil }
        func byte(_ offset: Int) -> UInt8 { Self.lowercase(written[written.startIndex + offset]) }
        var candidates: [(length: Int, then: UInt8?)] = []
        if count > 3, byte(count - 3) == UInt8(ascii: "i"), byte(count - 2) == UInt8(ascii: "e") {
            candidates.append((count - 3, UInt8(ascii: "y")))
        }
        if byte(count - 2) == UInt8(ascii: "e") { candidates.append((count - 2, nil)) }
        if byte(count - 2) != UInt8(ascii: "s") { candidates.append((count - 1, nil)) }
        for candidate in candidates {
            var hash = WordHash()
            for offset in 0..<candidate.length { hash.combine(byte(offset)) }
            if let extra = candidate.then { hash.combine(extra) }
            guard var number = groups[hash.value] else { continue }
            while number >= 0 {
                let phrase = phrases[Int(number)]
                if phrase.wordCount == 1, isPlural(written, of: words[Int(phrase.firstWord)], matchesCase: phrase.matchesCase) {
                    return (Int(phrase.entry), 1)
                }
                number = phrase.next
            }
        }
        return nil
    }

    /// Whether a word of the text is the phrase's word: byte for byte when case matters, else
    /// after folding (the hashes already agree, so this only rules out a collision).
    private func same(_ written: Slice<UnsafeBufferPointer<UInt8>>, _ word: Word, matchesCase: Bool) -> Bool {
        let expected = wordBytes[Int(word.start)..<Int(word.end)]
        if matchesCase { return written.elementsEqual(expected) }
        if written.allSatisfy({ $0 < 0x80 }) {
            return written.count == expected.count && zip(written, expected).allSatisfy { Self.lowercase($0) == $1 }
        }
        return TextFolding.foldedBytes(String(decoding: written, as: UTF8.self)).elementsEqual(expected)
    }

    /// Whether a word of the text is the regular plural of the phrase's word.
    private func isPlural(_ written: Slice<UnsafeBufferPointer<UInt8>>, of word: Word, matchesCase: Bool) -> Bool {
        let singular = wordBytes[Int(word.start)..<Int(word.end)]
        guard written.count > singular.count,
              let ending = PluralForms.pluralEnding(of: singular, matchesCase: matchesCase),
              written.count == singular.count - ending.drop + ending.add.count else { return false }
        let stem = singular.dropLast(ending.drop)
        let equal: (UInt8, UInt8) -> Bool = matchesCase ? { $0 == $1 } : { Self.lowercase($0) == $1 }
        return zip(written.prefix(stem.count), stem).allSatisfy(equal)
            && zip(written.suffix(ending.add.count), ending.add).allSatisfy(equal)
    }

    // MARK: Building

    private mutating func addLabel(_ label: String, entry: Int, scanned: inout [ScannedWord]) {
        let matchesCase = Self.isAcronym(label)
        let firstWord = words.count
        let firstByte = wordBytes.count
        var label = label
        label.withUTF8 { bytes in
            scanned.removeAll(keepingCapacity: true)
            WordScanner.scan(bytes, into: &scanned)
            for word in scanned {
                let start = Int32(wordBytes.count)
                if matchesCase {
                    wordBytes.append(contentsOf: bytes[word.start..<word.end])
                } else if word.isASCII {
                    for byte in bytes[word.start..<word.end] { wordBytes.append(Self.lowercase(byte)) }
                } else {
                    TextFolding.appendFolded(String(decoding: bytes[word.start..<word.end], as: UTF8.self), to: &wordBytes)
                }
                words.append(Word(hash: word.hash, start: start, end: Int32(wordBytes.count)))
            }
        }
        guard words.count > firstWord else { return }
        let phrase = Phrase(
            entry: Int32(entry), firstWord: Int32(firstWord), wordCount: Int32(words.count - firstWord),
            matchesCase: matchesCase, next: -1)
        if !insert(phrase) {
            words.removeSubrange(firstWord...)
            wordBytes.removeSubrange(firstByte...)
        }
    }

    /// Adds a phrase, whose words were just appended, to its group after every phrase at least
    /// as long. Returns false, adding nothing, when the group already has the same phrase (two
    /// entries with one label: the first keeps it, and `lint` reports the second).
    private mutating func insert(_ phrase: Phrase) -> Bool {
        let hash = words[Int(phrase.firstWord)].hash
        var phrase = phrase
        let number = Int32(phrases.count)
        guard var current = groups[hash] else {
            phrases.append(phrase)
            groups.set(number, for: hash)
            return true
        }
        var previous: Int32 = -1
        var insertAfter: Int32?
        while current >= 0 {
            let existing = phrases[Int(current)]
            if same(existing, phrase) { return false }
            if insertAfter == nil, existing.wordCount < phrase.wordCount {
                insertAfter = previous
            }
            previous = current
            current = existing.next
        }
        let after = insertAfter ?? previous
        if after < 0 {
            phrase.next = groups[hash] ?? -1
            groups.set(number, for: hash)
        } else {
            phrase.next = phrases[Int(after)].next
            phrases[Int(after)].next = number
        }
        phrases.append(phrase)
        return true
    }

    private func same(_ a: Phrase, _ b: Phrase) -> Bool {
        guard a.matchesCase == b.matchesCase, a.wordCount == b.wordCount else { return false }
        for offset in 0..<Int(a.wordCount) {
            let x = words[Int(a.firstWord) + offset]
            let y = words[Int(b.firstWord) + offset]
            guard x.hash == y.hash,
                  wordBytes[Int(x.start)..<Int(x.end)].elementsEqual(wordBytes[Int(y.start)..<Int(y.end)]) else { return false }
        }
        return true
    }

    @inline(__always)
    private static func lowercase(_ byte: UInt8) -> UInt8 {
        byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0)
    }

    /// Whether a label is written wholly in capitals, with at least two of them ("AI", "DPIA",
    /// "ISO/IEC 42001"), and so matches only as written.
    static func isAcronym(_ label: String) -> Bool {
        var capitals = 0
        for scalar in label.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A: return false
            case 0x41...0x5A: capitals += 1
            case 0..<0x80: continue
            default:
                if scalar.properties.isLowercase { return false }
                if scalar.properties.isUppercase { capitals += 1 }
            }
        }
        return capitals >= 2
    }
}
