import EthicsCore

/// Flattens inlines to the plain text used by the terminal and CSV renderers.
///
/// Unlike `Inline.plainText`, which is for searching, this keeps what a reader of plain text needs:
/// the address of an external link is written after its text.
enum PlainInlines {
    static func render(_ inlines: [Inline]) -> String {
        var text = ""
        append(inlines, to: &text)
        return text
    }

    private static func append(_ inlines: [Inline], to text: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let string), .code(let string), .termReference(let string, _), .command(let string, _):
                text += string
            case .emphasis(let content), .strong(let content):
                append(content, to: &text)
            case .link(let content, let url):
                let start = text.endIndex
                append(content, to: &text)
                let label = text[start...]
                if !url.hasPrefix("#"), label != url[...] {
                    text += label.isEmpty ? url : " (\(url))"
                }
            case .lineBreak:
                text += "\n"
            }
        }
    }

    /// A table cell as plain text: its content, or its intensity when it has no content.
    static func render(_ cell: Table.Cell) -> String {
        // Only a cell without content prints its intensity (see `intensityLabel`).
        cell.intensityLabel ?? render(cell.content)
    }
}
