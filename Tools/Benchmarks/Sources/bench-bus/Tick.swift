import EthicsCore

/// The small event the bus benchmark publishes: one word of payload, so the figure measures the
/// bus rather than copying.
struct Tick: Event {
    static let topic = "bench.tick"
    let sequence: Int
}
