import EthicsCore

/// Writes a document as plain text for a terminal.
///
/// Headings are underlined (`=` for the title, `-` for sections, `~` below), lists use `-` and
/// numbers, tables are drawn in ASCII (see ``TextTable``), quotes are marked with `>`, callouts
/// with `|` and a spelled-out kind, and prose wraps at the width asked for. There are no colour
/// codes: whether to colour is the host's decision, made for terminals only.
struct TextRenderer {
    /// Nested blocks never get narrower than this, however deep they sit.
    private static let minimumWidth = 20

    let width: Int

    func render(_ document: Document) -> String {
        var lines = underlined(document.title, with: "=", width: width)
        if let subtitle = document.subtitle {
            lines += TextLayout.wrap(subtitle, width: width)
        }
        if !document.metadata.isEmpty {
            lines.append("")
            for entry in document.metadata {
                lines += TextLayout.hanging(entry.value, marker: entry.key + ": ", width: width)
            }
        }
        for block in document.blocks {
            lines.append("")
            lines += self.lines(for: block, width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func lines(for blocks: [Block], width: Int) -> [String] {
        var lines: [String] = []
        for block in blocks {
            if !lines.isEmpty { lines.append("") }
            lines += self.lines(for: block, width: width)
        }
        return lines
    }

    private func lines(for block: Block, width: Int) -> [String] {
        let width = max(width, Self.minimumWidth)
        switch block {
        case .heading(let level, let content, _):
            let rule: Character = switch Block.renderedLevel(level) {
            case 2: "-"
            default: "~"
            }
            return underlined(PlainInlines.render(content), with: rule, width: width)
        case .paragraph(let content):
            return TextLayout.wrap(PlainInlines.render(content), width: width)
        case .list(let kind, let items):
            return list(kind, items: items, width: width)
        case .table(let table):
            return TextTable(table: table, width: width).render()
        case .definitions(let definitions):
            var lines: [String] = []
            for definition in definitions {
                if !lines.isEmpty { lines.append("") }
                lines += TextLayout.wrap(PlainInlines.render(definition.term), width: width)
                lines += indented(self.lines(for: definition.details, width: width - 4), by: "    ")
            }
            return lines
        case .quote(let content):
            return indented(self.lines(for: content, width: width - 2), by: "> ")
        case .code(let code, _):
            let body = code.hasSuffix("\n") ? code.dropLast() : code[...]
            let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            return indented(lines.map(String.init), by: "    ")
        case .graph(let graph):
            return self.graph(graph, width: width)
        case .callout(let kind, let title, let content):
            let label = kind == .warning ? "WARNING" : "NOTE"
            let heading = title.isEmpty ? label : "\(label): \(PlainInlines.render(title))"
            var body = TextLayout.wrap(heading, width: width - 2)
            if !content.isEmpty {
                body.append("")
                body += self.lines(for: content, width: width - 2)
            }
            return indented(body, by: "| ")
        case .thematicBreak:
            return ["* * *"]
        case .form(let form):
            return self.lines(for: form.worksheet, width: width)
        }
    }

    private func underlined(_ text: String, with rule: Character, width: Int) -> [String] {
        let lines = TextLayout.wrap(text, width: width)
        let length = lines.map(TextLayout.displayWidth).max() ?? 0
        return lines + [String(repeating: rule, count: max(length, 1))]
    }

    /// Items marked with `-` or right-aligned numbers, their content indented to line up after the
    /// marker. Items that are each a single paragraph sit on consecutive lines; otherwise a blank
    /// line separates them.
    private func list(_ kind: Block.ListKind, items: [[Block]], width: Int) -> [String] {
        let markerWidth = kind == .ordered ? "\(items.count).".count + 1 : 2
        let tight = items.allSatisfy { $0.count == 1 && $0.first?.isParagraph == true }
        var lines: [String] = []
        for (number, item) in zip(1..., items) {
            if !tight, !lines.isEmpty { lines.append("") }
            let marker = kind == .ordered
                ? TextLayout.padded("\(number).", to: markerWidth - 1, .right) + " "
                : "- "
            let content = self.lines(for: item, width: width - markerWidth)
            lines += TextLayout.prefixed(
                content.isEmpty ? [""] : content,
                first: marker, rest: String(repeating: " ", count: markerWidth))
        }
        return lines
    }

    /// A graph as a title and a list of its connections, `From -> To (label)`, followed by any
    /// node that no edge touches: what the diagram says, readable without drawing it.
    private func graph(_ graph: Graph, width: Int) -> [String] {
        let resolved = ResolvedGraph(graph)
        var lines = resolved.title.map { TextLayout.wrap($0, width: width) } ?? []
        for edge in resolved.edges {
            var text = "\(resolved.nodes[edge.from].label) -> \(resolved.nodes[edge.to].label)"
            if let label = edge.label { text += " (\(label))" }
            lines += TextLayout.hanging(text, marker: "- ", width: width)
        }
        for node in resolved.isolatedNodes {
            lines += TextLayout.hanging(node.label, marker: "- ", width: width)
        }
        return lines
    }

    private func indented(_ lines: [String], by prefix: String) -> [String] {
        TextLayout.prefixed(lines, first: prefix, rest: prefix)
    }
}
