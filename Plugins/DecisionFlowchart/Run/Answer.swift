/// What a person answered at one node. One shape for every kind, so that records, saved
/// sessions and events share it; only the fields the node's kind uses are set.
struct Answer: Codable, Sendable, Hashable {
    /// A question's choice id.
    var choice: String?
    /// A prompt's text, or the rationale given at an outcome.
    var text: String?
    /// A lens evaluation's options, each rated under every lens.
    var options: [OptionAssessment]?
    /// A checklist's ticked item ids, in the checklist's order.
    var checked: [String]?
    /// An optional note on a choice or a checklist.
    var note: String?
}

/// One option weighed in a lens evaluation.
struct OptionAssessment: Codable, Sendable, Hashable {
    var name: String
    /// One per lens of the node, in the node's order.
    var ratings: [LensRating]
}

/// An option's rating under one lens: 1 (serves it badly) to 5 (serves it well), and why.
struct LensRating: Codable, Sendable, Hashable {
    var lens: String
    var rating: Int
    var note: String

    static let scale = 1...5
}

/// One node passed on the way through a flowchart, and the answer given there.
struct TakenStep: Codable, Sendable, Hashable {
    var node: String
    var answer: Answer
}
