/// What one run of a child process cost.
public struct CommandRun: Sendable {
    /// From just before the spawn to just after the child was reaped.
    public let wallTime: Duration
    /// The child's own peak resident set size, in bytes.
    public let peakResidentBytes: Int
}
