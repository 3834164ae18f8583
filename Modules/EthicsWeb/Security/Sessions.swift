import Foundation
import Synchronization

/// The server's sessions, in memory: a random token in a cookie names one, which holds who signed
/// in (nobody yet, on the sign-in page), the CSRF token every form of the session carries, and
/// when it ends. A restart signs everyone out, which is the safe way round.
///
/// Rules kept here, each with a test that fails without it (EthicsWebTests):
/// - a session ends `lifetime` after it began, whatever happens in it (absolute expiry), and
///   after `idleTimeout` without a request;
/// - signing in starts a new session (a token known before signing in is worthless after);
/// - signing out ends it on the server, not only in the browser;
/// - a new password ends every session begun with the old one;
/// - a session begun on the word of the council's single-sign-on proxy (`viaProxy`) counts only
///   while the proxy keeps naming the same person (SessionMiddleware checks that on every request).
final class Sessions: Sendable {
    struct Session: Sendable, Hashable {
        var token: String
        /// The signed-in account's name; nil before signing in.
        var user: String?
        /// The synchroniser token every form of this session must send back.
        var csrf: String
        /// Whether the trusted single-sign-on proxy signed this session in, rather than a password.
        var viaProxy = false
        /// The account's password hash when it signed in: a new password (`ethics users passwd`)
        /// ends every session begun with the old one.
        var credential: String?
        var started: Date
        var lastSeen: Date
    }

    let lifetime: TimeInterval
    let idleTimeout: TimeInterval
    private let now: @Sendable () -> Date
    private let table = Mutex<[String: Session]>([:])

    init(lifetime: TimeInterval = 8 * 3600, idleTimeout: TimeInterval = 3600, now: @escaping @Sendable () -> Date = { Date() }) {
        self.lifetime = lifetime
        self.idleTimeout = idleTimeout
        self.now = now
    }

    /// The live session named by `token`, seen now; nil when there is none or it has expired.
    func session(_ token: String?) -> Session? {
        guard let token, !token.isEmpty else { return nil }
        let now = now()
        return table.withLock { table in
            guard var session = table[token] else { return nil }
            guard now.timeIntervalSince(session.started) < lifetime, now.timeIntervalSince(session.lastSeen) < idleTimeout else {
                table[token] = nil
                return nil
            }
            session.lastSeen = now
            table[token] = session
            return session
        }
    }

    /// A new session for `user` (nil: not signed in yet), with fresh tokens.
    func start(user: String?, viaProxy: Bool = false, credential: String? = nil) -> Session {
        let now = now()
        let session = Session(
            token: Self.randomToken(), user: user, csrf: Self.randomToken(), viaProxy: viaProxy, credential: credential,
            started: now, lastSeen: now)
        table.withLock { table in
            // Forget expired sessions as new ones start, so the table cannot grow without bound.
            if table.count > 1000 {
                table = table.filter { now.timeIntervalSince($0.value.started) < lifetime && now.timeIntervalSince($0.value.lastSeen) < idleTimeout }
            }
            table[session.token] = session
        }
        return session
    }

    func end(_ token: String) {
        _ = table.withLock { $0.removeValue(forKey: token) }
    }

    /// Ends every session of `user` (their account was removed).
    func end(user: String) {
        table.withLock { table in table = table.filter { $0.value.user != user } }
    }

    /// 32 random bytes from the system's generator, as URL-safe base64 (fit for a cookie).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

/// The sign-in rate limit: after `limit` failed attempts for one account name within `window`,
/// further attempts for that name are refused until the oldest failure leaves the window; after
/// `addressLimit` failures from one address (whatever the names), attempts from it are. The
/// address limit is ten times the name's, because a council office behind one router, or
/// everyone behind the TLS proxy, shares an address: one person's mistyping must not lock out
/// the office, while trying many names from one place still is. Successful sign-ins do not
/// count; a success clears the account's failures.
final class LoginThrottle: Sendable {
    let limit: Int
    let addressLimit: Int
    let window: TimeInterval
    private let now: @Sendable () -> Date
    private let failures = Mutex<[String: [Date]]>([:])

    init(limit: Int = 5, addressLimit: Int? = nil, window: TimeInterval = 15 * 60, now: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = limit
        self.addressLimit = addressLimit ?? limit * 10
        self.window = window
        self.now = now
    }

    /// The keys an attempt counts under: the name it was for, and the address it came from when
    /// that is known (not the single-sign-on proxy's, which everyone shares).
    static func keys(name: String, address: String?) -> [String] {
        ["name:" + name.lowercased()] + (address.map { ["address:" + $0] } ?? [])
    }

    /// Seconds until another attempt is allowed for any of `keys`, or nil when it is allowed now.
    func wait(for keys: [String]) -> Int? {
        let now = now()
        return failures.withLock { failures in
            var longest: TimeInterval?
            for key in keys {
                let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
                failures[key] = recent.isEmpty ? nil : recent
                let limit = key.hasPrefix("address:") ? addressLimit : limit
                if recent.count >= limit, let oldest = recent.dropLast(limit - 1).last {
                    longest = max(longest ?? 0, window - now.timeIntervalSince(oldest))
                }
            }
            return longest.map { max(1, Int($0.rounded(.up))) }
        }
    }

    func failed(_ keys: [String]) {
        let now = now()
        failures.withLock { failures in
            if failures.count > 10_000 { failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            for key in keys { failures[key, default: []].append(now) }
        }
    }

    func succeeded(_ key: String) {
        _ = failures.withLock { $0.removeValue(forKey: key) }
    }
}
