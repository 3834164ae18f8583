/// Whether a figure met its target; `.information` for figures reported without one.
public enum Verdict: Sendable {
    case pass
    case fail
    case information

    /// `.pass` when `met`, else `.fail`.
    public init(met: Bool) {
        self = met ? .pass : .fail
    }

    public var label: String {
        switch self {
        case .pass: "pass"
        case .fail: "FAIL"
        case .information: "-"
        }
    }
}
