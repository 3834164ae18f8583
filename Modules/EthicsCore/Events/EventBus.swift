import Synchronization

/// How plugins talk without importing each other: one publishes an event, everyone who listens
/// hears it, in order.
///
/// The host creates one bus and hands it to every plugin through its context; there is no shared
/// instance, so a test can build its own and see exactly the events it caused.
///
/// Delivery is synchronous and deterministic. `publish` returns only after every subscriber has
/// handled the event, in the order they subscribed (typed, pattern and sink subscribers alike).
/// A subscriber that publishes while handling an event has its event delivered at once, depth
/// first, before the remaining subscribers see the outer one; a subscriber that publishes the
/// event it is handling therefore recurses without end, and that is its author's bug to avoid.
/// Subscribing or unsubscribing during a delivery takes effect from the next `publish`.
///
/// A subscriber that throws is reported to the failure reporter and the rest still run; the
/// publisher never learns of it, because it must not depend on who listens.
///
/// Publishing is thread safe. Events published from different threads at once are each delivered
/// in full and in order, but may interleave with one another, so handlers must be `@Sendable`.
public final class EventBus: Sendable {
    private let registry = Mutex(SubscriberRegistry())
    private let onFailure: @Sendable (SubscriberFailure) -> Void

    /// - Parameter onFailure: called, on the publishing thread, for each subscriber that throws.
    ///   The host logs these; the default drops them, which only suits tests that expect none.
    public init(onFailure: @escaping @Sendable (SubscriberFailure) -> Void = { _ in }) {
        self.onFailure = onFailure
    }

    /// Listens to events of one type, which arrive as that type.
    /// - Parameter name: names the subscriber in failure reports, e.g. `code-mapper.annotate`.
    @discardableResult
    public func subscribe<E: Event>(
        to type: E.Type, name: String, _ handler: @escaping @Sendable (E) throws -> Void
    ) -> Subscription {
        add(name: name, target: .type(Delivery(subscriber: name, handler: handler)))
    }

    /// Listens to every event whose topic matches `pattern` (see `TopicPattern`), whatever its type.
    /// - Throws: `InvalidTopicPattern` when the pattern is malformed; nothing is subscribed then.
    @discardableResult
    public func subscribe(
        topic pattern: String, name: String, _ handler: @escaping @Sendable (any Event) throws -> Void
    ) throws(InvalidTopicPattern) -> Subscription {
        add(name: name, target: .pattern(try TopicPattern(pattern), handler))
    }

    /// Sends every event to `sink`, in order with the other subscribers: how the host journals
    /// every event (`JSONLinesEventSink`) and how tests record them (`InMemoryEventSink`).
    /// - Parameter name: names the sink in failure reports; by default its type name.
    @discardableResult
    public func attach(_ sink: some EventSink, name: String? = nil) -> Subscription {
        add(name: name ?? String(describing: type(of: sink)), target: .sink(sink))
    }

    /// Stops a subscription. Unknown or already removed subscriptions are ignored, so teardown
    /// code need not track what it has already undone.
    public func unsubscribe(_ subscription: Subscription) {
        registry.withLock { $0.remove(subscription) }
    }

    /// Delivers `event` to every matching subscriber before returning.
    public func publish<E: Event>(_ event: E) {
        let route = registry.withLock { $0.route(for: E.self) }
        withUnsafePointer(to: event) { address in
            for delivery in route {
                do {
                    try delivery.handle(address)
                } catch {
                    onFailure(SubscriberFailure(subscriber: delivery.subscriber, topic: E.topic, error: error))
                }
            }
        }
    }

    private func add(name: String, target: Subscriber.Target) -> Subscription {
        let subscription = Subscription(name: name)
        registry.withLock { $0.add(Subscriber(subscription: subscription, target: target)) }
        return subscription
    }
}
