import Synchronization

/// Where plugins hear each other's facts without importing each other.
///
/// The bus carries facts only: things that happened and were kept (`decision.recorded`,
/// `scan.recorded`). A plugin states a fact inside a register write (``RegisterWrite/publish(_:)``),
/// the register journals it in the same transaction as the rows it describes, and the bus delivers
/// it once that transaction has committed. So a listener never hears of something that was rolled
/// back, and a command that writes nothing publishes nothing. Requests between plugins are
/// capabilities (``Capabilities``), and changes to a document before it is written are hooks
/// (``DocumentHook``); neither goes through the bus.
///
/// Delivery is in order and deterministic: `deliver` returns once every subscriber has handled the
/// fact, in the order they subscribed. A subscriber that throws is reported to the failure
/// reporter and the rest still run, because a publisher must not depend on who listens.
///
/// The host creates one bus per run and gives it to every plugin's context; there is no shared
/// instance, so a test builds its own and sees exactly the facts it caused.
public final class EventBus: Sendable {
    private let subscribers = Mutex<[Subscriber]>([])
    private let onFailure: @Sendable (SubscriberFailure) -> Void

    /// - Parameter onFailure: called for each subscriber that throws. The host logs these; the
    ///   default drops them, which only suits tests that expect none.
    public init(onFailure: @escaping @Sendable (SubscriberFailure) -> Void = { _ in }) {
        self.onFailure = onFailure
    }

    /// Listens to facts of one type, which arrive as that type.
    /// - Parameter name: names the subscriber in failure reports, e.g. `consequence-scanning.suggest`.
    @discardableResult
    public func subscribe<E: Event>(
        to type: E.Type, name: String, _ handler: @escaping @Sendable (E) async throws -> Void
    ) -> Subscription {
        add(Subscriber(subscription: Subscription(name: name), matches: { $0 == E.topic }) { event in
            guard let event = event as? E else { return }
            try await handler(event)
        })
    }

    /// Listens to every fact whose topic matches `pattern` (see ``TopicPattern``), whatever its type.
    /// - Throws: ``InvalidTopicPattern`` when the pattern is malformed; nothing is subscribed then.
    @discardableResult
    public func subscribe(
        topic pattern: String, name: String, _ handler: @escaping @Sendable (any Event) async throws -> Void
    ) throws(InvalidTopicPattern) -> Subscription {
        let pattern = try TopicPattern(pattern)
        return add(Subscriber(subscription: Subscription(name: name), matches: pattern.matches, handle: handler))
    }

    /// Stops a subscription. Unknown or already removed subscriptions are ignored.
    public func unsubscribe(_ subscription: Subscription) {
        subscribers.withLock { $0.removeAll { $0.subscription == subscription } }
    }

    /// Hands a kept fact to every subscriber whose topic matches, in subscription order.
    ///
    /// Called by the register once the write that journalled the fact has committed; plugins
    /// publish through ``RegisterWrite/publish(_:)`` instead, so that every fact is kept.
    public func deliver(_ event: any Event) async {
        let topic = type(of: event).topic
        let route = subscribers.withLock { $0.filter { $0.matches(topic) } }
        for subscriber in route {
            do {
                try await subscriber.handle(event)
            } catch {
                onFailure(SubscriberFailure(subscriber: subscriber.subscription.name, topic: topic, error: error))
            }
        }
    }

    private func add(_ subscriber: Subscriber) -> Subscription {
        subscribers.withLock { $0.append(subscriber) }
        return subscriber.subscription
    }
}

/// One registered subscriber: which topics it hears and what it does with them.
private struct Subscriber: Sendable {
    let subscription: Subscription
    let matches: @Sendable (String) -> Bool
    let handle: @Sendable (any Event) async throws -> Void
}
