/// Blocks are encoded as objects tagged with `type` (`{"type": "heading", "level": 2, ...}`), like
/// ``Inline``, so the JSON form of a document is a readable, stable schema.
extension Block: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, level, content, anchor, kind, items, table, definitions, blocks, text, language
        case graph, title, form
    }

    private enum Kind: String, Codable {
        case heading, paragraph, list, table, definitions, quote, code, graph, callout
        case thematicBreak, form
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .heading:
            self = .heading(
                level: try container.decode(Int.self, forKey: .level),
                try container.decode([Inline].self, forKey: .content),
                anchor: try container.decodeIfPresent(String.self, forKey: .anchor))
        case .paragraph:
            self = .paragraph(try container.decode([Inline].self, forKey: .content))
        case .list:
            self = .list(
                try container.decode(ListKind.self, forKey: .kind),
                items: try container.decode([[Block]].self, forKey: .items))
        case .table:
            self = .table(try container.decode(Table.self, forKey: .table))
        case .definitions:
            self = .definitions(try container.decode([Definition].self, forKey: .definitions))
        case .quote:
            self = .quote(try container.decode([Block].self, forKey: .blocks))
        case .code:
            self = .code(
                try container.decode(String.self, forKey: .text),
                language: try container.decodeIfPresent(String.self, forKey: .language))
        case .graph:
            self = .graph(try container.decode(Graph.self, forKey: .graph))
        case .callout:
            self = .callout(
                try container.decode(CalloutKind.self, forKey: .kind),
                title: try container.decodeIfPresent([Inline].self, forKey: .title) ?? [],
                try container.decode([Block].self, forKey: .blocks))
        case .thematicBreak:
            self = .thematicBreak
        case .form:
            self = .form(try container.decode(Form.self, forKey: .form))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .heading(let level, let content, let anchor):
            try container.encode(Kind.heading, forKey: .type)
            try container.encode(level, forKey: .level)
            try container.encode(content, forKey: .content)
            try container.encodeIfPresent(anchor, forKey: .anchor)
        case .paragraph(let content):
            try container.encode(Kind.paragraph, forKey: .type)
            try container.encode(content, forKey: .content)
        case .list(let kind, let items):
            try container.encode(Kind.list, forKey: .type)
            try container.encode(kind, forKey: .kind)
            try container.encode(items, forKey: .items)
        case .table(let table):
            try container.encode(Kind.table, forKey: .type)
            try container.encode(table, forKey: .table)
        case .definitions(let definitions):
            try container.encode(Kind.definitions, forKey: .type)
            try container.encode(definitions, forKey: .definitions)
        case .quote(let blocks):
            try container.encode(Kind.quote, forKey: .type)
            try container.encode(blocks, forKey: .blocks)
        case .code(let text, let language):
            try container.encode(Kind.code, forKey: .type)
            try container.encode(text, forKey: .text)
            try container.encodeIfPresent(language, forKey: .language)
        case .graph(let graph):
            try container.encode(Kind.graph, forKey: .type)
            try container.encode(graph, forKey: .graph)
        case .callout(let kind, let title, let blocks):
            try container.encode(Kind.callout, forKey: .type)
            try container.encode(kind, forKey: .kind)
            if !title.isEmpty { try container.encode(title, forKey: .title) }
            try container.encode(blocks, forKey: .blocks)
        case .thematicBreak:
            try container.encode(Kind.thematicBreak, forKey: .type)
        case .form(let form):
            try container.encode(Kind.form, forKey: .type)
            try container.encode(form, forKey: .form)
        }
    }
}
