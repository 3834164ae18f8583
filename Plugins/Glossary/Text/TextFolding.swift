/// How the glossary compares words: case and punctuation never matter, letters and digits do.
///
/// Folded text holds lowercase letters and digits, with every run of anything else (spaces,
/// hyphens, apostrophes, slashes) reduced to one space and none at either end, so
/// "Non-Maleficence" and "non maleficence" fold to the same bytes. Letters outside ASCII are
/// lowercased by their Unicode mapping and otherwise kept, so "Café" folds to "café".
///
/// Search labels, search queries, definitions and the words of documents being linked are all
/// folded by these same rules, which is what lets the indexes meet.
enum TextFolding {
    /// `text` folded.
    static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// `text` folded, as UTF-8 bytes.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        appendFolded(text, to: &folded)
        return folded
    }

    /// Appends `text` folded to `bytes`, so that an index can fold many texts into one buffer.
    /// ASCII, which is nearly all of any glossary, is folded byte by byte without decoding.
    static func appendFolded(_ text: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        var pendingSpace = false
        func append(wordByte byte: UInt8) {
            if pendingSpace, bytes.count > start { bytes.append(UInt8(ascii: " ")) }
            pendingSpace = false
            bytes.append(byte)
        }
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    append(wordByte: byte)
                    index += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    append(wordByte: byte | 0x20)
                    index += 1
                case 0..<0x80:
                    pendingSpace = true
                    index += 1
                default:
                    let (scalar, length) = UTF8Scan.decode(utf8, at: index)
                    if UTF8Scan.isWordScalar(scalar) {
                        var lowercase: [UInt8] = []
                        UTF8Scan.appendLowercase(scalar, to: &lowercase)
                        lowercase.forEach(append(wordByte:))
                    } else {
                        pendingSpace = true
                    }
                    index += length
                }
            }
        }
    }
}
