import EthicsCore

/// Writes inlines as CommonMark (with GitHub's extensions), escaping text so that content is shown
/// literally: a `*`, `|`, `<script>` or `# ` in a title never turns into markup.
///
/// Characters that are markup anywhere are backslash-escaped everywhere. Characters that are
/// markup only at the start of a line (`-`, `+`, `=`, `1.`) are escaped there, which is why the
/// writer tracks whether it is at a line start. Line breaks inside text become spaces, since in
/// Markdown a newline could start a heading or a list; forced breaks are `.lineBreak`.
struct MarkdownInlineWriter {
    enum Context {
        /// A paragraph, possibly spanning lines through forced breaks.
        case paragraph
        /// A one-line construct that follows its marker, such as a heading.
        case line
        /// A GitHub table cell: one line, and a forced break is written as `<br>`.
        case tableCell
    }

    private enum Position {
        case lineStart
        case leadingDigits
        case inline
    }

    private(set) var output = ""
    private let context: Context
    private var position: Position
    private var insideLink = false

    init(context: Context) {
        self.context = context
        position = context == .paragraph ? .lineStart : .inline
    }

    static func render(_ inlines: [Inline], in context: Context) -> String {
        var writer = MarkdownInlineWriter(context: context)
        writer.write(inlines)
        return writer.output
    }

    mutating func write(_ inlines: [Inline]) {
        for inline in inlines { write(inline) }
    }

    mutating func write(_ inline: Inline) {
        switch inline {
        case .text(let text):
            write(text: text)
        case .emphasis(let content):
            delimit(content, with: "*")
        case .strong(let content):
            delimit(content, with: "**")
        case .code(let code), .command(let code, _):
            write(code: code)
        case .link(let content, let url):
            guard !insideLink, LinkPolicy.allows(url) else { return write(content) }
            writeLink(content.isEmpty ? [.text(url)] : content, destination: url)
        case .termReference(let text, let termID):
            guard !insideLink else { return write(text: text) }
            writeLink([.text(text)], destination: "#" + Inline.anchor(forTerm: termID))
        case .lineBreak:
            switch context {
            case .paragraph:
                output += "\\\n"
                position = .lineStart
            case .line:
                output += " "
            case .tableCell:
                output += "<br>"
            }
        }
    }

    // MARK: - Text

    mutating func write(text: String) {
        var rest = text.unicodeScalars[...]
        while position != .inline, let scalar = rest.first {
            switch (position, scalar) {
            case (.lineStart, " "), (.lineStart, "\t"), (.lineStart, "\n"), (.lineStart, "\r"):
                rest.removeFirst()
                continue
            case (.lineStart, "-"), (.lineStart, "+"), (.lineStart, "="),
                 (.leadingDigits, "."), (.leadingDigits, ")"):
                output += "\\"
                position = .inline
            case (_, "0"..."9"):
                position = .leadingDigits
            default:
                position = .inline
            }
            // A scalar that ends the line start is written with the rest, escaped as usual.
            if position == .inline { break }
            output.unicodeScalars.append(scalar)
            rest.removeFirst()
        }
        output.append(Substring(rest)) { byte in
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "#"),
                 UInt8(ascii: "$"):
                "\\" + String(UnicodeScalar(byte))
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                " "
            default:
                nil
            }
        }
    }

    // MARK: - Spans

    /// Wraps content in emphasis delimiters. Whitespace and forced breaks at either end are moved
    /// outside, because CommonMark does not treat `* text*` as emphasis.
    private mutating func delimit(_ content: [Inline], with delimiter: String) {
        var content = content[...]
        while content.first == .lineBreak { write(content.removeFirst()) }
        var trailingBreaks = 0
        while content.last == .lineBreak {
            content.removeLast()
            trailingBreaks += 1
        }

        var inner = MarkdownInlineWriter(context: context)
        inner.position = .inline
        inner.insideLink = insideLink
        inner.write(Array(content))
        let text = inner.output
        let start = text.firstIndex { $0 != " " } ?? text.endIndex
        let end = text.lastIndex { $0 != " " }.map(text.index(after:)) ?? start

        if position != .lineStart { output += text[..<start] }
        if start < end {
            output += delimiter + text[start..<end] + delimiter
            position = .inline
        }
        output += text[end...]
        for _ in 0..<trailingBreaks { write(Inline.lineBreak) }
    }

    /// A code span, its backquote fence one longer than the longest run inside, padded with spaces
    /// when the code starts or ends with a backquote or a space (CommonMark strips one of each).
    private mutating func write(code: String) {
        guard !code.isEmpty else { return }
        var code = String(code.map { $0.isNewline ? " " : $0 })
        if context == .tableCell {
            // GitHub splits table rows at unescaped pipes before it looks for code spans.
            code = code.replacing("|", with: "\\|")
        }
        let fence = String(repeating: "`", count: longestRun(of: "`", in: code) + 1)
        let padding = code.first == "`" || code.last == "`" || code.first == " " || code.last == " "
            ? " " : ""
        output += fence + padding + code + padding + fence
        position = .inline
    }

    private mutating func writeLink(_ content: [Inline], destination: String) {
        output += "["
        position = .inline
        let wasInsideLink = insideLink
        insideLink = true
        write(content)
        insideLink = wasInsideLink
        output += "]("
        output.append(destination) { byte in
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "&"):
                "\\" + String(UnicodeScalar(byte))
            case 0...0x20, 0x7F:
                (byte < 0x10 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
            default:
                nil
            }
        }
        output += ")"
        position = .inline
    }
}

/// The length of the longest run of `character` in `text`; fences for code are one longer.
func longestRun(of character: Character, in text: String) -> Int {
    var longest = 0
    var current = 0
    for next in text {
        current = next == character ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest
}
