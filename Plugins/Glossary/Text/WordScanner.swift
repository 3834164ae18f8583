/// A word found in running text.
struct ScannedWord: Sendable {
    /// Byte offsets of the word in the text scanned.
    var start: Int
    var end: Int
    /// ``WordHash`` of the folded word.
    var hash: UInt64
    /// Whether the word may continue a phrase begun by the word before it: only blank space and
    /// at most one hyphen or slash lie between them ("non-maleficence", "ISO/IEC 42001"), not a
    /// comma or a full stop.
    var joinsPrevious: Bool
    /// Whether the word is all ASCII, so its folded form is its bytes in lower case.
    var isASCII: Bool
}

/// Splits UTF-8 text into words in one pass, hashing each folded word as it goes.
///
/// This is the inner loop of auto-linking and of full-text indexing, so it reads bytes through
/// a 256-entry table of what each byte is, decodes only non-ASCII scalars, and builds no
/// strings. Words and separators follow ``TextFolding``.
enum WordScanner {
    /// For each byte: its lower case if it is an ASCII letter or digit, `space` for blank space,
    /// `connector` for a hyphen or slash, `other` for any other ASCII, `nonASCII` for the bytes
    /// of longer scalars.
    private static let classes: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) | 0x20
        case 0x20, 0x09, 0x0A, 0x0D: space
        case UInt8(ascii: "-"), UInt8(ascii: "/"): connector
        case 0x80...: nonASCII
        default: other
        }
    }
    private static let space: UInt8 = 1
    private static let connector: UInt8 = 2
    private static let other: UInt8 = 3
    private static let nonASCII: UInt8 = 4

    /// Whether an ASCII byte is a letter or a digit.
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        classes[Int(byte)] > nonASCII
    }

    /// Appends the words of `bytes` to `words` (which it does not clear, so a caller can reuse
    /// one buffer).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [ScannedWord]) {
        forEachWord(in: bytes) { words.append($0) }
    }

    /// Calls `body` with each word of `bytes`, in order; callers that need only the hashes (the
    /// full-text index, over millions of words) keep no record of them.
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (ScannedWord) -> Void) {
        classes.withUnsafeBufferPointer { classes in
            var index = 0
            var joinable = false
            var connectors = 0
            var folded: [UInt8] = []
            while index < bytes.count {
                let kind = classes[Int(bytes[index])]
                if kind > nonASCII || (kind == nonASCII && UTF8Scan.isWordScalar(UTF8Scan.decode(bytes, at: index).0)) {
                    let start = index
                    var hash = WordHash()
                    var isASCII = true
                    while index < bytes.count {
                        let kind = classes[Int(bytes[index])]
                        if kind > nonASCII {
                            hash.combine(kind)
                            index += 1
                            continue
                        }
                        guard kind == nonASCII else { break }
                        let (scalar, length) = UTF8Scan.decode(bytes, at: index)
                        guard UTF8Scan.isWordScalar(scalar) else { break }
                        folded.removeAll(keepingCapacity: true)
                        UTF8Scan.appendLowercase(scalar, to: &folded)
                        hash.combine(folded)
                        isASCII = false
                        index += length
                    }
                    body(ScannedWord(
                        start: start, end: index, hash: hash.value,
                        joinsPrevious: joinable && connectors <= 1, isASCII: isASCII))
                    joinable = true
                    connectors = 0
                } else if kind == nonASCII {
                    let (scalar, length) = UTF8Scan.decode(bytes, at: index)
                    if !UTF8Scan.isSpace(scalar) { joinable = false }
                    index += length
                } else {
                    if kind == connector {
                        connectors += 1
                    } else if kind == other {
                        joinable = false
                    }
                    index += 1
                }
            }
        }
    }
}
