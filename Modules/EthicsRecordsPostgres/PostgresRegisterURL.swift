import EthicsCore
import Foundation

/// Where a council's PostgreSQL register is and how to reach it: `postgres://USER@HOST:PORT/DATABASE`
/// as libpq writes it, with the password and TLS kept apart from the URL.
///
/// The password never travels in a configuration file: it comes from a file readable only by its
/// owner (`password-file:`), from `ETHICS_REGISTER_PASSWORD`, or (in `ETHICS_REGISTER_URL` only,
/// which is itself an environment variable) from the URL. ``description`` never shows it.
public struct PostgresRegisterURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    /// The password, wherever it came from; never printed.
    public var password: String?
    public var tls: TLS

    /// How the connection is protected, named as libpq's `sslmode` names them.
    public enum TLS: Sendable, Hashable {
        /// No TLS: only for a server on this machine (loopback), or a network the council trusts.
        case disable
        /// Encrypted, but the server's certificate is not checked.
        case require
        /// Encrypted, and the server's certificate must chain to `caFile` (or the system's trusted
        /// roots when nil) and name the host.
        case verifyFull(caFile: String?)

        public var mode: String {
            switch self {
            case .disable: "disable"
            case .require: "require"
            case .verifyFull: "verify-full"
            }
        }

        public static let modes = ["disable", "require", "verify-full"]
    }

    public init(host: String, port: Int = 5432, user: String, database: String, password: String? = nil, tls: TLS) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.password = password
        self.tls = tls
    }

    /// The URL as it may be printed: never the password.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(Self.escape(user))@\(shownHost):\(port)/\(Self.escape(database))"
    }

    /// Whether the host is this machine, where TLS protects nothing.
    public var isLoopback: Bool {
        WebAddress.isLoopback(host: host)
    }

    /// A URL's text read into its parts.
    public struct Parsed: Sendable, Hashable {
        public var host: String
        public var port: Int
        public var user: String
        public var database: String
        /// The password written in the URL, if any (allowed only where the URL is not in a file).
        public var password: String?
        /// `sslmode` and `sslrootcert` from the query, if any.
        public var sslMode: String?
        public var sslRootCert: String?
    }

    /// Reads `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…&sslrootcert=…]`
    /// (`postgresql://` too). Throws a message that never repeats a password.
    public static func parse(_ text: String) throws(URLProblem) -> Parsed {
        let schemes = ["postgres://", "postgresql://"]
        guard let scheme = schemes.first(where: { text.hasPrefix($0) }) else {
            throw URLProblem("the register's URL must start with postgres://, like postgres://ethics@db.example:5432/ethics")
        }
        var rest = Substring(text.dropFirst(scheme.count))
        if rest.contains("#") {
            throw URLProblem("the register's URL has a '#' in it; a URL for the register has no #fragment (write a # in a name as %23)")
        }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else {
            throw URLProblem("the register's URL names no database: add /DATABASE after the host, like postgres://ethics@db.example:5432/ethics")
        }
        let authority = rest[..<slash]
        let databaseText = rest[rest.index(after: slash)...]
        guard !databaseText.isEmpty, !databaseText.contains("/") else {
            throw URLProblem("the register's URL names no database: add /DATABASE after the host, like postgres://ethics@db.example:5432/ethics")
        }
        guard let database = unescape(databaseText) else {
            throw URLProblem("the register's URL has a % in its database name that is not %XX with two hex digits (write % itself as %25)")
        }
        guard let at = authority.lastIndex(of: "@") else {
            throw URLProblem("the register's URL names no user: write it as postgres://USER@HOST:PORT/DATABASE")
        }
        let userInfo = authority[..<at]
        let hostPort = authority[authority.index(after: at)...]
        var password: String?
        var userText = userInfo
        if let colon = userInfo.firstIndex(of: ":") {
            userText = userInfo[..<colon]
            password = unescape(userInfo[userInfo.index(after: colon)...])
        }
        guard !userText.isEmpty, let user = unescape(userText) else {
            throw URLProblem("the register's URL names no user: write it as postgres://USER@HOST:PORT/DATABASE")
        }
        var host = hostPort
        var port = 5432
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { throw URLProblem("the register's URL has an unclosed [ in its host") }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let after = hostPort[hostPort.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()) else {
                    throw URLProblem("the register's URL has a port that is not a number")
                }
                port = number
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = hostPort[..<colon]
            guard let number = Int(hostPort[hostPort.index(after: colon)...]) else {
                throw URLProblem("the register's URL has a port that is not a number")
            }
            port = number
        }
        guard !host.isEmpty else { throw URLProblem("the register's URL names no host: write it as postgres://USER@HOST:PORT/DATABASE") }
        guard (1...65535).contains(port) else { throw URLProblem("the register's URL has port \(port); a port is from 1 to 65535") }
        var parsed = Parsed(host: String(host), port: port, user: user, database: database, password: password)
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            let value = parts.count > 1 ? unescape(parts[1]) ?? "" : ""
            switch key {
            case "sslmode":
                guard TLS.modes.contains(value) else {
                    throw URLProblem("sslmode=\(value) is not a TLS mode the register uses; use one of \(TLS.modes.joined(separator: ", "))")
                }
                parsed.sslMode = value
            case "sslrootcert":
                parsed.sslRootCert = value
            default:
                throw URLProblem("the register's URL has '\(key)' in its query; only sslmode and sslrootcert are understood")
            }
        }
        return parsed
    }

    /// A URL problem, worded for the user; never holds a password.
    public struct URLProblem: Error, Sendable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    private static func unescape(_ text: Substring) -> String? {
        String(text).removingPercentEncoding
    }

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed.subtracting(CharacterSet(charactersIn: ":@/"))) ?? text
    }
}
