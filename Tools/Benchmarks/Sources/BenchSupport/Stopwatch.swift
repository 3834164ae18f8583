/// Measures elapsed time on the monotonic clock, so a wall-clock adjustment during a run
/// (NTP, a suspended laptop) cannot shorten or lengthen a measurement.
public struct Stopwatch: Sendable {
    private let start: ContinuousClock.Instant

    /// Starts timing now.
    public init() {
        start = .now
    }

    public var elapsed: Duration {
        .now - start
    }

    /// Times one call of `body`.
    public static func time(_ body: () throws -> Void) rethrows -> Duration {
        let stopwatch = Stopwatch()
        try body()
        return stopwatch.elapsed
    }
}
