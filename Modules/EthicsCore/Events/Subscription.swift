import Synchronization

/// The receipt for one subscription; hand it back to `EventBus.unsubscribe(_:)` to stop listening.
///
/// Identities come from one process-wide counter rather than from each bus, so a receipt handed to
/// the wrong bus can never remove an unrelated subscriber there: it simply matches nothing.
public struct Subscription: Hashable, Sendable, CustomStringConvertible {
    private static let counter = Atomic<UInt64>(0)

    /// The subscriber's name, as failures name it.
    public let name: String
    let id: UInt64

    init(name: String) {
        self.name = name
        id = Self.counter.wrappingAdd(1, ordering: .relaxed).newValue
    }

    public var description: String { "\(name)#\(id)" }
}
