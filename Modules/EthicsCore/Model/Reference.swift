/// A pointer to a source a piece of content relies on: a standard, a guidance page, a code.
public struct Reference: Codable, Sendable, Hashable {
    public var title: String
    public var publisher: String?
    public var url: String?
    public var note: String?

    public init(title: String, publisher: String? = nil, url: String? = nil, note: String? = nil) {
        self.title = title
        self.publisher = publisher
        self.url = url
        self.note = note
    }
}
