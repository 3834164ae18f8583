public import EthicsYAML
/// One of the ethical lenses through which options are weighed (rights, justice, utilitarian,
/// common good, virtue, care), as the flowchart defines it.
public struct Lens: Decodable, Sendable, Hashable {
    public var id: Located<String>
    public var name: String
    /// The question the lens puts to each option, in the project's own words.
    public var question: String
    public var attributes: [Located<String>]

    private enum CodingKeys: String, CodingKey { case id, name, question, attributes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Located<String>.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        question = try container.decode(String.self, forKey: .question)
        attributes = try container.decodeIfPresent([Located<String>].self, forKey: .attributes) ?? []
    }
}
