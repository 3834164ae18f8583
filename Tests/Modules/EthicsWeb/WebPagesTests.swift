import EthicsCore
import EthicsHost
@testable import EthicsWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The pages people use: plugin operations from the plugin contract alone, the register, and the
/// lifecycle steps, each kept under the signed-in person.
@Suite struct WebPagesTests {
    @Test func theHomePageListsEveryEnabledPluginsOperations() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let home = try await browser.get("/").text
            for path in ["/plugins/glossary/search", "/plugins/decision-flowchart/walk", "/plugins/consequence-scanning/scan", "/records/due"] {
                #expect(home.contains("href=\"\(path)\""), "\(path)")
            }
        }
    }

    @Test func glossarySearchIsAGetFormWithResultsFromTheRenderer() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let empty = try await browser.get("/plugins/glossary/search")
            #expect(empty.text.contains("method=\"get\""))
            #expect(!empty.text.contains("name=\"csrf\" value=\"\""))
            let page = try await browser.get("/plugins/glossary/search?f.query=fairness")
            #expect(page.status == .ok)
            #expect(page.text.contains("Glossary search: fairness"))
            #expect(page.text.contains("<dt"), "the hits, as the renderer writes definitions")
            #expect(page.text.contains("value=\"fairness\""), "the search box keeps the query")
        }
    }

    @Test func anEmptySearchIsRefusedWithTheCommandLinesMessage() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let page = try await browser.get("/plugins/glossary/search?f.query=")
            #expect(page.status == .badRequest)
            #expect(page.text.contains("&#39;What to look for&#39; needs an answer"))
        }
    }

    /// Keeps a consequence scan through the generic operation pages; returns its record id.
    static func scan(_ browser: Browser, reviewBy: String = "2026-03-20") async throws -> (TestResponse, String?) {
        let form = try await browser.get("/plugins/consequence-scanning/scan")
        let csrf = Browser.csrf(in: form)
        let response = try await browser.post("/plugins/consequence-scanning/scan", [
            ("csrf", csrf), ("action", "continue"), ("f.title", "Housing repairs model"), ("f.review-by", reviewBy),
            ("f.consequences.count", "1"), ("f.consequences.1.description", "Quiet tenants wait longer"),
            ("f.consequences.1.intended", "unintended"), ("f.consequences.1.effect", "negative"),
            ("f.consequences.1.response", "act"), ("f.consequences.1.owner", "Repairs manager"),
        ])
        let id = response.text.range(of: "csc-\\d{4}-\\d{4}", options: .regularExpression).map { String(response.text[$0]) }
        return (response, id)
    }

    @Test func aScanIsKeptUnderTheSignedInPerson() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let (response, id) = try await Self.scan(browser)
            #expect(response.status == .ok, "\(response.text)")
            let recordID = try #require(id)
            let record = try #require(try await harness.session.register.fetch(recordID))
            #expect(record.author == "olivia")
            #expect(record.kind == "scan")
        }
    }

    @Test func aBadDateGetsTheCommandLinesMessageAndKeepsNothing() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let (response, _) = try await Self.scan(browser, reviewBy: "31/03/2027")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("must be a date written YYYY-MM-DD, e.g. 2027-03-31, not &#39;31/03/2027&#39;"))
            #expect(response.text.contains("href=\"#f.review-by\""), "the error summary links to the field")
            #expect(response.text.contains("value=\"Quiet tenants wait longer\""), "what was typed is kept")
            #expect(try await harness.session.register.latestVersions(kind: nil).isEmpty)
        }
    }

    @Test func addAnotherShowsOneMoreItem() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let form = try await browser.get("/plugins/consequence-scanning/scan")
            let page = try await browser.post("/plugins/consequence-scanning/scan", [
                ("csrf", Browser.csrf(in: form)), ("action", "add:f.consequences"), ("f.title", "Kept"),
                ("f.consequences.count", "1"), ("f.consequences.1.description", "First"),
            ])
            #expect(page.text.contains("Consequence 2"))
            #expect(page.text.contains("value=\"First\""))
            #expect(page.text.contains("value=\"Kept\""))
        }
    }

    @Test func aDecisionIsWalkedOneNodeAPageWithBackAndKeptUnderTheSignedInPerson() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            func progress(_ page: TestResponse) -> String {
                let html = page.text
                guard let start = html.range(of: "name=\"progress\" value=\"") else { return "" }
                return String(html[start.upperBound...].prefix { $0 != "\"" })
                    .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            }
            let path = "/plugins/decision-flowchart/walk"
            var page = try await browser.get(path)
            let csrf = Browser.csrf(in: page)
            page = try await browser.post(path, [("csrf", csrf), ("action", "continue"), ("f.title", "Renew the parking contract")])
            #expect(page.text.contains("Is there an ethical issue?") || page.text.contains("Could the proposal help or harm someone"))
            page = try await browser.post(path, [("csrf", csrf), ("progress", progress(page)), ("action", "continue"), ("f.choice", "no-issue")])
            #expect(page.text.contains("Say why nobody could be helped"))
            // Back returns to the question.
            let back = try await browser.post(path, [("csrf", csrf), ("progress", progress(page)), ("action", "back")])
            #expect(back.text.contains("Could the proposal help or harm someone"))
            page = try await browser.post(path, [("csrf", csrf), ("progress", progress(back)), ("action", "continue"), ("f.choice", "no-issue")])
            page = try await browser.post(path, [("csrf", csrf), ("progress", progress(page)), ("action", "continue"), ("f.text", "It is a price renewal only.")])
            // The outcome asks for the rationale.
            page = try await browser.post(path, [("csrf", csrf), ("progress", progress(page)), ("action", "continue"), ("f.text", "Nothing changes for anyone.")])
            #expect(page.status == .ok)
            let decisions = try await harness.session.register.latestVersions(kind: nil).filter { $0.kind == "decision" }
            let decision = try #require(decisions.first, "\(page.text)")
            #expect(decision.author == "olivia")
            #expect(decision.title == "Renew the parking contract")
        }
    }

    @Test func aTamperedProgressIsRefused() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let csrf = try await browser.csrf()
            let forged = try JSONEncoder().encode(OperationProgress(input: FormAnswers(["title": .text("Forged")]))).base64EncodedString() + ".AAAA"
            let page = try await browser.post("/plugins/decision-flowchart/walk", [("csrf", csrf), ("progress", forged), ("action", "continue")])
            #expect(page.status == .badRequest)
        }
    }

    @Test func aReviewIsRecordedFromTheDueListUnderTheSignedInPerson() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let (_, scanID) = try await Self.scan(browser)
            let id = try #require(scanID)
            let due = try await browser.get("/records/due")
            #expect(due.text.contains("href=\"/records/\(id)\""))
            let record = try await browser.get("/records/\(id)")
            let reviewed = try await browser.post("/records/\(id)/review", [
                ("csrf", Browser.csrf(in: record)), ("action", "review"), ("f.outcome", "no-change"), ("f.note", "Still fits."),
            ])
            #expect(reviewed.status == .ok)
            #expect(reviewed.text.contains("Review recorded"))
            let latest = try #require(try await harness.session.register.fetch(id))
            #expect(latest.step?.action == .review)
            #expect(latest.step?.by == "olivia")
            #expect(!(try await browser.get("/records/due")).text.contains("href=\"/records/\(id)\""), "it leaves the due list")
        }
    }

    @Test func onlyAnApproverHoldingTheRoleMaySignInIt() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let olivia = Browser(client)
            try await olivia.signIn("olivia")
            let (_, scanID) = try await Self.scan(olivia)
            let id = try #require(scanID)
            let officerPage = try await olivia.get("/records/\(id)")
            #expect(!officerPage.text.contains("/records/\(id)/approve"), "an officer is offered no sign-off")
            let refused = try await olivia.post("/records/\(id)/approve", [
                ("csrf", Browser.csrf(in: officerPage)), ("f.role", "Data Protection Officer"),
            ])
            #expect(refused.status == .forbidden)

            let abdul = Browser(client)
            try await abdul.signIn("abdul")
            let page = try await abdul.get("/records/\(id)")
            let csrf = Browser.csrf(in: page)
            let otherRole = try await abdul.post("/records/\(id)/approve", [("csrf", csrf), ("f.role", "Ethics Board chair")])
            #expect(otherRole.status == .forbidden, "abdul does not hold that role")
            let signed = try await abdul.post("/records/\(id)/approve", [("csrf", csrf), ("f.role", "Data Protection Officer")])
            #expect(signed.status == .ok)
            let latest = try #require(try await harness.session.register.fetch(id))
            #expect(latest.status == "approved")
            #expect(latest.step?.by == "abdul")
            #expect(latest.step?.role == "Data Protection Officer")
        }
    }

    @Test func theRegisterListSearchesAndLinksEachRecord() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let browser = Browser(client)
            try await browser.signIn("olivia")
            let (_, scanID) = try await Self.scan(browser)
            let id = try #require(scanID)
            #expect(try await browser.get("/records").text.contains("href=\"/records/\(id)\""))
            #expect(try await browser.get("/records?text=housing").text.contains(id))
            #expect(!(try await browser.get("/records?text=nothing-like-this")).text.contains(id))
            let history = try await browser.get("/records/\(id)/history")
            #expect(history.text.contains("History of \(id)"))
        }
    }
}
