import EthicsCore

/// What a document already holds before the glossary links it: the anchors it defines (so a
/// term defined in the document itself is linked there and not repeated in the appendix) and
/// the term references its author wrote (so those terms are not linked a second time).
struct DocumentSurvey {
    private(set) var anchors = Set<String>()
    private(set) var termReferences: [String] = []

    init(_ document: Document) {
        visit(document.blocks)
    }

    private mutating func visit(_ blocks: [Block]) {
        for block in blocks {
            switch block {
            case .heading(_, let content, let anchor):
                if let anchor { anchors.insert(Inline.anchorSlug(anchor)) }
                visit(content)
            case .paragraph(let content):
                visit(content)
            case .list(_, let items):
                items.forEach { visit($0) }
            case .table(let table):
                visit(table.caption)
                for cell in table.header + table.rows.joined() { visit(cell.content) }
            case .definitions(let definitions):
                for definition in definitions {
                    if let anchor = definition.anchor { anchors.insert(Inline.anchorSlug(anchor)) }
                    visit(definition.term)
                    visit(definition.details)
                }
            case .quote(let content):
                visit(content)
            case .callout(_, let title, let content):
                visit(title)
                visit(content)
            case .code, .graph, .thematicBreak, .form:
                break
            }
        }
    }

    private mutating func visit(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .termReference(_, let termID):
                termReferences.append(termID)
            case .emphasis(let content), .strong(let content), .link(let content, _):
                visit(content)
            case .text, .code, .lineBreak, .command:
                break
            }
        }
    }
}
