public import EthicsYAML

/// Where a walk through a flowchart ends up: the decision, in words every council uses.
public enum Verdict: String, YAMLStringEnum, Codable, Sendable, Hashable {
    case proceed
    case proceedWithMitigations = "proceed-with-mitigations"
    case escalate
    case doNotProceed = "do-not-proceed"

    var label: String {
        switch self {
        case .proceed: "Proceed"
        case .proceedWithMitigations: "Proceed with mitigations"
        case .escalate: "Escalate to the ethics board"
        case .doNotProceed: "Do not proceed"
        }
    }
}
