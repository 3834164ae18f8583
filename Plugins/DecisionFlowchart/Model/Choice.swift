public import EthicsYAML
/// One answer to a question node, and the node it leads to.
public struct Choice: Decodable, Sendable, Hashable {
    public var id: Located<String>
    public var label: String
    public var next: Located<String>?
    public var attributes: [Located<String>]
    public var clauses: [Located<String>]

    private enum CodingKeys: String, CodingKey { case id, label, next, attributes, clauses }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Located<String>.self, forKey: .id)
        label = try container.decode(String.self, forKey: .label)
        next = try container.decodeIfPresent(Located<String>.self, forKey: .next)
        attributes = try container.decodeIfPresent([Located<String>].self, forKey: .attributes) ?? []
        clauses = try container.decodeIfPresent([Located<String>].self, forKey: .clauses) ?? []
    }
}

/// One item of a checklist node.
public struct ChecklistItem: Decodable, Sendable, Hashable {
    public var id: Located<String>
    public var text: String
    /// A required item left unticked sends the walk to the node's `otherwise`.
    public var required: Bool
    public var attributes: [Located<String>]

    private enum CodingKeys: String, CodingKey { case id, text, required, attributes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Located<String>.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        attributes = try container.decodeIfPresent([Located<String>].self, forKey: .attributes) ?? []
    }
}
