/// One line of a benchmark report: what was measured, on what, the figure, and against what.
public struct ResultRow: Sendable {
    public let benchmark: String
    public let subject: String
    public let figure: String
    public let target: String
    public let verdict: Verdict

    public init(benchmark: String, subject: String, figure: String, target: String = "-", verdict: Verdict = .information) {
        self.benchmark = benchmark
        self.subject = subject
        self.figure = figure
        self.target = target
        self.verdict = verdict
    }
}
