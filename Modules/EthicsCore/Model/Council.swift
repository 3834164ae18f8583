/// The organisation a configuration belongs to: it names the records folder and appears on
/// every document the toolkit writes.
public struct Council: Codable, Sendable, Hashable {
    /// Short lowercase id (`anytown`), used in folder names.
    public var id: String
    /// The name people read (`Anytown Borough Council`).
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
