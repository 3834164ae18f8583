public import EthicsCore

/// One consequence scanning session, as the register keeps it: what was scanned, each
/// consequence found, and what the team will do about it.
struct Scan: Codable, Sendable, Hashable {
    struct Consequence: Codable, Sendable, Hashable {
        var description: String
        /// Whether the team means it to happen.
        var intended: Bool
        /// Good or harmful for the people it reaches.
        var positive: Bool
        var response: Response
        /// Who keeps hold of it.
        var owner: String
        /// What will be done, or watched for.
        var note: String?
    }

    /// What the team can do about a consequence (Doteveryone's three).
    enum Response: String, Codable, Sendable, Hashable, CaseIterable {
        case act, influence, monitor

        var label: String {
            switch self {
            case .act: "Act"
            case .influence: "Influence"
            case .monitor: "Monitor"
            }
        }

        var help: String {
            switch self {
            case .act: "within the team's control; change the plan now"
            case .influence: "decided elsewhere, but the team can press those who decide"
            case .monitor: "outside anyone's control here; watch for it and review"
            }
        }
    }

    var title: String
    var author: String
    var date: CalendarDate
    var reviewBy: CalendarDate?
    /// The decision record the scan responds to, if any.
    var decision: String?
    /// The guide followed: its id and provenance, so the record says which questions were asked.
    var guide: String
    var consequences: [Consequence]
}

/// A consequence scan was kept in the register.
public struct ScanRecorded: Event, Hashable {
    public static let topic = "scan.recorded"
    public var recordID: String
    public var title: String
    /// The decision it responds to, if any.
    public var decision: String?
    /// How many consequences were sorted into act, influence and monitor.
    public var act: Int
    public var influence: Int
    public var monitor: Int

    public init(recordID: String, title: String, decision: String?, act: Int, influence: Int, monitor: Int) {
        self.recordID = recordID
        self.title = title
        self.decision = decision
        self.act = act
        self.influence = influence
        self.monitor = monitor
    }
}
