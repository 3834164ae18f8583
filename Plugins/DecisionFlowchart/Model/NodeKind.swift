public import EthicsYAML

/// What a node of a flowchart asks of the person walking it.
public enum NodeKind: String, YAMLStringEnum, Codable, Sendable, Hashable {
    /// Choose one of the node's choices; each choice names the node that follows.
    case question
    /// Write a free-text answer.
    case prompt
    /// Name the options and rate each one under each ethical lens, with a note.
    case lensEvaluation = "lens-evaluation"
    /// Tick the items that hold; a required item left unticked leads to `otherwise`.
    case checklist
    /// The end of a walk: a verdict and the obligations that follow from it.
    case outcome

    /// The kind with its article ("a lens evaluation").
    var phrase: String { self == .outcome ? "an outcome" : "a \(noun)" }

    /// How the kind reads in a sentence ("lens evaluation").
    var noun: String {
        switch self {
        case .lensEvaluation: "lens evaluation"
        default: rawValue
        }
    }

    /// The keys a node of this kind takes beyond those every node takes.
    var ownKeys: [String] {
        switch self {
        case .question: ["choices"]
        case .prompt: ["next"]
        case .lensEvaluation: ["next", "lenses", "min-options"]
        case .checklist: ["next", "otherwise", "items"]
        case .outcome: ["verdict", "obligations", "review-after-months"]
        }
    }
}
