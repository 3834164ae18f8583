/// A measured command that could not be started or did not succeed: timing a command that fails
/// would measure its error path, so the benchmark stops instead.
public enum CommandFailure: Error, CustomStringConvertible {
    case notFound(command: [String])
    case couldNotStart(command: [String], errno: Int32)
    case exited(command: [String], status: Int32)
    case killed(command: [String], signal: Int32)

    public var description: String {
        switch self {
        case .notFound(let command):
            "\(command[0]): no such executable"
        case .couldNotStart(let command, let errno):
            "could not start \(command.joined(separator: " ")): errno \(errno)"
        case .exited(let command, let status):
            "\(command.joined(separator: " ")) exited with status \(status)"
        case .killed(let command, let signal):
            "\(command.joined(separator: " ")) was killed by signal \(signal)"
        }
    }
}
