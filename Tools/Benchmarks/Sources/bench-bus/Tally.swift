import Synchronization

/// What the benchmark's subscriber does with each tick: enough work that delivery cannot be
/// optimised away, and a check afterwards that every event arrived exactly once.
final class Tally: Sendable {
    private let received = Atomic<Int>(0)
    private let sequenceSum = Atomic<Int>(0)

    func record(_ tick: Tick) {
        received.add(1, ordering: .relaxed)
        sequenceSum.add(tick.sequence, ordering: .relaxed)
    }

    /// True when ticks `0..<count` each arrived once.
    func accountsFor(_ count: Int) -> Bool {
        received.load(ordering: .relaxed) == count
            && sequenceSum.load(ordering: .relaxed) == count * (count - 1) / 2
    }
}
