extension Block {
    /// Text a person wrote (an answer typed at a terminal, a YAML `|` block, a spreadsheet cell)
    /// as blocks that keep its shape in every format: paragraphs at blank lines, a run of lines
    /// each starting `1.`, `2)`, `-`, `*` or `•` as a numbered or bulleted list (a line without a
    /// marker continues the item before it), and every other line break as a line break.
    ///
    /// Without this, HTML would run the lines of a numbered list of mitigations into one paragraph.
    public static func freeText(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var group: [Substring] = []
        func flush() {
            defer { group.removeAll() }
            var prose: [Substring] = []
            var items: [[Substring]] = []
            var ordered = false
            func endProse() {
                guard !prose.isEmpty else { return }
                var inlines: [Inline] = []
                for (index, line) in prose.enumerated() {
                    if index > 0 { inlines.append(.lineBreak) }
                    inlines.append(.text(String(line)))
                }
                blocks.append(.paragraph(inlines))
                prose.removeAll()
            }
            func endList() {
                guard !items.isEmpty else { return }
                blocks.append(.list(ordered ? .ordered : .unordered, items: items.map { [.paragraph([.text($0.joined(separator: " "))])] }))
                items.removeAll()
            }
            for line in group {
                if let (marker, rest) = listItem(line) {
                    if items.isEmpty {
                        endProse()
                        ordered = marker
                    } else if marker != ordered {
                        endList()
                        ordered = marker
                    }
                    items.append([rest])
                } else if !items.isEmpty {
                    items[items.count - 1].append(line.drop { $0 == " " })
                } else {
                    prose.append(line.drop { $0 == " " })
                }
            }
            endProse()
            endList()
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            // Trailing spaces and a carriage return (a file saved on Windows) are not content.
            var line = rawLine
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
            } else {
                group.append(line)
            }
        }
        flush()
        return blocks
    }

    /// A list item's line: whether it is numbered, and its text after the marker.
    private static func listItem(_ line: Substring) -> (ordered: Bool, text: Substring)? {
        let body = line.drop { $0 == " " || $0 == "\t" }
        if let first = body.first, first == "-" || first == "*" || first == "•" {
            let rest = body.dropFirst()
            guard rest.first == " " else { return nil }
            let text = rest.drop { $0 == " " }
            return text.isEmpty ? nil : (false, text)
        }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let after = body.dropFirst(digits.count)
        guard let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " else { return nil }
        let text = after.dropFirst().drop { $0 == " " }
        return text.isEmpty ? nil : (true, text)
    }
}
