/// Where a piece of content came from, carried by every content pack so a council can show
/// its sources (and honour their licences) when it publishes what the toolkit produced.
public struct Provenance: Codable, Sendable, Hashable {
    /// Title of the source work, quoted as its publisher gives it.
    public var source: String
    public var publisher: String
    public var url: String
    /// The licence the source is under, and how this pack uses it (e.g. "CC BY-SA 4.0; adapted").
    public var licence: String
    /// When the source was read (YYYY-MM-DD).
    public var retrieved: CalendarDate
    /// Authors, editions, or what was paraphrased; optional.
    public var notes: String?

    public init(source: String, publisher: String, url: String, licence: String, retrieved: CalendarDate, notes: String? = nil) {
        self.source = source
        self.publisher = publisher
        self.url = url
        self.licence = licence
        self.retrieved = retrieved
        self.notes = notes
    }

    private enum CodingKeys: String, CodingKey {
        case source, publisher, url, licence, retrieved, notes
    }

    /// Decodes a pack's `provenance:`, checking that `url` is a web address a reader can follow.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        publisher = try container.decode(String.self, forKey: .publisher)
        url = try container.decode(WebAddress.self, forKey: .url).text
        licence = try container.decode(String.self, forKey: .licence)
        retrieved = try container.decode(CalendarDate.self, forKey: .retrieved)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
    }

    /// One line for a document's provenance section.
    public var citation: String {
        "\(source), \(publisher), \(url) (\(licence); retrieved \(retrieved))"
    }
}
