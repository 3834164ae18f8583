public import EthicsCore

/// The guide a team follows in a consequence scanning session: the questions it answers and the
/// prompts for consequences nobody intended. Content, in `Configs/content/consequence-scanning/`,
/// so a council can put the questions in its own words.
public struct Guide: Decodable, Sendable, Hashable {
    public struct Question: Decodable, Sendable, Hashable {
        public var id: String
        public var text: String
        public var help: String?
    }

    public var id: String
    public var title: String
    public var provenance: Provenance
    public var summary: String
    public var questions: [Question]
    /// Where unintended consequences tend to hide.
    public var prompts: [String]

    /// The checks of a guide beyond its shape, each at its position.
    static func problems(_ guide: Guide, root: YAMLNode) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if guide.questions.isEmpty {
            problems.append(.error("a guide needs at least one question", at: root["questions"]?.location ?? root.location))
        }
        var seen = Set<String>()
        for (index, question) in guide.questions.enumerated() where !seen.insert(question.id).inserted {
            problems.append(.error(
                "question id '\(question.id)' is used twice", at: root["questions"]?.elements[index]["id"]?.location ?? root.location))
        }
        return problems
    }
}
