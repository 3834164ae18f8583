import EthicsCore
import EthicsHost
@testable import EthicsWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The server's security rules, each with a test that fails when the rule is taken out: sign-in
/// required, CSRF tokens on every POST, session cookies and their expiry, the sign-in rate limit,
/// and the headers every response carries.
@Suite struct WebSecurityTests {
    @Test func everyPageButSignInNeedsASignedInPerson() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            #expect(try await browser.get("/").headers[.location] == "/login")
            for path in ["/records", "/records/due", "/plugins/glossary/search?f.query=data"] {
                let response = try await browser.get(path)
                #expect(response.status == .found, "\(path)")
                #expect(response.headers[.location] == "/login?next=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                        "\(path)")
            }
            #expect(try await browser.get("/health").status == .ok)
            #expect(try await browser.get("/login").status == .ok)
        }
    }

    @Test func signingInWithTheRightPasswordOpensTheHomePage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            let response = try await browser.signIn("olivia")
            #expect(response.status == .seeOther)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Signed in as olivia"))
            #expect(home.text.contains("Testshire Council"))
        }
    }

    /// A link followed while signed out (a record sent by email) is where signing in leads, and
    /// only ever to a page of this server.
    @Test func signingInLeadsBackToThePageAskedFor() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            let asked = try await browser.get("/records/due")
            let login = try await browser.get(try #require(asked.headers[.location]))
            #expect(login.text.contains(#"<input type="hidden" name="next" value="/records/due">"#), "\(login.text)")
            let signedIn = try await browser.post("/login", [
                ("csrf", Browser.csrf(in: login)), ("next", "/records/due"), ("name", "olivia"), ("password", WebHarness.password),
            ])
            #expect(signedIn.headers[.location] == "/records/due")
            for elsewhere in ["//evil.example/", "https://evil.example/", "/\\evil.example"] {
                let other = Browser(client)
                let page = try await other.get("/login")
                let response = try await other.post("/login", [
                    ("csrf", Browser.csrf(in: page)), ("next", elsewhere), ("name", "olivia"), ("password", WebHarness.password),
                ])
                #expect(response.headers[.location] == "/", "\(elsewhere)")
            }
        }
    }

    /// One name, however the keyboard composed its accented letters.
    @Test func anAccentedNameSignsInInEitherUnicodeForm() async throws {
        let harness = try WebHarness()
        try harness.accounts.add(Account(
            name: "Zo\u{00EB} Smith", role: .officer, signOffRoles: [], passwordHash: Passwords.hash(WebHarness.password, cost: 4)))
        try await harness.test { client in
            let decomposed = try await Browser(client).signIn("Zoe\u{0308} Smith")
            #expect(decomposed.status == .seeOther)
        }
    }

    @Test func aWrongPasswordAndAnUnknownNameGetTheSameAnswer() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let wrong = try await Browser(client).signIn("olivia", password: "not the password")
            let nobody = try await Browser(client).signIn("nobody", password: "not the password")
            #expect(wrong.status == .unauthorized)
            #expect(nobody.status == .unauthorized)
            #expect(wrong.text.contains("The name or the password is not right."))
            #expect(nobody.text.contains("The name or the password is not right."))
        }
    }

    // MARK: - CSRF

    @Test func aPostWithoutTheSessionsCSRFTokenIsRefused() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let missing = try await browser.post("/logout", [])
            #expect(missing.status == .forbidden)
            let wrong = try await browser.post("/logout", [("csrf", "forged-token-of-the-same-shape-1234567890abc")])
            #expect(wrong.status == .forbidden)
            #expect(try await browser.get("/").status == .ok, "still signed in: the forged sign-out did nothing")
            let right = try await browser.post("/logout", [("csrf", try await browser.csrf())])
            #expect(right.status == .seeOther)
            #expect(try await browser.get("/").status == .found, "signed out")
        }
    }

    @Test func signingInItselfNeedsTheCSRFTokenOfTheSignInPage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            _ = try await browser.get("/login")
            let response = try await browser.post("/login", [("name", "olivia"), ("password", WebHarness.password)])
            #expect(response.status == .forbidden)
            #expect(try await browser.get("/").status == .found)
        }
    }

    @Test func aTokenFromAnotherSessionDoesNotWork() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let olivia = Browser(client)
            try await olivia.signIn("olivia")
            let abdul = Browser(client)
            try await abdul.signIn("abdul")
            let stolen = try await olivia.csrf()
            #expect(try await abdul.post("/logout", [("csrf", stolen)]).status == .forbidden)
        }
    }

    // MARK: - Sessions

    @Test func theSessionCookieIsHttpOnlyStrictAndExpires() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            let login = try await browser.get("/login")
            let csrf = Browser.csrf(in: login)
            let response = try await browser.post("/login", [("csrf", csrf), ("name", "olivia"), ("password", WebHarness.password)])
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix(SessionMiddleware.cookieName) })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Max-Age=28800"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "plain HTTP on localhost: a Secure cookie would never come back")
        }
    }

    @Test func behindTLSTheSessionCookieIsSecure() async throws {
        let harness = try WebHarness(secureCookies: true)
        try await harness.test { client in
            let response = try await Browser(client).signIn("olivia")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix(SessionMiddleware.cookieName) })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func signingInStartsANewSessionSoATokenPlantedBeforeIsWorthless() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            _ = try await browser.get("/login")
            let before = try #require(browser.token)
            try await browser.signIn("olivia")
            #expect(browser.token != before)
            browser.use(token: before)
            #expect(try await browser.get("/").status == .found, "the pre-sign-in session is not signed in")
        }
    }

    @Test func aSessionEndsAfterAnHourIdleAndAfterEightHoursInAll() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            harness.clock.advance(3599)
            #expect(try await browser.get("/").status == .ok)
            harness.clock.advance(3601)
            #expect(try await browser.get("/").status == .found, "idle for more than an hour")

            try await browser.signIn("olivia")
            for _ in 0..<9 {
                harness.clock.advance(3000)
                #expect(try await browser.get("/").status == .ok)
            }
            harness.clock.advance(3000)
            #expect(try await browser.get("/").status == .found, "more than eight hours since signing in")
        }
    }

    @Test func removingAnAccountSignsItOut() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let removed = try harness.accounts.remove(named: "olivia")
            #expect(removed)
            #expect(try await browser.get("/").status == .found)
        }
    }

    @Test func aNewPasswordSignsOutEverySessionBegunWithTheOld() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            #expect(try await browser.get("/").status == .ok)
            var account = try #require(try harness.accounts.account(named: "olivia"))
            account.passwordHash = Passwords.hash("a brand new password", cost: 4)
            try harness.accounts.update(account)
            #expect(try await browser.get("/").status == .found, "the old session no longer counts")
        }
    }

    // MARK: - Rate limit

    @Test func fiveWrongPasswordsLockTheNameForFifteenMinutes() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            for _ in 0..<5 {
                #expect(try await Browser(client).signIn("olivia", password: "wrong password").status == .unauthorized)
            }
            let locked = try await Browser(client).signIn("olivia")
            #expect(locked.status == .tooManyRequests, "even the right password waits")
            #expect(locked.text.contains("Too many attempts to sign in. Try again in 15 minutes."))
            #expect(try await Browser(client).signIn("abdul").status == .seeOther, "other people are not locked out")
            harness.clock.advance(901)
            #expect(try await Browser(client).signIn("olivia").status == .seeOther)
        }
    }

    /// One person mistyping from a shared address (an office router, the TLS proxy) locks
    /// their own name only; many names tried from one address lock the address.
    @Test func aSharedAddressIsLockedOnlyByManyFailures() {
        let throttle = LoginThrottle(limit: 5, window: 900)
        let office = "192.0.2.10"
        for _ in 0..<5 { throttle.failed(LoginThrottle.keys(name: "Amira", address: office)) }
        #expect(throttle.wait(for: LoginThrottle.keys(name: "amira", address: "192.0.2.99")) != nil, "the name is locked wherever it is tried")
        #expect(throttle.wait(for: LoginThrottle.keys(name: "olu", address: office)) == nil, "a colleague at the same address is not")
        for attempt in 0..<45 { throttle.failed(LoginThrottle.keys(name: "name\(attempt)", address: office)) }
        #expect(throttle.wait(for: LoginThrottle.keys(name: "olu", address: office)) != nil, "fifty names tried from one address lock it")
        #expect(throttle.wait(for: LoginThrottle.keys(name: "olu", address: "192.0.2.11")) == nil)
    }

    @Test func aFormTooLargeToTakeGetsAPageSayingSo() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            let response = try await browser.post("/login", [("name", "olivia"), ("password", String(repeating: "a", count: 300_000))])
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("What was sent is larger than this server takes (256 KB); nothing was kept."), "\(response.text.prefix(300))")
        }
    }

    // MARK: - Headers and escaping

    @Test func everyResponseForbidsScriptFramingAndSniffing() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            for response in [try await browser.get("/login"), try await browser.get("/"), try await browser.post("/logout", [])] {
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("script-src 'none'"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("default-src 'none'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
            let page = try await browser.get("/login")
            #expect(!page.text.contains("<script"), "no script on any page")
        }
    }

    @Test func theStylesheetHashInThePolicyIsThatOfThePagesStyle() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let page = try await Browser(client).get("/login")
            let html = page.text
            let style = try #require(html.range(of: "<style>").flatMap { open in html.range(of: "</style>", range: open.upperBound..<html.endIndex).map { html[open.upperBound..<$0.lowerBound] } })
            let policy = page.headers[.contentSecurityPolicy] ?? ""
            #expect(policy.contains(try PageComposer(renderer: harness.session.renderer, recordKinds: []).styleHash()))
            #expect(!style.isEmpty)
        }
    }

    @Test func whatPeopleTypeIsEscapedOnThePage() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let page = try await browser.get("/plugins/glossary/search?f.query=" + Browser.encode("<script>alert(1)</script>"))
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert(1)"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}

@Suite struct WebLinkTests {
    @Test func recordIdsAreKeptAndAnythingElseIsEncodedInLinks() {
        #expect(WebServer.pathComponent("dec-2026-0001") == "dec-2026-0001")
        #expect(WebServer.pathComponent("a/b?c") == "a%2Fb%3Fc")
        #expect(WebServer.pathComponent("..") == "%2E%2E")
    }
}
