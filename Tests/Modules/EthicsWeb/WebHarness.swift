import CanvasBuilder
import CodeMapper
import ConsequenceScanning
import DecisionFlowchart
import EthicsCore
import EthicsHost
import EthicsTestSupport
@testable import EthicsWeb
import Foundation
import Glossary
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import TransparencyRecord

/// A server over the shipped configuration, with a register and accounts in a temporary
/// workspace and clocks the tests move, driven in-process through HummingbirdTesting.
struct WebHarness {
    /// Every plugin the shipped configuration enables (as Modules/EthicsCLI's generated registry has them).
    static let plugins: [any EthicsPlugin.Type] = [
        CanvasBuilderPlugin.self, CodeMapperPlugin.self, ConsequenceScanningPlugin.self, DecisionFlowchartPlugin.self, GlossaryPlugin.self,
        TransparencyRecordPlugin.self,
    ]
    static let password = "correct horse battery"

    let directory: TemporaryDirectory
    let session: HostSession
    let accounts: SQLiteAccountStore
    let clock = TestClock()
    let sessions: Sessions
    let throttle: LoginThrottle
    let server: WebServer

    /// `configuration`: more of the council's configuration, such as a `serve:` section.
    init(secureCookies: Bool = false, configuration: String = "") throws {
        directory = try TemporaryDirectory(prefix: "ethics-web")
        let root = CommandRunner.repositoryRoot.path
        let configPath = try directory.write("""
            extends: default
            council: {id: testshire, name: Testshire Council}
            sign-off-roles: [Data Protection Officer, Ethics Board chair]

            """ + configuration, to: "council/testshire.yaml")
        let environment = ["HOME": directory.path, "XDG_DATA_HOME": directory.path + "/data", "ETHICS_HOME": root]
        let loader = ConfigLoader(environment: environment, toolkitHome: root, compiledPluginIDs: Self.plugins.map { $0.descriptor.id })
        let config = try loader.load(configPath)
        guard config.problems.isEmpty else { throw HarnessError(message: "\(config.problems)") }
        let (output, _) = OutputSink.buffer()
        session = HostSession(config: config, registry: PluginRegistry(Self.plugins), output: output, errors: output, environment: environment)
        accounts = try SQLiteAccountStore(workspace: config.workspace)
        // The lowest cost bcrypt allows: the tests check the rules, not the hash's strength.
        try accounts.add(Account(name: "olivia", role: .officer, signOffRoles: [], passwordHash: Passwords.hash(Self.password, cost: 4)))
        try accounts.add(Account(name: "abdul", role: .approver, signOffRoles: ["Data Protection Officer"], passwordHash: Passwords.hash(Self.password, cost: 4)))
        let now = clock
        sessions = Sessions(lifetime: 8 * 3600, idleTimeout: 3600, now: { now.now })
        throttle = LoginThrottle(limit: 5, window: 900, now: { now.now })
        server = try WebServer(session: session, accounts: accounts, sessions: sessions, throttle: throttle, secureCookies: secureCookies)
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(.router) { client in try await body(client) }
    }

    /// `body` with a browser signed in as `name`: how most page tests begin.
    func signedIn(as name: String, _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        try await test { client in
            let browser = Browser(client)
            try await browser.signIn(name)
            try await body(browser)
        }
    }

    /// The same, over a real socket on 127.0.0.1: the server sees the peer's address, which
    /// in-process requests do not have (single sign-on trusts a header by its sender's address).
    func testLive(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body(client) }
    }

    struct HarnessError: Error { let message: String }
}

/// A clock the tests move forward.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_772_359_200))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// What a browser keeps between requests: the session cookie.
final class Browser: Sendable {
    private let cookie = Mutex<String?>(nil)
    let client: any TestClientProtocol
    /// Headers sent with every request, as a proxy in front of the server would add them.
    let headers: HTTPFields

    init(_ client: any TestClientProtocol, headers: HTTPFields = [:]) {
        self.client = client
        self.headers = headers
    }

    var token: String? { cookie.withLock { $0 } }

    func forget() { cookie.withLock { $0 = nil } }

    func use(token: String?) { cookie.withLock { $0 = token } }

    @discardableResult
    func get(_ uri: String) async throws -> TestResponse {
        try await send(uri, method: .get, body: nil)
    }

    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    private func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.cookie] = "\(SessionMiddleware.cookieName)=\(token)" }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if pair.count == 2, pair[0] == SessionMiddleware.cookieName[...] {
                cookie.withLock { $0 = pair[1].isEmpty ? nil : String(pair[1]) }
            }
        }
        return response
    }

    /// The CSRF token of the first form on `page`.
    static func csrf(in page: TestResponse) -> String {
        value(of: "csrf", in: page)
    }

    /// The value of the first hidden field `name` on `page` (the version a step form was shown).
    static func value(of name: String, in page: TestResponse) -> String {
        let html = String(buffer: page.body)
        guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return "" }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// Signs in as `name`, returning the page the sign-in answered with.
    @discardableResult
    func signIn(_ name: String, password: String = WebHarness.password) async throws -> TestResponse {
        let login = try await get("/login")
        return try await post("/login", [("csrf", Self.csrf(in: login)), ("name", name), ("password", password)])
    }

    /// A page's CSRF token, read off the home page.
    func csrf() async throws -> String {
        Self.csrf(in: try await get("/"))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
