import Synchronization

/// A document that listeners may change while it is being rendered.
///
/// Events are values, so a `document.rendering` event cannot hand out an `inout` document; it
/// carries this shared box instead. The renderer publishes the event, every listener edits the
/// draft in turn, and the renderer then writes what the draft holds. A mutex makes the box safe to
/// share across isolation domains, so it is `Sendable` like every event.
public final class DocumentDraft: Sendable {
    private let state: Mutex<Document>

    public init(_ document: Document) {
        state = Mutex(document)
    }

    /// The document as the listeners have left it so far.
    public var document: Document {
        state.withLock { $0 }
    }

    /// Changes the document in place; the change is atomic with respect to other listeners.
    public func update<E: Error>(_ body: (inout Document) throws(E) -> Void) throws(E) {
        try state.withLock { (document: inout Document) throws(E) in try body(&document) }
    }
}
