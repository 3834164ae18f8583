/// The organisation a configuration belongs to: it names the records folder, appears on every
/// document the toolkit writes, and sets the calendar its dates are kept in.
public struct Council: Codable, Sendable, Hashable {
    /// Short lowercase id (`anytown`), used in folder names.
    public var id: String
    /// The name people read (`Anytown Borough Council`).
    public var name: String
    /// The IANA time zone its days are counted in (`council.time-zone`); Europe/London when nil.
    public var timeZone: String?

    public init(id: String, name: String, timeZone: String? = nil) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, timeZone = "time-zone"
    }
}
