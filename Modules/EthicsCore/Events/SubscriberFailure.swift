/// A subscriber threw while handling an event.
///
/// The bus hands this to the failure reporter instead of rethrowing, because a publisher must not
/// depend on who listens: one plugin's broken listener must not stop another plugin's work.
public struct SubscriberFailure: Error, CustomStringConvertible {
    /// The name the subscriber gave when it subscribed.
    public let subscriber: String
    /// The topic of the event it was handling.
    public let topic: String
    /// What it threw.
    public let error: any Error

    public init(subscriber: String, topic: String, error: any Error) {
        self.subscriber = subscriber
        self.topic = topic
        self.error = error
    }

    public var description: String {
        "subscriber '\(subscriber)' failed to handle '\(topic)': \(error)"
    }
}
