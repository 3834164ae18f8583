public import EthicsYAML

/// A web address a reader can follow: an `http` or `https` URL with a host. Renderers only make
/// web and mail addresses clickable, so anything else in a source's `url` is a mistake, and is
/// reported at its line when the content is read.
public struct WebAddress: Sendable, Hashable, Decodable, YAMLPlaceholderProviding {
    public var text: String

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard Self.isValid(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a web address; write it in full, starting https://"))
        }
        self.text = text
    }

    /// Whether `host` is this machine (`localhost`, `127.x.x.x`, `::1`), where TLS protects
    /// nothing: a register on it may go without, a server on it need not warn.
    public static func isLoopback(host: String) -> Bool {
        ["localhost", "127.0.0.1", "::1"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    /// Stands in for an address reported as invalid, so the rest of the file is still checked.
    public static var yamlPlaceholder: WebAddress { WebAddress(checked: "https://invalid.example") }

    private init(checked text: String) {
        self.text = text
    }

    /// An `http` or `https` URL with a host: the scheme in any case (`HTTPS://` is the same
    /// scheme, RFC 3986 section 3.1), then an authority that names a host (`https://` alone, or
    /// `https://:443/`, leads nowhere), and no spaces or control characters anywhere.
    public static func isValid(_ url: String) -> Bool {
        guard !url.unicodeScalars.contains(where: isBlankOrControl),
              let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return false }
        let scheme = url[..<colon].lowercased()
        guard scheme == "https" || scheme == "http" else { return false }
        let authority = authority(of: url, schemeEnd: colon)
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let host: Substring
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return false }
            host = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
            let rest = hostAndPort[hostAndPort.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && isPort(rest.dropFirst())) else { return false }
        } else {
            let parts = hostAndPort.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return false }
            host = parts[0]
            if parts.count == 2, !isPort(parts[1]) { return false }
        }
        return !host.isEmpty && !host.hasPrefix(".") && !host.contains("..")
    }

    /// What follows `scheme://` up to the path, query or fragment: `user@host:port`. `schemeEnd`
    /// is the colon, which ``isValid(_:)`` has seen followed by `//`.
    private static func authority(of url: String, schemeEnd colon: String.Index) -> Substring {
        url[url.index(colon, offsetBy: 3)...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }

    /// A port number a connection can use: 1 to 65535, in digits.
    private static func isPort(_ text: Substring) -> Bool {
        text.count <= 5 && text.allSatisfy { $0.isASCII && $0.isNumber } && (Int(text).map { (1...65535).contains($0) } ?? false)
    }

    /// An address fit to publish for the public to follow: ``isValid(_:)``, and besides a host
    /// with a domain (`www.council.gov.uk`, not `intranet`, nor an address in digits such as
    /// `10.0.0.1` or `[fd00::1]`, which a reader outside may not reach), no user name or password before the
    /// host, and none of the characters an address must carry percent-encoded (`<`, `>`, `"`,
    /// braces, `|`, `\`, `^`, a backquote), which a page or a reader would take for its end.
    public static func isPublishable(_ url: String) -> Bool {
        guard isValid(url), !url.contains(where: { "<>\"{}|\\^`".contains($0) }),
              let colon = url.firstIndex(of: ":") else { return false }
        let authority = authority(of: url, schemeEnd: colon)
        guard !authority.contains("@") else { return false }
        let host = authority.hasPrefix("[") ? authority : authority.split(separator: ":").first ?? ""
        let numeric = host.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
        return !host.hasPrefix("[") && !numeric && host.contains(".") && !host.hasSuffix(".")
    }

    /// A space, a control character or any other Unicode white space. ASCII is decided by value:
    /// Unicode's property tables are slow enough to show when a glossary's every address is checked.
    private static func isBlankOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x21: true  // C0 controls, and ASCII's white space (tab to carriage return, space)
        case 0x21..<0x7F: false
        case 0x7F..<0xA0: true  // DEL and the C1 controls
        default: scalar.properties.isWhitespace
        }
    }
}
