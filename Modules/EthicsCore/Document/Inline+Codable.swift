/// Inlines are encoded as objects tagged with `type` (`{"type": "strong", "content": [...]}`)
/// rather than Swift's synthesised `{"strong": {"_0": ...}}`, so the `--format json` output is a
/// schema people can read and query with tools such as `jq`.
extension Inline: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, text, content, url, termID, page
    }

    private enum Kind: String, Codable {
        case text, emphasis, strong, code, link, termReference, lineBreak, command
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .text:
            self = .text(try container.decode(String.self, forKey: .text))
        case .emphasis:
            self = .emphasis(try container.decode([Inline].self, forKey: .content))
        case .strong:
            self = .strong(try container.decode([Inline].self, forKey: .content))
        case .code:
            self = .code(try container.decode(String.self, forKey: .text))
        case .link:
            self = .link(
                try container.decode([Inline].self, forKey: .content),
                url: try container.decode(String.self, forKey: .url))
        case .termReference:
            self = .termReference(
                try container.decode(String.self, forKey: .text),
                termID: try container.decode(String.self, forKey: .termID))
        case .lineBreak:
            self = .lineBreak
        case .command:
            self = .command(try container.decode(String.self, forKey: .text), page: try container.decode(OperationPage.self, forKey: .page))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode(Kind.text, forKey: .type)
            try container.encode(text, forKey: .text)
        case .emphasis(let content):
            try container.encode(Kind.emphasis, forKey: .type)
            try container.encode(content, forKey: .content)
        case .strong(let content):
            try container.encode(Kind.strong, forKey: .type)
            try container.encode(content, forKey: .content)
        case .code(let text):
            try container.encode(Kind.code, forKey: .type)
            try container.encode(text, forKey: .text)
        case .link(let content, let url):
            try container.encode(Kind.link, forKey: .type)
            try container.encode(content, forKey: .content)
            try container.encode(url, forKey: .url)
        case .termReference(let text, let termID):
            try container.encode(Kind.termReference, forKey: .type)
            try container.encode(text, forKey: .text)
            try container.encode(termID, forKey: .termID)
        case .lineBreak:
            try container.encode(Kind.lineBreak, forKey: .type)
        case .command(let command, let page):
            try container.encode(Kind.command, forKey: .type)
            try container.encode(command, forKey: .text)
            try container.encode(page, forKey: .page)
        }
    }
}
