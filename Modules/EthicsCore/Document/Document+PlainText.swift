/// A document's words without markup, for searching (which glossary terms does this record
/// mention?), counting and tests.
extension Document {
    /// Everything a reader would read, as plain text: the title, subtitle and metadata, then each
    /// block on its own line (table cells separated by tabs). Markup, URLs and anchors are left
    /// out.
    public var plainText: String {
        var text = title
        if let subtitle { text += "\n" + subtitle }
        for entry in metadata { text += "\n\(entry.key): \(entry.value)" }
        for block in blocks { block.appendPlainText(to: &text) }
        return text
    }
}

extension Block {
    /// Everything a reader would read in this block, as plain text.
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text.isEmpty ? text : String(text.dropFirst())
    }

    /// Appends this block's text to `text`, each line preceded by a newline.
    fileprivate func appendPlainText(to text: inout String) {
        func line(_ inlines: [Inline]) {
            text += "\n"
            inlines.appendPlainText(to: &text)
        }
        func line(_ string: String) {
            text += "\n" + string
        }
        func cells(_ cells: [Table.Cell]) {
            text += "\n"
            for (index, cell) in cells.enumerated() {
                if index > 0 { text += "\t" }
                cell.content.appendPlainText(to: &text)
            }
        }

        switch self {
        case .heading(_, let content, _), .paragraph(let content):
            line(content)
        case .list(_, let items):
            for block in items.joined() { block.appendPlainText(to: &text) }
        case .table(let table):
            if !table.caption.isEmpty { line(table.caption) }
            if !table.header.isEmpty { cells(table.header) }
            table.rows.forEach(cells)
        case .definitions(let definitions):
            for definition in definitions {
                line(definition.term)
                for block in definition.details { block.appendPlainText(to: &text) }
            }
        case .quote(let content):
            for block in content { block.appendPlainText(to: &text) }
        case .code(let code, _):
            line(code)
        case .graph(let graph):
            if let title = graph.title { line(title) }
            graph.nodes.forEach { line($0.label) }
            for case let label? in graph.edges.map(\.label) { line(label) }
        case .callout(_, let title, let content):
            if !title.isEmpty { line(title) }
            for block in content { block.appendPlainText(to: &text) }
        case .thematicBreak:
            break
        case .form(let form):
            for block in form.worksheet { block.appendPlainText(to: &text) }
        }
    }
}

extension Inline {
    /// This inline's visible text: link text without its URL, a term reference's words.
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    fileprivate func appendPlainText(to text: inout String) {
        switch self {
        case .text(let string), .code(let string), .termReference(let string, _), .command(let string, _):
            text += string
        case .emphasis(let content), .strong(let content), .link(let content, _):
            content.appendPlainText(to: &text)
        case .lineBreak:
            text += "\n"
        }
    }
}

extension [Inline] {
    /// The sequence's visible text; see ``Inline/plainText``.
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    fileprivate func appendPlainText(to text: inout String) {
        for inline in self { inline.appendPlainText(to: &text) }
    }
}
