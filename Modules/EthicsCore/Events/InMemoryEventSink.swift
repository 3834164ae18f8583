import Synchronization

/// Records every event it receives, so a test can assert on what a plugin published without a
/// journal file or a hand-written subscriber.
public final class InMemoryEventSink: EventSink {
    private let recorded = Mutex<[any Event]>([])

    public init() {}

    public func receive<E: Event>(_ event: E) {
        recorded.withLock { $0.append(event) }
    }

    /// Every event received, oldest first.
    public var events: [any Event] {
        recorded.withLock { $0 }
    }

    /// The topic of each event received, oldest first.
    public var topics: [String] {
        events.map { type(of: $0).topic }
    }

    /// The events of one type, oldest first, as that type.
    public func events<E: Event>(of type: E.Type) -> [E] {
        events.compactMap { $0 as? E }
    }

    public func clear() {
        recorded.withLock { $0.removeAll() }
    }
}
