import EthicsDiagnostics
import EthicsYAML
import Foundation
import Glibc

/// The council's single-sign-on reverse proxy, as `ethics serve` trusts it: requests from
/// `address`, and only from it, are signed in as the account named in their `userHeader`.
public struct TrustedProxy: Sendable, Hashable {
    /// The proxy's IP address, as written (an IPv4 or IPv6 literal).
    public var address: String
    /// The header the proxy sets to the name of the person it has signed in.
    public var userHeader: String

    public init(address: String, userHeader: String) {
        self.address = address
        self.userHeader = userHeader
    }

    /// Whether `peer` (a connection's remote address) is the proxy: the same address, whether
    /// written as IPv4, or as IPv4 mapped into IPv6 on a dual-stack socket.
    public func isProxy(_ peer: String?) -> Bool {
        guard let peer, let mine = Self.bytes(of: address), let theirs = Self.bytes(of: peer) else { return false }
        return mine == theirs
    }

    /// The 16 bytes of an IPv6 address, IPv4 mapped into IPv6 (`::ffff:a.b.c.d`); nil when
    /// `text` is not an IP literal. A zone (`fe80::1%eth0`) is not accepted.
    static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return [UInt8](repeating: 0, count: 10) + [0xFF, 0xFF] + withUnsafeBytes(of: &v4.s_addr) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }

    public static func isIPAddress(_ text: String) -> Bool { bytes(of: text) != nil }

    /// Whether `name` is an HTTP field name (RFC 9110: a token of visible ASCII, no separators).
    public static func isFieldName(_ name: String) -> Bool {
        let extra = Set("!#$%&'*+-.^_`|~".utf8)
        return !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || extra.contains(byte)
        }
    }

    /// Headers every request has for its own reasons: trusting one of them to name a person
    /// would let anyone who can send that header sign in.
    static let reservedHeaders: Set<String> = [
        "host", "cookie", "content-type", "content-length", "transfer-encoding", "connection", "user-agent", "accept",
        "origin", "referer", "x-forwarded-for", "forwarded",
    ]
}

/// The `serve:` section of a configuration, as written: how `ethics serve` meets people.
///
/// ```yaml
/// serve:
///   trusted-proxy:                 # optional: the council's single-sign-on reverse proxy
///     address: 127.0.0.1           # its IP address, pinned: no other peer's header is trusted
///     user-header: X-Remote-User   # the header it sets to the signed-in person's account name
/// ```
struct ServeSettings: Decodable {
    var trustedProxy: TrustedProxySettings?

    struct TrustedProxySettings: Decodable {
        var address: Located<String>?
        var userHeader: Located<String>?

        enum CodingKeys: String, CodingKey {
            case address
            case userHeader = "user-header"
        }
    }

    enum CodingKeys: String, CodingKey {
        case trustedProxy = "trusted-proxy"
    }

    /// The proxy `ethics serve` trusts, or nil. Every problem is collected with its position; with
    /// any, nothing is trusted (and the run refuses to start, since the configuration has problems).
    static func resolve(_ settings: ServeSettings?, node: YAMLNode?, problems: inout DiagnosticCollector) -> TrustedProxy? {
        // A section that is not a mapping is reported by the decoder, at its position.
        guard let proxyNode = node?["trusted-proxy"], proxyNode.kind == .mapping, let proxy = settings?.trustedProxy else {
            if let proxyNode = node?["trusted-proxy"], proxyNode.isNull {
                problems.append(.error(
                    "'trusted-proxy' has nothing under it", at: proxyNode.location, keyPath: "serve.trusted-proxy",
                    suggestion: "give the proxy's 'address:' and 'user-header:' indented under it, or remove the line"))
            }
            return nil
        }
        // A missing setting is reported at the 'trusted-proxy' key, where it belongs.
        let place = node?.entries.first { $0.key.text == "trusted-proxy" }?.key.location ?? proxyNode.location
        let before = problems.diagnostics.count
        var address: String?
        if let written = proxy.address {
            let text = written.value.trimmingCharacters(in: .whitespaces)
            if TrustedProxy.isIPAddress(text) {
                address = text
            } else {
                problems.append(.error(
                    "'\(written.value)' is not an IP address; the proxy is pinned by its address, such as 127.0.0.1 or \"::1\"",
                    at: written.location, keyPath: "serve.trusted-proxy.address",
                    suggestion: "write the proxy's own IPv4 or IPv6 address, not a host name or a range"))
            }
        } else {
            problems.append(.error(
                "the trusted proxy needs its 'address': only requests from that address are trusted", at: place,
                keyPath: "serve.trusted-proxy.address", suggestion: "add address: 127.0.0.1 (the proxy's own address)"))
        }
        var header: String?
        if let written = proxy.userHeader {
            let text = written.value
            if !TrustedProxy.isFieldName(text) {
                problems.append(.error(
                    "'\(text)' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~, no spaces or colons)",
                    at: written.location, keyPath: "serve.trusted-proxy.user-header", suggestion: "such as X-Remote-User"))
            } else if TrustedProxy.reservedHeaders.contains(text.lowercased()) {
                problems.append(.error(
                    "'\(text)' is a header every browser or proxy sends for its own reasons; it cannot name the signed-in person",
                    at: written.location, keyPath: "serve.trusted-proxy.user-header",
                    suggestion: "use the header the proxy sets to the user's name, such as X-Remote-User"))
            } else {
                header = text
            }
        } else {
            problems.append(.error(
                "the trusted proxy needs its 'user-header': the header it sets to the signed-in person's name",
                at: place, keyPath: "serve.trusted-proxy.user-header", suggestion: "add user-header: X-Remote-User"))
        }
        guard problems.diagnostics.count == before, let address, let header else { return nil }
        return TrustedProxy(address: address, userHeader: header)
    }
}
