/// Rewriting a document's text, for listeners that annotate it before it is rendered: the glossary
/// turns mentions of its terms into term references.
extension Document {
    /// Rewrites every inline in the document, innermost first.
    ///
    /// A container (emphasis, strong, link) has its children mapped, then is itself passed to
    /// `transform` with the new children. Return `[inline]` to keep an inline, `[]` to drop it, or
    /// several inlines to split it. The title, metadata, code blocks and graph labels are plain
    /// strings and are left alone.
    public func mapInlines<E: Error>(_ transform: (Inline) throws(E) -> [Inline]) throws(E) -> Document {
        var document = self
        document.blocks = try blocks.map { block throws(E) in try block.mapInlines(transform) }
        return document
    }

    /// Whether any inline of the document, at any depth, satisfies `predicate`: a hook that
    /// rewrites one kind of inline asks first, so the many documents without it are not copied.
    public func containsInline(where predicate: (Inline) -> Bool) -> Bool {
        blocks.contains { $0.containsInline(where: predicate) }
    }

    /// Makes each inline code outside a link that `url` gives an address for into a link to it:
    /// a front end links the record ids a plugin's page names (`dec-2026-0001`) to their pages.
    /// A document without such code is returned as it is, not copied.
    public func linkingCode(_ url: (String) -> String?) -> Document {
        let linkable: (Inline) -> Bool = { if case .code(let text) = $0 { url(text) != nil } else { false } }
        guard containsInline(where: linkable) else { return self }
        var document = self
        document.blocks = blocks.map { block in block.mapInlineSequences { $0.linkingCode(url) } }
        return document
    }

    /// Rewrites the runs of plain prose: every `.text` inline that is not inside a link.
    ///
    /// This is what a listener that links glossary terms wants: text inside an existing link,
    /// inline code and term references stay as they are, so links never nest.
    public func mapText<E: Error>(_ transform: (String) throws(E) -> [Inline]) throws(E) -> Document {
        var document = self
        document.blocks = try blocks.map { block throws(E) in try block.mapText(transform) }
        return document
    }
}

extension Block {
    /// Rewrites every inline in this block and the blocks it contains; see
    /// ``Document/mapInlines(_:)``.
    public func mapInlines<E: Error>(_ transform: (Inline) throws(E) -> [Inline]) throws(E) -> Block {
        try mapInlineSequences { inlines throws(E) in try inlines.mapInlines(transform) }
    }

    /// Whether any inline in this block or the blocks it contains satisfies `predicate`; see
    /// ``Document/containsInline(where:)``.
    public func containsInline(where predicate: (Inline) -> Bool) -> Bool {
        func inlines(_ sequence: [Inline]) -> Bool {
            sequence.contains { inline in
                if predicate(inline) { return true }
                switch inline {
                case .emphasis(let content), .strong(let content), .link(let content, _): return inlines(content)
                case .text, .code, .termReference, .lineBreak, .command: return false
                }
            }
        }
        func blocks(_ blocks: [Block]) -> Bool { blocks.contains { $0.containsInline(where: predicate) } }
        switch self {
        case .heading(_, let content, _), .paragraph(let content):
            return inlines(content)
        case .list(_, let items):
            return items.contains(where: blocks)
        case .table(let table):
            return inlines(table.caption) || (table.header + table.rows.joined()).contains { inlines($0.content) }
        case .definitions(let definitions):
            return definitions.contains { inlines($0.term) || blocks($0.details) }
        case .quote(let content):
            return blocks(content)
        case .callout(_, let title, let content):
            return inlines(title) || blocks(content)
        case .code, .graph, .thematicBreak, .form:
            return false
        }
    }

    /// Rewrites the plain prose in this block; see ``Document/mapText(_:)``.
    public func mapText<E: Error>(_ transform: (String) throws(E) -> [Inline]) throws(E) -> Block {
        try mapInlineSequences { inlines throws(E) in try inlines.mapText(transform) }
    }

    /// Applies `map` to every inline sequence in this block and, recursively, in its children.
    fileprivate func mapInlineSequences<E: Error>(
        _ map: ([Inline]) throws(E) -> [Inline]
    ) throws(E) -> Block {
        func blocks(_ blocks: [Block]) throws(E) -> [Block] {
            try blocks.map { block throws(E) in try block.mapInlineSequences(map) }
        }
        func cells(_ cells: [Table.Cell]) throws(E) -> [Table.Cell] {
            try cells.map { cell throws(E) in
                var cell = cell
                cell.content = try map(cell.content)
                return cell
            }
        }

        switch self {
        case .heading(let level, let content, let anchor):
            return .heading(level: level, try map(content), anchor: anchor)
        case .paragraph(let content):
            return .paragraph(try map(content))
        case .list(let kind, let items):
            return .list(kind, items: try items.map { item throws(E) in try blocks(item) })
        case .table(var table):
            table.caption = try map(table.caption)
            table.header = try cells(table.header)
            table.rows = try table.rows.map { row throws(E) in try cells(row) }
            return .table(table)
        case .definitions(let definitions):
            return .definitions(try definitions.map { definition throws(E) in
                var definition = definition
                definition.term = try map(definition.term)
                definition.details = try blocks(definition.details)
                return definition
            })
        case .quote(let content):
            return .quote(try blocks(content))
        case .callout(let kind, let title, let content):
            return .callout(kind, title: try map(title), try blocks(content))
        case .code, .graph, .thematicBreak, .form:
            // A form's questions are plain strings: they are not linked.
            return self
        }
    }
}

extension [Inline] {
    /// Rewrites every inline in the sequence; see ``Document/mapInlines(_:)``.
    public func mapInlines<E: Error>(_ transform: (Inline) throws(E) -> [Inline]) throws(E) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(count)
        for inline in self {
            let mapped: Inline
            switch inline {
            case .emphasis(let content):
                mapped = .emphasis(try content.mapInlines(transform))
            case .strong(let content):
                mapped = .strong(try content.mapInlines(transform))
            case .link(let content, let url):
                mapped = .link(try content.mapInlines(transform), url: url)
            case .text, .code, .termReference, .lineBreak, .command:
                mapped = inline
            }
            result.append(contentsOf: try transform(mapped))
        }
        return result
    }

    /// Links every `.code` outside a link that `url` gives an address for; see
    /// ``Document/linkingCode(_:)``.
    fileprivate func linkingCode(_ url: (String) -> String?) -> [Inline] {
        map { inline in
            switch inline {
            case .code(let text): url(text).map { .link([inline], url: $0) } ?? inline
            case .emphasis(let content): .emphasis(content.linkingCode(url))
            case .strong(let content): .strong(content.linkingCode(url))
            case .link, .text, .termReference, .lineBreak, .command: inline
            }
        }
    }

    /// Rewrites every `.text` outside a link; see ``Document/mapText(_:)``.
    public func mapText<E: Error>(_ transform: (String) throws(E) -> [Inline]) throws(E) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(count)
        for inline in self {
            switch inline {
            case .text(let string):
                result.append(contentsOf: try transform(string))
            case .emphasis(let content):
                result.append(.emphasis(try content.mapText(transform)))
            case .strong(let content):
                result.append(.strong(try content.mapText(transform)))
            case .link, .code, .termReference, .lineBreak, .command:
                result.append(inline)
            }
        }
        return result
    }
}
