import EthicsCore

// Conventions every format shares, so that a document reads the same whichever is asked for.

extension Document {
    /// Every table in reading order, including those nested in lists, quotes and callouts.
    var allTables: [Table] {
        collect { block in
            if case .table(let table) = block { table } else { nil }
        }
    }

    /// Every graph in reading order, including those nested in lists, quotes and callouts.
    var allGraphs: [Graph] {
        collect { block in
            if case .graph(let graph) = block { graph } else { nil }
        }
    }

    /// The document with each table that has no rows and says what to tell a reader instead
    /// (``Table/whenEmpty``) replaced by that paragraph, wherever it stands: what every format
    /// people read shows. A spreadsheet and JSON keep the table, and its header row.
    func sayingWhatIsEmpty() -> Document {
        guard allTables.contains(where: { $0.rows.isEmpty && $0.whenEmpty != nil }) else { return self }
        func replaced(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                switch block {
                case .table(let table) where table.rows.isEmpty && table.whenEmpty != nil:
                    .paragraph(table.whenEmpty ?? [])
                case .list(let kind, let items):
                    .list(kind, items: items.map(replaced))
                case .quote(let content):
                    .quote(replaced(content))
                case .callout(let kind, let title, let content):
                    .callout(kind, title: title, replaced(content))
                case .definitions(let definitions):
                    .definitions(definitions.map { Block.Definition(term: $0.term, details: replaced($0.details), anchor: $0.anchor) })
                case .heading, .paragraph, .table, .code, .graph, .thematicBreak, .form:
                    block
                }
            }
        }
        var document = self
        document.blocks = replaced(blocks)
        return document
    }

    private func collect<T>(_ pick: (Block) -> T?) -> [T] {
        var found: [T] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                if let value = pick(block) { found.append(value) }
                switch block {
                case .list(_, let items): items.forEach(visit)
                case .definitions(let definitions): definitions.map(\.details).forEach(visit)
                case .quote(let content), .callout(_, _, let content): visit(content)
                case .form(let form): visit(form.worksheet)
                case .heading, .paragraph, .table, .code, .graph, .thematicBreak: break
                }
            }
        }
        visit(blocks)
        return found
    }
}

extension Block {
    /// The level a heading is rendered at: the title is the only level 1, so sections start at 2.
    static func renderedLevel(_ level: Int) -> Int {
        min(max(level, 2), 6)
    }

    var isParagraph: Bool {
        if case .paragraph = self { true } else { false }
    }
}

extension Table.Cell {
    /// The intensity as it is printed in every format: two decimals, such as `0.75`, so the value
    /// stays readable without colour. Nil when the cell has none, or has content of its own, which
    /// states the value in words (`2 of 7 clauses (29%)`) better than a bare number would.
    var intensityLabel: String? {
        content.isEmpty ? intensityValue : nil
    }

    /// The intensity to two decimals whether or not it is printed (HTML keeps it as data).
    var intensityValue: String? {
        guard let value = normalizedIntensity else { return nil }
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
