import BenchSupport

/// One command whose start-up is measured, and the limits it is held to.
struct Subject {
    /// The label in the report, e.g. `ethics`.
    let name: String
    let command: [String]
    var maximumMedian: Duration?
    var maximumPeakBytes: Int?
}
