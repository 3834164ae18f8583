/// Why an answer cannot be taken at a node, and which part of it is wrong, so an answers file
/// can point at the exact value and a terminal can ask again.
struct AnswerProblem: Error, Sendable, CustomStringConvertible {
    enum Focus: Sendable, Hashable {
        case whole
        case choice
        case option(Int)
        case rating(option: Int, lens: String)
        case item(Int)
    }

    var message: String
    var focus: Focus = .whole

    var description: String { message }
}
