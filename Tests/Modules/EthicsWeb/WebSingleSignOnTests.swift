import EthicsCore
import EthicsHost
@testable import EthicsWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Signing in through the council's single-sign-on reverse proxy (`serve: trusted-proxy:`): its
/// user header is trusted from its pinned address and from nowhere else, names an account an
/// administrator added, and the signed-in account is the acting person of every write. Each rule
/// has a test that fails when it is taken out. These run over a real socket on 127.0.0.1, since
/// the rule turns on the peer's address.
@Suite struct WebSingleSignOnTests {
    /// The proxy on this machine: the tests' requests come from it.
    static let proxyHere = """
        serve:
          trusted-proxy:
            address: 127.0.0.1
            user-header: X-Remote-User
        """
    /// The proxy on another machine: the tests' requests, from 127.0.0.1, are not its.
    static let proxyElsewhere = """
        serve:
          trusted-proxy:
            address: 192.0.2.10
            user-header: X-Remote-User
        """

    /// A harness with two accounts that sign in only through single sign-on, beside the
    /// harness's password accounts (olivia, an officer; abdul, an approver).
    static func harness(_ configuration: String = proxyHere) throws -> WebHarness {
        let harness = try WebHarness(configuration: configuration)
        try harness.accounts.add(Account(name: "sam.jones", role: .officer, signOffRoles: [], passwordHash: nil))
        try harness.accounts.add(Account(name: "priya", role: .approver, signOffRoles: ["Data Protection Officer"], passwordHash: nil))
        return harness
    }

    /// What the proxy adds to every request of a person it has signed in.
    static func signedIn(_ name: String) -> HTTPFields {
        [HTTPField.Name("X-Remote-User")!: name]
    }

    @Test func theProxysHeaderSignsInItsAccountAndAWriteIsKeptUnderThatName() async throws {
        let harness = try Self.harness()
        try await harness.testLive { client in
            let sam = Browser(client, headers: Self.signedIn("sam.jones"))
            let home = try await sam.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Signed in as sam.jones through the council's single sign-on"), "\(home.text)")
            #expect(!home.text.contains("action=\"/logout\""), "signing out is the council's sign-in's business")
            let (response, id) = try await WebPagesTests.scan(sam)
            #expect(response.status == .ok, "\(response.text)")
            let recordID = try #require(id)
            let record = try #require(try await harness.session.register.fetch(recordID))
            #expect(record.author == "sam.jones")
        }
    }

    @Test func onlyAnApproverHoldingTheRoleMaySignOffThroughSingleSignOn() async throws {
        let harness = try Self.harness()
        try await harness.testLive { client in
            let sam = Browser(client, headers: Self.signedIn("sam.jones"))
            let id = try #require(try await WebPagesTests.scan(sam).1)
            let samsPage = try await sam.get("/records/\(id)")
            let refused = try await sam.post("/records/\(id)/approve", [("csrf", Browser.csrf(in: samsPage)), ("f.role", "Data Protection Officer")])
            #expect(refused.status == .forbidden, "an officer signs nothing off")

            let priya = Browser(client, headers: Self.signedIn("priya"))
            let csrf = Browser.csrf(in: try await priya.get("/records/\(id)"))
            let otherRole = try await priya.post("/records/\(id)/approve", [("csrf", csrf), ("f.role", "Ethics Board chair")])
            #expect(otherRole.status == .forbidden, "priya does not hold that role")
            let signed = try await priya.post("/records/\(id)/approve", [("csrf", csrf), ("version", "1"), ("f.role", "Data Protection Officer")])
            #expect(signed.status == .ok)
            let latest = try #require(try await harness.session.register.fetch(id))
            #expect(latest.status == "approved")
            #expect(latest.step?.by == "priya")
        }
    }

    @Test func theHeaderFromAnyAddressButTheProxysIsRefused() async throws {
        let harness = try Self.harness(Self.proxyElsewhere)
        try await harness.testLive { client in
            let forged = Browser(client, headers: Self.signedIn("sam.jones"))
            for path in ["/", "/records", "/login", "/health"] {
                #expect(try await forged.get(path).status == .forbidden, "\(path)")
            }
            let answer = try await forged.get("/")
            // Shown as a page (the apostrophe escaped), not as JSON.
            #expect(answer.text.contains("did not come from the council&#39;s sign-in proxy"), "\(answer.text)")
            #expect(answer.text.hasPrefix("<!doctype html>") && answer.text.contains("Not allowed"), "\(answer.text)")

            // Password sign-in still works from here, and the header is refused on top of it too.
            let olivia = Browser(client)
            #expect(try await olivia.signIn("olivia").status == .seeOther)
            #expect(try await olivia.get("/").status == .ok)
            let riding = Browser(client, headers: Self.signedIn("abdul"))
            riding.use(token: olivia.token)
            #expect(try await riding.get("/").status == .forbidden, "a session does not make the header trusted")
        }
    }

    @Test func aPeerWithNoKnownAddressIsNeverTheProxy() async throws {
        // In-process requests have no peer address at all.
        let harness = try Self.harness()
        try await harness.test { client in
            let response = try await Browser(client, headers: Self.signedIn("sam.jones")).get("/")
            #expect(response.status == .forbidden)
        }
    }

    @Test func aHeaderNamingNoAccountIsRefusedUntilAnAdministratorAddsIt() async throws {
        let harness = try Self.harness()
        try await harness.testLive { client in
            let stranger = Browser(client, headers: Self.signedIn("jo.bloggs"))
            let refused = try await stranger.get("/")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("there is no account of that name here"), "\(refused.text)")
            #expect(refused.text.contains("ethics users add"), "\(refused.text)")
            try harness.accounts.add(Account(name: "jo.bloggs", role: .officer, signOffRoles: [], passwordHash: nil))
            #expect(try await stranger.get("/").status == .ok)
        }
    }

    @Test func aSingleSignOnAccountCannotSignInWithAPassword() async throws {
        let harness = try Self.harness()
        try await harness.test { client in
            let browser = Browser(client)
            #expect(try await browser.signIn("sam.jones").status == .unauthorized)
            // Not even with the words of the decoy hash that stands in for a missing password.
            let decoy = try await browser.signIn("sam.jones", password: "no such account: a decoy to spend the same time")
            #expect(decoy.status == .unauthorized)
            #expect(decoy.text.contains("The name or the password is not right."))
            #expect(try await browser.get("/").status == .found)
        }
    }

    @Test func wrongPasswordsThroughTheProxyDoNotLockEveryoneOut() async throws {
        // Everyone behind the proxy shares its address; the rate limit still holds for each name.
        let harness = try Self.harness()
        try await harness.testLive { client in
            for number in 0..<5 {
                #expect(try await Browser(client).signIn("guess\(number)", password: "wrong password").status == .unauthorized)
            }
            #expect(try await Browser(client).signIn("olivia").status == .seeOther, "another person's password still works")
            for _ in 0..<5 { _ = try await Browser(client).signIn("abdul", password: "wrong password") }
            #expect(try await Browser(client).signIn("abdul").status == .tooManyRequests, "the name is still locked")
        }
    }

    @Test func aSessionTheProxyBeganCountsOnlyWhileTheProxyNamesTheSamePerson() async throws {
        let harness = try Self.harness()
        try await harness.testLive { client in
            let sam = Browser(client, headers: Self.signedIn("sam.jones"))
            #expect(try await sam.get("/").status == .ok)
            let token = try #require(sam.token)

            let withoutHeader = Browser(client)
            withoutHeader.use(token: token)
            let page = try await withoutHeader.get("/")
            #expect(page.status == .found, "the proxy no longer vouches for anyone")
            #expect(page.headers[.location] == "/login")

            let priya = Browser(client, headers: Self.signedIn("priya"))
            priya.use(token: token)
            let home = try await priya.get("/")
            #expect(home.text.contains("Signed in as priya"))
            #expect(priya.token != token, "a new session for the person the proxy now names")
        }
    }

    @Test func formsThroughTheProxyStillNeedTheCSRFTokenAndAPasswordCannotOverrideIt() async throws {
        let harness = try Self.harness()
        try await harness.testLive { client in
            let sam = Browser(client, headers: Self.signedIn("sam.jones"))
            _ = try await sam.get("/")
            let forged = try await sam.post("/plugins/consequence-scanning/scan", [("action", "continue"), ("f.title", "Forged")])
            #expect(forged.status == .forbidden)
            let csrf = Browser.csrf(in: try await sam.get("/plugins/consequence-scanning/scan"))
            let login = try await sam.post("/login", [("csrf", csrf), ("name", "olivia"), ("password", WebHarness.password)])
            #expect(login.status == .seeOther)
            #expect(try await sam.get("/").text.contains("Signed in as sam.jones"), "still the person the proxy names")
        }
    }
}
