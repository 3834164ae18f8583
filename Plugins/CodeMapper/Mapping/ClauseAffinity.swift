/// How well one clause answers another, judged only from what the content says about both: an
/// explicit link written by a person, then the attributes the two clauses share.
///
/// A link always ranks above any overlap of attributes, because a link is someone's judgement
/// that two clauses mean much the same, whereas shared attributes only show a common purpose.
struct ClauseAffinity: Sendable {
    /// The clause a counterpart is sought for.
    let reference: Clause
    let counterpart: Clause
    /// Whether either clause names the other under `related:`.
    let isLinked: Bool
    /// Attribute ids both clauses serve, in the order the reference gives them.
    let sharedAttributes: [String]

    init(of reference: Clause, with counterpart: Clause, in library: CodeLibrary) {
        self.reference = reference
        self.counterpart = counterpart
        isLinked = library.areLinked(reference, counterpart)
        sharedAttributes = reference.attributeIDs.filter(counterpart.serves)
    }

    /// Whether there is anything at all to say the clauses correspond.
    var isRelated: Bool {
        isLinked || !sharedAttributes.isEmpty
    }

    /// Whether the counterpart serves every attribute the reference serves.
    var coversEveryAttribute: Bool {
        !reference.attributes.isEmpty && sharedAttributes.count == reference.attributes.count
    }

    /// Whether the counterpart can stand in for the reference when looking for gaps: the content
    /// links them, or it serves at least everything the reference serves. Sharing one attribute
    /// of several is not enough, or any code serving all five attributes would have no gaps.
    var standsIn: Bool {
        isLinked || coversEveryAttribute
    }

    /// Shared attributes over all the attributes either clause serves (Jaccard similarity): it
    /// prefers a counterpart with the same focus to one that serves everything.
    var similarity: Double {
        let union = Set(reference.attributeIDs).union(counterpart.attributeIDs).count
        return union == 0 ? 0 : Double(sharedAttributes.count) / Double(union)
    }

    /// Why the counterpart was chosen, in words a reader can check against the content.
    func reason(naming attributes: (String) -> String) -> String {
        var parts: [String] = []
        if reference.names(counterpart) {
            parts.append("\(reference.id) names \(counterpart.id) as related")
        } else if counterpart.names(reference) {
            parts.append("\(counterpart.id) names \(reference.id) as related")
        }
        if !sharedAttributes.isEmpty {
            parts.append("both serve " + sharedAttributes.map(attributes).joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }

    /// Whether this affinity ranks above `other`: linked first, then more shared attributes,
    /// then a closer match of focus.
    func ranks(above other: ClauseAffinity) -> Bool {
        if isLinked != other.isLinked { return isLinked }
        if sharedAttributes.count != other.sharedAttributes.count {
            return sharedAttributes.count > other.sharedAttributes.count
        }
        return similarity > other.similarity
    }

    /// The related ones among `affinities`, best first; equals keep the order given (the
    /// order of the counterpart's code), so results never depend on the sort's stability.
    static func ranked(_ affinities: [ClauseAffinity]) -> [ClauseAffinity] {
        affinities.enumerated()
            .filter { $0.element.isRelated }
            .sorted { first, second in
                if first.element.ranks(above: second.element) { return true }
                if second.element.ranks(above: first.element) { return false }
                return first.offset < second.offset
            }
            .map(\.element)
    }
}
