public import EthicsYAML

/// What a glossary entry describes: a word or phrase the toolkit's users meet, or a resource
/// (a standard, a piece of guidance, a tool) they can go and read.
///
/// Both kinds share one id space, so a term can list a resource under `see-also` or cite it
/// under `sources`, and one search finds either.
public enum EntryKind: Hashable, Sendable {
    case term
    case resource(ResourceType)

    /// How the kind is named to a reader: "term", "standard", "guidance".
    public var name: String {
        switch self {
        case .term: "term"
        case .resource(let type): type.rawValue
        }
    }

    public var isTerm: Bool { self == .term }
}

/// The sorts of resource the Socitm collection gathers. Content files name them in `type:`.
public enum ResourceType: String, YAMLStringEnum, Codable, CaseIterable {
    /// A formal standard from a standards body (IEEE, ISO, BSI).
    case standard
    /// Advice from government or a regulator on how to act.
    case guidance
    /// Something a team works through: a canvas, a checklist, a decision framework.
    case tool
    /// A code of conduct or ethics that binds members of a profession or office.
    case code
    /// An Act or regulation.
    case legislation
    /// A paper, book or report that the other resources build on.
    case publication
}
