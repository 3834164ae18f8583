import EthicsCore

/// Line wrapping and table layout for the terminal renderer.
///
/// Widths are counted in characters (grapheme clusters); wide East Asian characters count as one,
/// which is close enough for the English prose the toolkit ships.
enum TextLayout {
    /// Wraps `text` into lines of at most `width` characters, breaking at spaces. Every line break
    /// in `text` is kept. A word longer than `width` (a journal head, a web address, a file path)
    /// gets a line of its own and is left whole, so it can be copied and searched for as printed;
    /// only a table cell, whose column must keep its width, splits it (`splittingLongWords`).
    ///
    /// Words are found by their ASCII separators in the UTF-8, which is much faster than walking
    /// characters; only words with non-ASCII letters are measured in characters.
    static func wrap(_ text: String, width: Int, splittingLongWords: Bool = false) -> [String] {
        var wrapper = LineWrapper(width: max(width, 1), splitsLongWords: splittingLongWords)
        var text = text
        text.withUTF8 { bytes in
            var wordStart: Int?
            // One past the end reads as a line break, which ends the last word and line.
            for offset in 0...bytes.count {
                let byte = offset < bytes.count ? bytes[offset] : UInt8(ascii: "\n")
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    if let start = wordStart {
                        wrapper.add(String(decoding: bytes[start..<offset], as: UTF8.self))
                        wordStart = nil
                    }
                    if byte == UInt8(ascii: "\n") { wrapper.breakLine() }
                default:
                    if wordStart == nil { wordStart = offset }
                }
            }
        }
        return wrapper.lines
    }

    /// The number of characters `text` takes up: its UTF-8 length when it is ASCII.
    static func displayWidth(_ text: some StringProtocol) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
    }

    /// Wraps `text` to fit after `marker`, indenting the following lines to line up under the
    /// first: a bullet, a number, a label.
    static func hanging(_ text: String, marker: String, width: Int) -> [String] {
        let indent = String(repeating: " ", count: marker.count)
        return prefixed(wrap(text, width: width - marker.count), first: marker, rest: indent)
    }

    /// `lines` with `first` before the first and `rest` before the others; empty lines stay
    /// empty unless the prefix has visible characters, so there is no trailing whitespace.
    static func prefixed(_ lines: [String], first: String, rest: String) -> [String] {
        lines.enumerated().map { index, line in
            var prefix = (index == 0 ? first : rest)[...]
            if line.isEmpty {
                while prefix.last == " " { prefix.removeLast() }
            }
            return prefix + line
        }
    }

    static func padded(_ text: String, to width: Int, _ alignment: Table.Alignment) -> String {
        let gap = max(width - displayWidth(text), 0)
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + text
                + String(repeating: " ", count: gap - before)
        }
    }
}

/// Fills lines greedily with words, splitting words longer than a line.
private struct LineWrapper {
    let width: Int
    let splitsLongWords: Bool
    private(set) var lines: [String] = []
    private var line = ""
    private var lineLength = 0

    init(width: Int, splitsLongWords: Bool) {
        self.width = width
        self.splitsLongWords = splitsLongWords
    }

    mutating func add(_ word: String) {
        var word = word[...]
        var length = TextLayout.displayWidth(word)
        if length > width, !splitsLongWords {
            if lineLength > 0 { breakLine() }
            lines.append(String(word))
            return
        }
        while length > width {
            if lineLength > 0 { breakLine() }
            let cut = word.index(word.startIndex, offsetBy: width)
            lines.append(String(word[..<cut]))
            word = word[cut...]
            length -= width
        }
        guard length > 0 else { return }
        if lineLength > 0, lineLength + 1 + length > width { breakLine() }
        if lineLength > 0 {
            line += " "
            lineLength += 1
        }
        line += word
        lineLength += length
    }

    /// Ends the current line, even if it is empty, as a line break in the text does.
    mutating func breakLine() {
        lines.append(line)
        line = ""
        lineLength = 0
    }
}

/// A table drawn in plain ASCII, with `+`, `-`, `=` and `|`:
///
/// ```
/// +------+-------+
/// | Code | Nolan |
/// +======+=======+
/// | BCS  |  0.75 |
/// +------+-------+
/// ```
///
/// Columns take their natural width when the table fits; otherwise the widest columns are narrowed
/// just enough (never below a few characters) and their cells wrap, with a rule between rows so
/// that wrapped rows stay distinguishable.
struct TextTable {
    private static let minimumColumnWidth = 4

    let table: Table
    let width: Int

    func render() -> [String] {
        let columns = table.columnCount
        var lines = table.caption.isEmpty ? [] : TextLayout.wrap(PlainInlines.render(table.caption), width: width)
        guard columns > 0 else { return lines }

        let header = table.header.isEmpty ? nil : cells(table.header, columns: columns)
        let rows = table.rows.map { cells($0, columns: columns) }
        let widths = columnWidths(for: (header.map { [$0] } ?? []) + rows, columns: columns)
        let wrappedRows = rows.map { wrap($0, widths: widths) }
        let ruleBetweenRows = wrappedRows.contains { $0.count > 1 }

        lines.append(rule("-", widths: widths))
        if let header {
            lines += draw(wrap(header, widths: widths), widths: widths)
            lines.append(rule("=", widths: widths))
        }
        for (index, row) in wrappedRows.enumerated() {
            if index > 0, ruleBetweenRows { lines.append(rule("-", widths: widths)) }
            lines += draw(row, widths: widths)
        }
        lines.append(rule("-", widths: widths))
        return lines
    }

    private func cells(_ row: [Table.Cell], columns: Int) -> [String] {
        row.map(PlainInlines.render) + Array(repeating: "", count: columns - row.count)
    }

    /// Natural widths, or, when they do not fit, the largest common cap that makes them fit, with
    /// any space the cap leaves over given back to the capped columns from the left.
    private func columnWidths(for rows: [[String]], columns: Int) -> [Int] {
        var natural = Array(repeating: 1, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() {
                for line in cell.utf8.split(separator: UInt8(ascii: "\n")) {
                    natural[column] = max(natural[column], TextLayout.displayWidth(Substring(line)))
                }
            }
        }
        let available = width - (3 * columns + 1)
        guard natural.reduce(0, +) > available else { return natural }

        func total(cappedAt cap: Int) -> Int { natural.reduce(0) { $0 + min($1, cap) } }
        var low = Self.minimumColumnWidth
        var high = natural.max() ?? low
        while low < high {
            let middle = (low + high + 1) / 2
            if total(cappedAt: middle) <= available { low = middle } else { high = middle - 1 }
        }
        // A column never gets narrower than its longest word (up to a limit, so one long URL
        // cannot widen a table without bound): a table a little wider than the terminal reads
        // better than headings broken mid-word.
        let floors = Self.longestWords(in: rows, columns: columns).map { min($0, Self.longestUnbrokenWord) }
        var widths = zip(natural, floors).map { max(min($0, low), min($0, $1)) }
        var spare = available - widths.reduce(0, +)
        for column in widths.indices where spare > 0 && natural[column] > widths[column] {
            let extra = min(spare, natural[column] - widths[column])
            widths[column] += extra
            spare -= extra
        }
        return widths
    }

    /// Words longer than this are broken across lines rather than widening their column. Long
    /// enough for the toolkit's ids (`equality-impact-assessment`, 26), which are typed back and
    /// must be read whole; a journal head or a web address is still broken.
    static let longestUnbrokenWord = 32

    private static func longestWords(in rows: [[String]], columns: Int) -> [Int] {
        var longest = Array(repeating: 1, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() {
                for word in cell.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                    longest[column] = max(longest[column], TextLayout.displayWidth(word))
                }
            }
        }
        return longest
    }

    private func wrap(_ row: [String], widths: [Int]) -> [[String]] {
        let cellLines = zip(row, widths).map { TextLayout.wrap($0, width: $1, splittingLongWords: true) }
        let height = cellLines.map(\.count).max() ?? 1
        return (0..<height).map { line in
            cellLines.map { line < $0.count ? $0[line] : "" }
        }
    }

    private func draw(_ lines: [[String]], widths: [Int]) -> [String] {
        lines.map { cells in
            let padded = cells.enumerated().map { column, text in
                TextLayout.padded(text, to: widths[column], table.alignment(ofColumn: column))
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
    }

    private func rule(_ character: Character, widths: [Int]) -> String {
        "+" + widths.map { String(repeating: character, count: $0 + 2) }.joined(separator: "+") + "+"
    }
}
