/// How a council's published documents look: its name and logo in the banner of every HTML page,
/// and its accent colour for links and rules. Set under `branding:` in the council's configuration.
///
/// The logo travels inside the page as a `data:` URI, so a page stays one self-contained file
/// that fetches nothing when it is opened, printed or archived.
public struct Branding: Hashable, Sendable {
    /// An image, already read and checked, ready to embed.
    public struct Logo: Hashable, Sendable {
        /// `image/png`, `image/jpeg`, `image/gif`, `image/webp` or `image/svg+xml`.
        public var mediaType: String
        /// The file's bytes, base64-encoded.
        public var base64: String

        public init(mediaType: String, base64: String) {
            self.mediaType = mediaType
            self.base64 = base64
        }

        public var dataURI: String { "data:\(mediaType);base64,\(base64)" }
    }

    /// The organisation named in the banner and footer (`Anytown Borough Council`).
    public var name: String
    public var logo: Logo?
    /// Links and rules; nil keeps the toolkit's own blue. Checked for AA contrast against white
    /// when the configuration is read.
    public var accent: HexColour?

    public init(name: String, logo: Logo? = nil, accent: HexColour? = nil) {
        self.name = name
        self.logo = logo
        self.accent = accent
    }
}
