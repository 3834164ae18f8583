/// One registered subscriber, kept by the registry in subscription order.
struct Subscriber: Sendable {
    enum Target: Sendable {
        /// Built at subscription, since the event type is known then.
        case type(Delivery)
        /// Matched against each event type's topic when a route is built.
        case pattern(TopicPattern, @Sendable (any Event) throws -> Void)
        case sink(any EventSink)
    }

    let subscription: Subscription
    let target: Target

    /// How this subscriber receives events of type `E`, or nil when it does not listen to them.
    func delivery<E: Event>(for type: E.Type) -> Delivery? {
        let name = subscription.name
        switch target {
        case .type(let delivery):
            return delivery.eventType == ObjectIdentifier(type) ? delivery : nil
        case .pattern(let pattern, let handler):
            guard pattern.matches(E.topic) else { return nil }
            return Delivery(subscriber: name) { (event: E) in try handler(event) }
        case .sink(let sink):
            return Delivery(subscriber: name) { (event: E) in try sink.receive(event) }
        }
    }
}
