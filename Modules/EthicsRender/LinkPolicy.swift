/// Decides which link targets renderers may make clickable.
enum LinkPolicy {
    private static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `url` is an `http`, `https` or `mailto` URL, or a relative reference such as
    /// `#term-dpia` or `guide.html`.
    ///
    /// Content comes from YAML files anyone may write, so a `javascript:` or `data:` URL must not
    /// become a link. Browsers ignore tabs and newlines inside a scheme (`java\tscript:`), so the
    /// check does too.
    static func allows(_ url: String) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case ":":
                return allowedSchemes.contains(scheme.lowercased())
            case "/", "?", "#":
                return !url.isEmpty
            case "\t", "\n", "\r":
                continue
            default:
                if scalar.value <= 0x20, scheme.isEmpty { continue }
                scheme.unicodeScalars.append(scalar)
            }
        }
        return !url.isEmpty
    }
}
