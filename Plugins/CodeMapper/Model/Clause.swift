import EthicsDiagnostics
import EthicsYAML

/// One duty, principle or behaviour of a professional code: the unit the plugin maps.
struct Clause: Sendable, Identifiable {
    /// `<code>.<local id>`, such as `bcs.1.a`, `uksa.T4` or `nolan.openness`. Stable once shipped,
    /// because decision records, flowcharts and councils' own codes cite clauses by id.
    var id: String
    /// A short name: the source's own where it is short enough to quote.
    var title: String
    /// What the clause asks, in the project's own words.
    var text: String
    /// The attributes the clause serves, in the order the content gives them.
    var attributes: [AttributeMapping]
    /// Clauses of other codes that the content's author judged to ask much the same thing.
    var related: [ClauseReference]
    /// Where the clause's id is written, for messages about the clause.
    var location: SourceLocation

    /// The id of the code the clause belongs to. Loading checks that every clause id starts with
    /// its code's id and a dot, and code ids hold no dots, so the prefix is the code.
    var codeID: String {
        String(id.prefix { $0 != "." })
    }

    var attributeIDs: [String] {
        attributes.map(\.attribute)
    }

    func serves(_ attribute: String) -> Bool {
        attributes.contains { $0.attribute == attribute }
    }

    func names(_ other: Clause) -> Bool {
        related.contains { $0.id == other.id }
    }
}

extension Clause: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, title, text, attributes, related
    }

    init(from decoder: any Decoder) throws {
        let node = try? YAMLNode(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        text = try container.decode(String.self, forKey: .text)
        // Optional here so that a clause without attributes gets the content check's message,
        // which says what to write, rather than a bare "missing key".
        attributes = try container.decodeIfPresent(AttributeMappings.self, forKey: .attributes)?.mappings ?? []
        related = try container.decodeIfPresent([ClauseReference].self, forKey: .related) ?? []
        location = node?["id"]?.location ?? node?.location ?? .unknown
    }
}
