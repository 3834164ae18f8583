public import EthicsDiagnostics
public import EthicsYAML

/// One node of a flowchart, as written. Every kind shares one shape so that a key that does not
/// belong to a node's kind (`choices` on a prompt) is reported by the content checks with a
/// message that says what the kind takes, rather than as an unknown key.
public struct FlowNode: Decodable, Sendable {
    public var id: Located<String>
    public var kind: NodeKind
    /// A short name for diagrams and the path in a record; the text is used when absent.
    public var title: String?
    public var text: String
    /// Which of the five steps of the framework the node belongs to.
    public var step: Int?
    public var attributes: [Located<String>]
    public var clauses: [Located<String>]
    /// The node after a prompt, lens evaluation or checklist.
    public var next: Located<String>?
    /// A checklist's way on when a required item is left unticked.
    public var otherwise: Located<String>?
    public var choices: [Choice]?
    public var items: [ChecklistItem]?
    /// The chart's lenses a lens evaluation uses, in order; all of them when absent.
    public var lenses: [Located<String>]?
    public var minOptions: Int?
    public var verdict: Verdict?
    public var obligations: [String]?
    public var reviewAfterMonths: Int?
    /// Where the node's mapping starts (its `- ` item).
    public var location: SourceLocation
    /// The node as written, to point a message at one of its keys.
    var source: YAMLNode?

    private enum CodingKeys: String, CodingKey {
        case id, kind, title, text, step, attributes, clauses, next, otherwise, choices, items, lenses, verdict, obligations
        case minOptions = "min-options"
        case reviewAfterMonths = "review-after-months"
    }

    public init(from decoder: any Decoder) throws {
        let node = try? YAMLNode(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Located<String>.self, forKey: .id)
        kind = try container.decode(NodeKind.self, forKey: .kind)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        text = try container.decode(String.self, forKey: .text)
        step = try container.decodeIfPresent(Int.self, forKey: .step)
        attributes = try container.decodeIfPresent([Located<String>].self, forKey: .attributes) ?? []
        clauses = try container.decodeIfPresent([Located<String>].self, forKey: .clauses) ?? []
        next = try container.decodeIfPresent(Located<String>.self, forKey: .next)
        otherwise = try container.decodeIfPresent(Located<String>.self, forKey: .otherwise)
        choices = try container.decodeIfPresent([Choice].self, forKey: .choices)
        items = try container.decodeIfPresent([ChecklistItem].self, forKey: .items)
        lenses = try container.decodeIfPresent([Located<String>].self, forKey: .lenses)
        minOptions = try container.decodeIfPresent(Int.self, forKey: .minOptions)
        verdict = try container.decodeIfPresent(Verdict.self, forKey: .verdict)
        obligations = try container.decodeIfPresent([String].self, forKey: .obligations)
        reviewAfterMonths = try container.decodeIfPresent(Int.self, forKey: .reviewAfterMonths)
        location = node?.location ?? .unknown
        source = node
    }

    /// Where `key` is written in this node, or the node's own position.
    func location(ofKey key: String) -> SourceLocation {
        source?.keyNode(key)?.location ?? location
    }

    /// The name shown in diagrams and records.
    public var name: String { title ?? text }

    /// Every way on from this node, with where each is written: the choices' targets for a
    /// question, `next` (and a checklist's `otherwise`) for the others, none for an outcome.
    public var targets: [Located<String>] {
        switch kind {
        case .question: (choices ?? []).compactMap(\.next)
        case .prompt, .lensEvaluation: next.map { [$0] } ?? []
        case .checklist: [next, otherwise].compactMap { $0 }
        case .outcome: []
        }
    }

    /// The fewest options a lens evaluation takes when the chart does not say.
    static let defaultMinOptions = 2
}
