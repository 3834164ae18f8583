/// A topic pattern that cannot mean what its author intended.
///
/// Patterns are written in plugin source, not typed by users, so a bad one is a programming error;
/// it is thrown rather than trapped so that the host can name the plugin at fault and carry on
/// loading the others.
public struct InvalidTopicPattern: Error, Hashable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The pattern is the empty string.
        case empty
        /// Two dots in a row, or a dot at either end.
        case emptySegment
        /// `*` anywhere but as the whole last segment (`a.*.b`, `a*`, `*.a`).
        case misplacedWildcard
        /// A character outside letters, digits, `-` and `_`.
        case invalidCharacter(Character)
    }

    public let pattern: String
    public let reason: Reason

    public init(pattern: String, reason: Reason) {
        self.pattern = pattern
        self.reason = reason
    }

    public var description: String {
        let problem = switch reason {
        case .empty: "it is empty"
        case .emptySegment: "it has an empty segment"
        case .misplacedWildcard: "'*' may only be the whole last segment"
        case .invalidCharacter(let character): "'\(character)' is not allowed in a topic"
        }
        return "invalid topic pattern '\(pattern)': \(problem); "
            + "write an exact topic ('decision.recorded'), a prefix ('decision.*') or '*'"
    }
}
