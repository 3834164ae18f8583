/// A set of measurements, sorted once, from which medians and percentiles are read.
///
/// Percentiles use the nearest-rank method: every figure reported is one that was actually
/// measured, never an interpolation between two runs, and the values need only be comparable.
public struct Distribution<Value: Comparable & Sendable>: Sendable {
    /// The measurements, smallest first.
    public let sorted: [Value]

    /// - Precondition: `values` is not empty; a benchmark that measured nothing has a bug.
    public init(_ values: some Sequence<Value>) {
        sorted = values.sorted()
        precondition(!sorted.isEmpty, "a distribution needs at least one measurement")
    }

    public var count: Int { sorted.count }
    public var minimum: Value { sorted[0] }
    public var maximum: Value { sorted[sorted.count - 1] }
    public var median: Value { percentile(50) }

    /// The smallest measurement that at least `percent`% of the measurements do not exceed.
    public func percentile(_ percent: Double) -> Value {
        precondition((0...100).contains(percent), "a percentile lies between 0 and 100")
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[max(rank, 1) - 1]
    }
}
