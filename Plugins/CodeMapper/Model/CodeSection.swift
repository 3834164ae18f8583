import EthicsDiagnostics
import EthicsYAML

/// A group of clauses within a code: a BCS section, an ACM part, a UKSA pillar, or a principle
/// of the senior managers' code whose behaviours are its clauses.
struct CodeSection: Sendable {
    /// `bcs.1`, `uksa.T`, `senior-managers.openness`; nil for the one implicit section of a code
    /// that lists its clauses without grouping them.
    var id: String?
    var title: String?
    /// The section's own statement, paraphrased, where the source gives one.
    var summary: String?
    var clauses: [Clause]
    var location: SourceLocation
}

extension CodeSection: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, title, summary, clauses
    }

    init(from decoder: any Decoder) throws {
        let node = try? YAMLNode(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        clauses = try container.decode([Clause].self, forKey: .clauses)
        location = node?["id"]?.location ?? node?.location ?? .unknown
    }
}
