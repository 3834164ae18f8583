/// Something that happened in one plugin that others may care about.
///
/// Plugins never call each other: they publish events and listen to them. The topic is a stable,
/// dotted name (`decision.recorded`); it is written into the journal with every event, so once an
/// event ships its topic is never renamed.
public protocol Event: Codable, Sendable {
    static var topic: String { get }
}
