extension String {
    /// Appends `text`, replacing each ASCII byte for which `replacement` returns a string.
    ///
    /// Runs without a replacement are appended as whole slices, so escaping is linear and cheap
    /// for the usual text that has nothing to escape. Only ASCII bytes are inspected, and an ASCII
    /// byte in UTF-8 is always a whole scalar, so slicing there never splits a character's bytes.
    mutating func append(_ text: some StringProtocol, escaping replacement: (UInt8) -> String?) {
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index {
            utf8.index(utf8.startIndex, offsetBy: offset)
        }
        let scanned: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            for offset in bytes.indices {
                let byte = bytes[offset]
                guard byte < 0x80, let escaped = replacement(byte) else { continue }
                if runStart < offset { append(contentsOf: text[index(runStart)..<index(offset)]) }
                append(escaped)
                runStart = offset + 1
            }
            if runStart == 0 {
                append(contentsOf: text)
            } else if runStart < bytes.count {
                append(contentsOf: text[index(runStart)...])
            }
        }
        if scanned == nil {
            // Bridged strings may not expose their UTF-8 directly; copy into one that does.
            var contiguous = String(text)
            contiguous.makeContiguousUTF8()
            append(contiguous, escaping: replacement)
        }
    }

    /// Appends `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, which
    /// makes it safe both as element content and inside a quoted attribute.
    mutating func appendHTMLEscaped(_ text: some StringProtocol) {
        append(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }
}
