import EthicsCore

/// Writes a document as CommonMark with GitHub's extensions (tables, alerts, Mermaid blocks).
///
/// Text is escaped by ``MarkdownInlineWriter``; this type lays out blocks: ATX headings, `-` and
/// `1.` lists indented to their markers, GitHub tables with the caption as an emphasised line
/// above, `> [!NOTE]` alerts, fenced code whose fence outgrows any backquotes inside, and graphs as
/// fenced `mermaid` blocks. Anchors that links land on (headings, glossary entries) are written as
/// empty `<a id>` elements, the one piece of inline HTML, because Markdown has no anchor syntax.
struct MarkdownRenderer {
    func render(_ document: Document) -> String {
        var parts = ["# " + MarkdownInlineWriter.render([.text(document.title)], in: .line)]
        if let subtitle = document.subtitle {
            parts.append(paragraph([.emphasis([.text(subtitle)])]))
        }
        if !document.metadata.isEmpty {
            parts.append(list(.unordered, items: document.metadata.map { entry in
                paragraph([.strong([.text(entry.key + ":")]), " ", .text(entry.value)])
            }, tight: true))
        }
        let body = blocks(document.blocks)
        if !body.isEmpty { parts.append(body) }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Blocks separated by blank lines. Two lists in a row would merge into one, so an empty HTML
    /// comment keeps them apart.
    private func blocks(_ blocks: [Block]) -> String {
        var parts: [String] = []
        var previousWasList = false
        for block in blocks {
            let text = self.block(block)
            guard !text.isEmpty else { continue }
            if previousWasList, block.rendersAsMarkdownList { parts.append("<!-- -->") }
            parts.append(text)
            previousWasList = block.rendersAsMarkdownList
        }
        return parts.joined(separator: "\n\n")
    }

    private func block(_ block: Block) -> String {
        switch block {
        case .heading(let level, let content, let anchor):
            let marker = String(repeating: "#", count: Block.renderedLevel(level))
            return marker + " " + anchorTag(anchor) + MarkdownInlineWriter.render(content, in: .line)
        case .paragraph(let content):
            return paragraph(content)
        case .list(let kind, let items):
            let tight = items.allSatisfy { $0.count == 1 && $0.first?.isParagraph == true }
            return list(kind, items: items.map(blocks), tight: tight)
        case .table(let table):
            return self.table(table)
        case .definitions(let definitions):
            return list(.unordered, items: definitions.map { definition in
                let term = anchorTag(definition.anchor) + paragraph([.strong(definition.term)])
                let details = blocks(definition.details)
                return details.isEmpty ? term : term + "\n\n" + details
            }, tight: definitions.allSatisfy(\.details.isEmpty))
        case .quote(let content):
            return quoted(blocks(content))
        case .code(let code, let language):
            return fenced(code, info: language ?? "")
        case .graph(let graph):
            return fenced(MermaidRenderer.render(graph), info: "mermaid")
        case .callout(let kind, let title, let content):
            var body = title.isEmpty ? [] : [paragraph([.strong(title)])]
            body.append(blocks(content))
            let alert = kind == .warning ? "[!WARNING]" : "[!NOTE]"
            return quoted(alert + "\n" + body.filter { !$0.isEmpty }.joined(separator: "\n\n"))
        case .thematicBreak:
            return "---"
        case .form(let form):
            return blocks(form.worksheet)
        }
    }

    private func paragraph(_ content: [Inline]) -> String {
        MarkdownInlineWriter.render(content, in: .paragraph)
    }

    private func anchorTag(_ anchor: String?) -> String {
        anchor.map { "<a id=\"\(Inline.anchorSlug($0))\"></a>" } ?? ""
    }

    /// Items with their markers; every further line is indented to the item's content column, so
    /// paragraphs, code and nested lists stay inside the item.
    private func list(_ kind: Block.ListKind, items: [String], tight: Bool) -> String {
        items.enumerated().map { index, item in
            let marker = kind == .ordered ? "\(index + 1). " : "- "
            let indent = String(repeating: " ", count: marker.count)
            return prefixLines(item, first: marker, rest: indent, blank: "")
        }
        .joined(separator: tight ? "\n" : "\n\n")
    }

    private func quoted(_ text: String) -> String {
        prefixLines(text, first: "> ", rest: "> ", blank: ">")
    }

    /// A GitHub table. GitHub requires a header row, so a table without one gets empty header
    /// cells; every row is padded to the full width because GitHub drops cells beyond the header.
    private func table(_ table: Table) -> String {
        let columns = max(table.columnCount, 1)
        var lines: [String] = []
        if !table.caption.isEmpty {
            lines.append(paragraph([.emphasis(table.caption)]))
            lines.append("")
        }
        lines.append(row(table.header, columns: columns))
        lines.append("|" + (0..<columns).map { column in
            switch table.alignment(ofColumn: column) {
            case .left: " --- "
            case .center: " :-: "
            case .right: " --: "
            }
        }.joined(separator: "|") + "|")
        lines += table.rows.map { row($0, columns: columns) }
        return lines.joined(separator: "\n")
    }

    private func row(_ cells: [Table.Cell], columns: Int) -> String {
        let texts = cells.map { cell in
            var text = MarkdownInlineWriter.render(cell.content, in: .tableCell)
            if let intensity = cell.intensityLabel {
                text += text.isEmpty ? intensity : " " + intensity
            }
            return text
        }
        let padded = texts + Array(repeating: "", count: max(columns - texts.count, 0))
        return "| " + padded.joined(separator: " | ") + " |"
    }

    /// Fenced code; the fence is longer than any run of backquotes in the code, and the info
    /// string loses the backquotes and line breaks that would end it.
    private func fenced(_ code: String, info: String) -> String {
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: code) + 1))
        let info = String(info.compactMap { $0 == "`" ? nil : $0.isNewline ? " " : $0 })
        var body = code
        if body.hasSuffix("\n") { body.removeLast() }
        return fence + info + "\n" + (body.isEmpty ? "" : body + "\n") + fence
    }

    private func prefixLines(_ text: String, first: String, rest: String, blank: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + first.utf8.count)
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.lazy.map(Substring.init).enumerated() {
            if index > 0 { output += "\n" }
            if line.isEmpty {
                output += index == 0 ? first.prefix { $0 != " " } : blank[...]
            } else {
                output += index == 0 ? first : rest
                output += line
            }
        }
        return output
    }
}

extension Block {
    /// Lists and definition lists, which both become Markdown bullet lists.
    fileprivate var rendersAsMarkdownList: Bool {
        switch self {
        case .list, .definitions: true
        default: false
        }
    }
}
