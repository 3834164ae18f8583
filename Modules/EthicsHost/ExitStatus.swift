/// The exit statuses `ethics` promises, so scripts and CI can tell outcomes apart.
public enum ExitStatus: Int32, Sendable {
    /// The command did what was asked.
    case success = 0
    /// A check ran and found problems (an invalid flowchart, an incomplete canvas, a broken journal).
    case checkFailed = 1
    /// The user's input could not be used: bad arguments, config, content or answers file.
    case badInput = 2
    /// Something failed inside the toolkit itself (a bug or the machine), not the user's input.
    case internalFailure = 70
}
