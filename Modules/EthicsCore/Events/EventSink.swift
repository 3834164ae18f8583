/// Something that wants every event, whatever its topic: a journal, a test recorder.
///
/// A sink is a protocol rather than a `*` closure so that it receives the concrete event type:
/// it can encode the event without boxing it, and a recorder can hand back typed values.
/// Errors it throws are reported to the bus's failure reporter like any subscriber's.
public protocol EventSink: Sendable {
    func receive<E: Event>(_ event: E) throws
}
