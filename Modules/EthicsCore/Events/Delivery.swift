/// One subscriber's handler for one event type, in a form that does not mention the type.
///
/// Routes hold deliveries for every event type, and `publish` is generic. Were deliveries generic
/// too, every unspecialised `publish` would look up the metadata of `Delivery<E>` and its array
/// at run time, which profiling showed to cost a third of each delivery. Instead the handler takes
/// the event by address: the typed closure is captured once, here, together with the type it
/// expects, and `handle` checks (in debug builds) that it is given that type.
struct Delivery: Sendable {
    let subscriber: String
    let eventType: ObjectIdentifier
    private let handler: @Sendable (UnsafeRawPointer) throws -> Void

    init<E: Event>(subscriber: String, handler: @escaping @Sendable (E) throws -> Void) {
        self.subscriber = subscriber
        eventType = ObjectIdentifier(E.self)
        self.handler = { address in try handler(address.assumingMemoryBound(to: E.self).pointee) }
    }

    func handle<E: Event>(_ event: UnsafePointer<E>) throws {
        assert(eventType == ObjectIdentifier(E.self), "a delivery for one event type was handed \(E.self)")
        try handler(UnsafeRawPointer(event))
    }
}
