/// Makes text safe to show on a terminal or write into a document: the one place that decides
/// what happens to control characters that arrive inside content.
///
/// Raw control bytes in a file are refused by `TextFile`, but the same characters also arrive
/// escaped (YAML `"\e[2J"`, JSON `"\u001b["`, a title typed as `$'\e]0;pwn\a'`, U+009B in a
/// spreadsheet cell). Printed as they are, they move the cursor, retitle the window or clear the
/// screen of the person reading, and in a Markdown, CSV or HTML file they are either invisible or
/// invalid. Every C0 control except tab and line feed, a carriage return not ending a line, DEL
/// and every C1 control is replaced by a visible stand-in: the Unicode control picture for C0
/// and DEL (`␛` for ESC, `␀` for NUL), U+FFFD for C1, which has no pictures. So are the
/// bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069): one
/// turns the rest of a line around, so a title or a status reads as something it is not.
/// Right-to-left writing needs none of them, and the marks (U+200E, U+200F) stay. Nothing is
/// removed, so a reader can still see that something was there.
public enum ControlCharacters {
    /// `text` with its control characters replaced; the same string when it has none, which is
    /// found in one pass over its UTF-8 without allocating.
    public static func neutralised(_ text: String) -> String {
        guard containsControl(text) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x09, 0x0A:
                result.append(scalar)
            case 0x0D where index + 1 < scalars.count && scalars[index + 1] == "\n":
                result.append(scalar)
            case 0x00..<0x20:
                result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                result.append("\u{2421}")
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
                result.append("\u{FFFD}")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` holds anything `neutralised` would replace.
    ///
    /// Every document the renderer writes is asked this whole (an HTML page, stylesheet and all),
    /// so the bytes are read eight at a time where they can be: a word of printable ASCII (no
    /// byte below 0x20, no DEL, no byte with its top bit set) holds nothing to replace and is
    /// passed over; at any other byte the check goes one byte on, as it always did.
    public static func containsControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count, isPrintableASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A {
                    if byte != 0x0D || index + 1 >= bytes.count || bytes[index + 1] != 0x0A { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2, index + 1 < bytes.count, (0x80..<0xA0).contains(bytes[index + 1]) {
                    return true
                } else if byte == 0xE2, index + 2 < bytes.count, isBidirectionalControl(bytes[index + 1], bytes[index + 2]) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// Whether each of the eight bytes of `word` is printable ASCII (0x20 to 0x7E), by the usual
    /// word-at-a-time tests: a byte below 0x20, a byte equal to 0x7F, a byte with its top bit set.
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- 0x2020_2020_2020_2020) & ~word & high
        let delta = word ^ 0x7F7F_7F7F_7F7F_7F7F
        let del = (delta &- 0x0101_0101_0101_0101) & ~delta & high
        return (below20 | del | (word & high)) == 0
    }

    /// Whether `text` holds any control character at all, tab and line breaks included: for
    /// names that must be one plain line (identifiers, file names).
    public static func containsAnyControl(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
    }

    /// The last two bytes of a bidirectional embedding, override or isolate in UTF-8 (E2 80 AA to
    /// E2 80 AE, E2 81 A6 to E2 81 A9).
    private static func isBidirectionalControl(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }
}
