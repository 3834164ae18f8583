/// A fact one plugin kept that others may care about: `decision.recorded`, `scan.recorded`.
///
/// Events are public `Codable` types, so another plugin subscribes by type without importing the
/// plugin that publishes them (shared ones live in EthicsCore). The topic is a stable, dotted name
/// written into the journal with the event's JSON, so once an event ships its topic and fields are
/// never renamed. A plugin's manifest lists the topics it publishes and listens to; the host
/// refuses a topic the manifest does not declare.
public protocol Event: Codable, Sendable {
    static var topic: String { get }
}
