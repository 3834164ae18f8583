/// The bus's mutable state: its subscribers in order, and for each event type published, its
/// route: the deliveries of everyone who hears that type, in subscription order.
///
/// Routes are built the first time a type is published and all dropped whenever the subscribers
/// change, so a publish costs one lookup and a loop. A route handed out is an immutable array, so
/// a delivery in progress is never disturbed by a subscriber coming or going.
struct SubscriberRegistry {
    private var subscribers: [Subscriber] = []
    private var routes: [ObjectIdentifier: [Delivery]] = [:]

    mutating func add(_ subscriber: Subscriber) {
        subscribers.append(subscriber)
        routes.removeAll(keepingCapacity: true)
    }

    mutating func remove(_ subscription: Subscription) {
        let before = subscribers.count
        subscribers.removeAll { $0.subscription == subscription }
        if subscribers.count != before {
            routes.removeAll(keepingCapacity: true)
        }
    }

    mutating func route<E: Event>(for type: E.Type) -> [Delivery] {
        let key = ObjectIdentifier(type)
        if let route = routes[key] {
            return route
        }
        let route = subscribers.compactMap { $0.delivery(for: type) }
        routes[key] = route
        return route
    }
}
