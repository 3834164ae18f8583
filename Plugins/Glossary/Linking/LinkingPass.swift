import EthicsCore

/// The state of linking one document: which entries are linked already, in what order they
/// were first used, and which definition (if any) is being linked.
struct LinkingPass {
    let glossary: Glossary
    /// The glossary's phrase matcher, fetched once: it is built on first use behind a lock.
    private let phrases: PhraseMatcher
    private var isUsed: [Bool]
    private(set) var used: [Int] = []
    /// The anchor of the definition being linked; its own term is not linked inside it.
    private var definitionAnchor: String?
    /// Reused for every run of text, so that scanning allocates once per document.
    private var words: [ScannedWord] = []

    init(glossary: Glossary) {
        self.glossary = glossary
        phrases = glossary.phrases
        isUsed = [Bool](repeating: false, count: glossary.entries.count)
    }

    mutating func markUsed(_ position: Int) {
        guard !isUsed[position] else { return }
        isUsed[position] = true
        used.append(position)
    }

    mutating func linkBlocks(_ blocks: [Block]) -> [Block] {
        blocks.map { linkBlock($0) }
    }

    private mutating func linkBlock(_ block: Block) -> Block {
        switch block {
        case .heading, .code, .graph, .thematicBreak, .form:
            return block
        case .paragraph(let content):
            return .paragraph(linkInlines(content))
        case .list(let kind, let items):
            return .list(kind, items: items.map { linkBlocks($0) })
        case .table(var table):
            // Rows only: a caption or a column header is a label, like a heading.
            table.rows = table.rows.map { row in
                row.map { cell in Table.Cell(linkInlines(cell.content), intensity: cell.intensity) }
            }
            return .table(table)
        case .definitions(let definitions):
            return .definitions(definitions.map { definition in
                let outer = definitionAnchor
                definitionAnchor = definition.anchor.map(Inline.anchorSlug)
                defer { definitionAnchor = outer }
                return Block.Definition(
                    term: definition.term, details: linkBlocks(definition.details), anchor: definition.anchor)
            })
        case .quote(let content):
            return .quote(linkBlocks(content))
        case .callout(let kind, let title, let content):
            return .callout(kind, title: title, linkBlocks(content))
        }
    }

    private mutating func linkInlines(_ inlines: [Inline]) -> [Inline] {
        inlines.mapText { linkText($0) }
    }

    /// One run of plain text, with the first mention of each unused entry made a reference.
    private mutating func linkText(_ text: String) -> [Inline] {
        // The matcher and the word buffer are taken out of `self` for the run: read through the
        // closure's hold on `self`, the matcher was copied (its five buffers retained and
        // released) for every word, a fifth of the time of a page of the register in `ethics serve`.
        let phrases = self.phrases
        var words: [ScannedWord] = []
        swap(&words, &self.words)
        defer { swap(&words, &self.words) }
        let original = text
        var text = text
        return text.withUTF8 { bytes in
            words.removeAll(keepingCapacity: true)
            WordScanner.scan(bytes, into: &words)
            var pieces: [Inline] = []
            var copied = 0
            var index = 0
            while index < words.count {
                guard let match = phrases.longestMatch(in: bytes, words: words, at: index) else {
                    index += 1
                    continue
                }
                let start = words[index].start
                let end = words[index + match.wordCount - 1].end
                index += match.wordCount
                guard !isUsed[match.entry], !Self.isPartOfIdentifier(bytes, start..<end) else { continue }
                if let definitionAnchor, glossary.entries[match.entry].anchor == definitionAnchor { continue }
                markUsed(match.entry)
                if start > copied {
                    pieces.append(.text(String(decoding: bytes[copied..<start], as: UTF8.self)))
                }
                let termID = glossary.entries[match.entry].id
                pieces.append(.termReference(String(decoding: bytes[start..<end], as: UTF8.self), termID: termID))
                copied = end
            }
            guard !pieces.isEmpty else { return [.text(original)] }
            if copied < bytes.count {
                pieces.append(.text(String(decoding: bytes[copied...], as: UTF8.self)))
            }
            return pieces
        }
    }

    /// Whether a span of text is part of an identifier such as `def.fairness`, `data_quality`,
    /// `dpo@example.org` or `odi-data-ethics-canvas`: joined to a neighbour by a full stop, an
    /// underscore, an at sign or a hyphen. An identifier names a thing rather than using the
    /// word, so it is not linked; a full stop that ends a sentence ("fairness.") does not count,
    /// and a hyphen inside the term itself ("non-maleficence") is not a neighbour.
    static func isPartOfIdentifier(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> Bool {
        func isJoiner(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "_") || byte == UInt8(ascii: "@") }
        func isWordByte(_ index: Int) -> Bool {
            guard bytes.indices.contains(index) else { return false }
            let byte = bytes[index]
            return byte >= 0x80 || WordScanner.isASCIIWordByte(byte)
        }
        if span.lowerBound > 0 {
            let before = bytes[span.lowerBound - 1]
            if isJoiner(before) || ((before == UInt8(ascii: ".") || before == UInt8(ascii: "-")) && isWordByte(span.lowerBound - 2)) { return true }
        }
        if span.upperBound < bytes.count {
            let after = bytes[span.upperBound]
            if isJoiner(after) || ((after == UInt8(ascii: ".") || after == UInt8(ascii: "-")) && isWordByte(span.upperBound + 1)) { return true }
        }
        return false
    }
}
