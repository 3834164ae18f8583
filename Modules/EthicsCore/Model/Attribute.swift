/// One attribute of ethical practice: the shared vocabulary every plugin tags its content with
/// (flowchart questions, canvas areas, code clauses, glossary terms), and so where they meet.
///
/// Attributes are content, not a Swift enum: the toolkit ships the five from the Socitm
/// collection and a council may add its own.
public struct Attribute: Codable, Sendable, Hashable, Identifiable {
    /// Stable lowercase id used in content files: `beneficence`, `non-maleficence`.
    public var id: String
    public var name: String
    /// One sentence, in the project's own words.
    public var summary: String
    /// Questions a team can ask itself to see whether the attribute is served.
    public var questions: [String]?

    public init(id: String, name: String, summary: String, questions: [String]? = nil) {
        self.id = id
        self.name = name
        self.summary = summary
        self.questions = questions
    }
}
