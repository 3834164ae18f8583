/// Which topics a pattern subscriber hears.
///
/// Three forms only, because subscribers need no more and each is obvious to read:
/// - `decision.recorded` — exactly that topic;
/// - `decision.*` — every topic that starts with `decision.`, however many segments follow
///   (`decision.recorded`, `decision.step.completed`), but not `decision` itself;
/// - `*` — every topic (what a journal wants).
///
/// Segments are letters, digits, `-` and `_`, so a stray space or a typo such as `decision.*.x`
/// is refused when the subscriber registers instead of silently matching nothing.
public struct TopicPattern: Hashable, Sendable, CustomStringConvertible {
    private enum Form: Hashable, Sendable {
        case everything
        /// The text before the `*`, ending in a dot.
        case prefix(String)
        case exact(String)
    }

    private let form: Form
    /// The pattern as written.
    public let description: String

    public init(_ pattern: String) throws(InvalidTopicPattern) {
        description = pattern
        if pattern == "*" {
            form = .everything
            return
        }
        guard !pattern.isEmpty else { throw InvalidTopicPattern(pattern: pattern, reason: .empty) }

        let segments = pattern.split(separator: ".", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty { throw InvalidTopicPattern(pattern: pattern, reason: .emptySegment) }
            if segment == "*" && index == segments.count - 1 { continue }
            if let character = segment.first(where: { !Self.isAllowed($0) }) {
                let reason: InvalidTopicPattern.Reason =
                    character == "*" ? .misplacedWildcard : .invalidCharacter(character)
                throw InvalidTopicPattern(pattern: pattern, reason: reason)
            }
        }
        form = segments.last == "*" ? .prefix(String(pattern.dropLast())) : .exact(pattern)
    }

    public func matches(_ topic: String) -> Bool {
        switch form {
        case .everything: true
        case .exact(let exact): topic == exact
        case .prefix(let prefix): topic.utf8.count > prefix.utf8.count && topic.hasPrefix(prefix)
        }
    }

    private static func isAllowed(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }
}
