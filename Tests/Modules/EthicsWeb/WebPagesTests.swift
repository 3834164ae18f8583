import EthicsCore
import EthicsDiagnostics
import EthicsHost
import EthicsTestSupport
@testable import EthicsWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import ZIPFoundation

/// The pages people use: plugin operations from the plugin contract alone, the register, and the
/// lifecycle steps, each kept under the signed-in person.
@Suite struct WebPagesTests {
    @Test func theHomePageListsEveryEnabledPluginsOperations() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let home = try await browser.get("/").text
            for path in ["/plugins/glossary/search", "/plugins/decision-flowchart/walk", "/plugins/consequence-scanning/scan", "/records/due"] {
                #expect(home.contains("href=\"\(path)\""), "\(path)")
            }
        }
    }

    /// An operation on files the person names (a transparency record's file, the JSON to write)
    /// has no page: in a browser those would be files on the server. What needs no file does.
    @Test func operationsOnNamedFilesAreNotOffered() async throws {
        let harness = try WebHarness()
        let victim = try harness.directory.write("precious: data\n", to: "victim.txt")
        try await harness.signedIn(as: "olivia") { browser in
            let home = try await browser.get("/").text
            #expect(home.contains("href=\"/plugins/transparency-record/list\""))
            for name in ["new", "fill", "check", "render", "record", "from-canvas", "from-decision", "link-assessment", "export"] {
                #expect(!home.contains("href=\"/plugins/transparency-record/\(name)\""), "\(name)")
            }
            let export = try await browser.get("/plugins/transparency-record/export?f.file=\(victim)&f.to=govuk&f.json=\(victim)")
            #expect(export.status == .notFound)
            let created = try await browser.get("/plugins/transparency-record/new?f.name=Pwn&f.file=\(harness.directory.path)/pwn.atrs.yaml")
            #expect(created.status == .notFound)
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious: data\n")
        #expect(!FileManager.default.fileExists(atPath: harness.directory.path + "/pwn.atrs.yaml"))
    }

    @Test func glossarySearchIsAGetFormWithResultsFromTheRenderer() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let empty = try await browser.get("/plugins/glossary/search")
            #expect(empty.text.contains("method=\"get\""))
            #expect(!empty.text.contains("name=\"csrf\" value=\"\""))
            #expect(!empty.text.contains("name=\"action\""), "its only button adds nothing to the bookmarkable address")
            #expect(empty.text.contains("<button type=\"submit\" class=\"button\">Search</button>"))
            let page = try await browser.get("/plugins/glossary/search?f.query=fairness")
            #expect(page.status == .ok)
            #expect(page.text.contains("Glossary search: fairness"))
            #expect(page.text.contains("<dt"), "the hits, as the renderer writes definitions")
            #expect(page.text.contains("value=\"fairness\""), "the search box keeps the query")
        }
    }

    /// A document's pointer to a command is, in the browser, a link to the page that does it;
    /// a command the browser does not offer stays as written.
    @Test func aCommandADocumentSuggestsIsALinkToItsPage() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let scans = try await browser.get("/plugins/consequence-scanning/list")
            #expect(scans.text.contains("Start one with <a href=\"/plugins/consequence-scanning/scan\">a new scan</a>."), "\(scans.text)")
            #expect(!scans.text.contains("ethics consequence-scanning scan"))
            let nothing = try await browser.get("/plugins/glossary/search?f.query=zzzzqqq")
            #expect(nothing.text.contains("or see <a href=\"/plugins/glossary/list\">every entry</a>."), "\(nothing.text)")
        }
    }

    /// The glossary is browsed whole, then narrowed by the list's optional filters, with the
    /// command line's messages for a filter that matches nothing the council has.
    @Test func theGlossaryIsListedWholeAndNarrowed() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let whole = try await browser.get("/plugins/glossary/list")
            #expect(whole.status == .ok)
            #expect(whole.text.contains("<table") && whole.text.contains("method=\"get\""), "the list, with its filters above")
            let terms = try await browser.get("/plugins/glossary/list?f.kind=term&f.attribute=&f.tag=")
            #expect(terms.status == .ok && terms.text.contains("kind: term"), "\(terms.text)")
            let typo = try await browser.get("/plugins/glossary/list?f.attribute=justise")
            #expect(typo.status == .badRequest && typo.text.contains("there is no attribute &#39;justise&#39;"), "\(typo.text)")
            let anyKind = try await browser.get("/plugins/glossary/list?f.kind=any&f.attribute=Justice&f.tag=LAW")
            #expect(anyKind.status == .ok && anyKind.text.contains("attribute: justice; tag: law)"), "case aside, every kind: \(anyKind.text)")
            #expect(whole.text.contains("value=\"any\""), "the kind can be set back to every kind")
            let notOffered = try await browser.get("/plugins/decision-flowchart/list")
            #expect(notOffered.status == .notFound && notOffered.text.contains("the browser does not offer"), "\(notOffered.text)")
        }
    }

    /// An email or web address field is asked with the input a phone offers the right keyboard
    /// for, and checked by the server with the command line's message all the same.
    @Test func anEmailOrWebAddressFieldIsAskedWithItsOwnInputAndChecked() {
        let form = Form(id: "contact", title: "Contact", fields: [
            FormField(id: "email", label: "Contact email", kind: .text, format: .email),
            FormField(id: "website", label: "Website", kind: .text, isRequired: false, format: .url),
            FormField(id: "team", label: "Team", kind: .text),
        ])
        let html = WebForm(form: form).html(action: "/x", csrf: "t", buttons: [.run("Save")])
        #expect(html.contains("type=\"email\" id=\"f.email\"") && html.contains("autocomplete=\"email\""), "\(html)")
        #expect(html.contains("type=\"url\" id=\"f.website\""), "\(html)")
        #expect(html.contains("type=\"text\" id=\"f.team\""), "\(html)")
        let (_, page) = WebForm.read(form, from: FormBody("f.email=data+team&f.website=www.example.org&f.team=Repairs"))
        #expect(page.errors["f.email"] == "'Contact email' must be an email address, such as data@council.gov.uk, not 'data team'")
        #expect(page.errors["f.website"]?.hasPrefix("'Website' must be a public web address in full") == true)
    }

    /// A suggestion to run a command is the command line's way; in a browser it is left out.
    @Test func aSuggestionToRunACommandIsLeftOutOfThePage() {
        let error = DiagnosticError([
            .error("there is no record 'dec-2026-0009'", suggestion: "list them with 'ethics records list'"),
            .error("'Datta' is not a role", suggestion: "did you mean 'Data Protection Officer'?"),
            .error("nobody is named", suggestion: "pass --as NAME"),
        ])
        #expect(WebServer.messages(of: error) == [
            "there is no record 'dec-2026-0009'", "'Datta' is not a role; did you mean 'Data Protection Officer'?", "nobody is named",
        ])
    }

    @Test func anEmptySearchIsRefusedWithTheCommandLinesMessage() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let page = try await browser.get("/plugins/glossary/search?f.query=")
            #expect(page.status == .badRequest)
            #expect(page.text.contains("&#39;What to look for&#39; needs an answer"))
        }
    }

    /// Keeps a consequence scan through the generic operation pages; returns its record id.
    static func scan(_ browser: Browser, reviewBy: String = "2026-03-20", extra: [(String, String)] = []) async throws -> (TestResponse, String?) {
        let form = try await browser.get("/plugins/consequence-scanning/scan")
        let response = try await browser.post("/plugins/consequence-scanning/scan", extra + scanFields(form, reviewBy: reviewBy))
        let id = response.text.range(of: "csc-\\d{4}-\\d{4}", options: .regularExpression).map { String(response.text[$0]) }
        return (response, id)
    }

    /// A scan of one consequence, answered on `form` (the scan's page, for its CSRF token).
    static func scanFields(_ form: TestResponse, reviewBy: String = "2026-03-20") -> [(String, String)] {
        [
            ("csrf", Browser.csrf(in: form)), ("action", "continue"), ("f.title", "Housing repairs model"), ("f.review-by", reviewBy),
            ("f.consequences.count", "1"), ("f.consequences.1.description", "Quiet tenants wait longer"),
            ("f.consequences.1.intended", "unintended"), ("f.consequences.1.effect", "negative"),
            ("f.consequences.1.response", "act"), ("f.consequences.1.owner", "Repairs manager"),
        ]
    }

    @Test func aScanIsKeptUnderTheSignedInPerson() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            #expect(!(try await browser.get("/plugins/consequence-scanning/scan").text.contains("name=\"f.author\"")),
                    "no form asks who else is accountable")
            let (response, id) = try await Self.scan(browser, extra: [("f.author", "Amira Khan")])
            #expect(response.status == .ok, "\(response.text)")
            let recordID = try #require(id)
            #expect(response.text.contains("Kept as <a href=\"/records/\(recordID)\">\(recordID)</a>."), "the notice leads to what was kept")
            let record = try #require(try await harness.session.register.fetch(recordID))
            #expect(record.author == "olivia", "a name posted by hand is not taken")
            #expect(record.kind == "scan")
            // The plugin's own list names the id as code; in the browser it leads to the record.
            let list = try await browser.get("/plugins/consequence-scanning/list")
            #expect(list.text.contains("<a href=\"/records/\(recordID)\"><code>\(recordID)</code></a>"), "\(list.text)")
        }
    }

    /// The composer finds where to put the page's chrome by searching the rendered bytes.
    @Test func theComposerFindsAMarkerWhereverItIs() {
        let html = "<p>Café ’quoted’</p></main>x</main>"
        let found = { (marker: String, from: String.Index?) in
            PageComposer.find(marker, in: html, from: from).map { html.distance(from: html.startIndex, to: $0.lowerBound) }
        }
        #expect(found("</main>", nil) == 20, "after multibyte characters, counted in characters")
        #expect(found("</main>", html.index(html.startIndex, offsetBy: 21)) == 28, "from a later start")
        #expect(found("<p>", nil) == 0 && found("x</main>", nil) == 27)
        #expect(found("</body>", nil) == nil && found(html + "!", nil) == nil)
        #expect(found("</main>", html.endIndex) == nil)
    }

    @Test func aFormBodyDecodesWhatIsEncodedAndKeepsTheRest() {
        let body = FormBody("plain=word&spaced=two+words&escaped=caf%C3%A9%26more&bad=%zz&empty=&flag&a%20b=c")
        #expect(body["plain"] == "word" && body["spaced"] == "two words" && body["escaped"] == "café&more")
        #expect(body["bad"] == "%zz", "a malformed escape is kept as typed")
        #expect(body["empty"] == "" && body["flag"] == "" && body["a b"] == "c")
    }

    @Test func onlyTheShapeOfARecordIDIsLinked() {
        let kinds = [RecordKind(id: "decision", prefix: "dec", title: "Decision"), RecordKind(id: "scan", prefix: "csc", title: "Scan")]
        for id in ["dec-2026-0001", "csc-2027-12345", kinds[0].recordID(year: 2026, serial: 7)] {
            #expect(RecordPages.isRecordID(id, kinds: kinds), "\(id)")
        }
        for text in ["dec-2026-001", "dec-26-0001", "atr-2026-0001", "dec-2026-0001-x", "dec-2026-00a1", "ethics records show dec-2026-0001"] {
            #expect(!RecordPages.isRecordID(text, kinds: kinds), "\(text)")
        }
        let document = Document(title: "t", blocks: [.paragraph([.code("dec-2026-0001"), .link([.code("dec-2026-0002")], url: "/x")])])
            .linkingCode { RecordPages.isRecordID($0, kinds: kinds) ? "/records/" + $0 : nil }
        #expect(document.blocks == [.paragraph([.link([.code("dec-2026-0001")], url: "/records/dec-2026-0001"), .link([.code("dec-2026-0002")], url: "/x")])],
                "an id already in a link is not linked again")
        // A notice links the ids it names, and only ids of the register's kinds.
        #expect(RecordPages.linkingRecords(in: "Kept as csc-2026-0003 (see dec-2026-0001; atr-2026-0001, dec-2026-001).", kinds: kinds)
                == "Kept as <a href=\"/records/csc-2026-0003\">csc-2026-0003</a> (see <a href=\"/records/dec-2026-0001\">dec-2026-0001</a>; atr-2026-0001, dec-2026-001).")
    }

    /// A one-page form sent twice (a refresh after "Kept as …") keeps one record: the run is
    /// named on the page itself.
    @Test func aScanSentTwiceIsKeptOnce() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let form = try await browser.get("/plugins/consequence-scanning/scan")
            let fields = [("progress", WebCanvasTests.progress(form))] + Self.scanFields(form)
            #expect(try await browser.post("/plugins/consequence-scanning/scan", fields).text.contains("Kept as"))
            let again = try await browser.post("/plugins/consequence-scanning/scan", fields)
            #expect(again.text.contains("This was kept already; it is not kept twice."), "\(again.text)")
            #expect(try await harness.session.register.latestVersions(kind: nil).count == 1)
        }
    }

    /// What the record will refuse is said on the page that asks for it, not at the walk's end.
    @Test func anOverLongWalkTitleIsRefusedOnTheFirstPage() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let path = "/plugins/decision-flowchart/walk"
            let page = try await browser.post(path, [
                ("csrf", try await browser.csrf()), ("action", "continue"), ("f.title", String(repeating: "t", count: 301)),
            ])
            #expect(page.status == .badRequest)
            #expect(page.text.contains("a record&#39;s title is at most 300 characters"), "\(page.text)")
            #expect(page.text.contains("name=\"f.title\""), "asked again where it can be put right")
        }
    }

    @Test func aBadDateGetsTheCommandLinesMessageAndKeepsNothing() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
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
        try await harness.signedIn(as: "olivia") { browser in
            let form = try await browser.get("/plugins/consequence-scanning/scan")
            // Enter in a text box sends the form's first button, which is Continue, not "Add another".
            let webForm = try #require(form.text.range(of: #"<form class="web-form""#)).lowerBound
            let firstButton = try #require(form.text.range(of: "<button[^>]*>", options: .regularExpression, range: webForm..<form.text.endIndex)
                .map { String(form.text[$0]) })
            #expect(firstButton.contains(#"value="continue""#), "\(firstButton)")
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
        try await harness.signedIn(as: "olivia") { browser in
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
            // Back returns to the question, with the answer it was given.
            let back = try await browser.post(path, [("csrf", csrf), ("progress", progress(page)), ("action", "back")])
            #expect(back.text.contains("Could the proposal help or harm someone"))
            #expect(back.text.contains(#"value="no-issue" checked"#), "the choice made is shown again")
            page = try await browser.post(path, [("csrf", csrf), ("progress", progress(back)), ("action", "continue"), ("f.choice", "no-issue")])
            page = try await browser.post(path, [("csrf", csrf), ("progress", progress(page)), ("action", "continue"), ("f.text", "It is a price renewal only.")])
            // The outcome asks for the rationale.
            let last: [(String, String)] = [("csrf", csrf), ("progress", progress(page)), ("action", "continue"), ("f.text", "Nothing changes for anyone.")]
            page = try await browser.post(path, last)
            #expect(page.status == .ok)
            let decisions = try await harness.session.register.latestVersions(kind: nil).filter { $0.kind == "decision" }
            let decision = try #require(decisions.first, "\(page.text)")
            #expect(decision.author == "olivia")
            #expect(decision.title == "Renew the parking contract")
            // The last page sent again (a refresh, Back then Continue) keeps nothing more.
            let again = try await browser.post(path, last)
            #expect(again.text.contains("This was kept already; it is not kept twice."), "\(again.text)")
            #expect(again.text.contains(decision.id))
            #expect(try await harness.session.register.latestVersions(kind: nil).filter { $0.kind == "decision" }.count == 1)
        }
    }

    @Test func aTamperedProgressIsRefused() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let csrf = try await browser.csrf()
            let forged = try JSONEncoder().encode(OperationProgress(input: FormAnswers(["title": .text("Forged")]))).base64EncodedString() + ".AAAA"
            let page = try await browser.post("/plugins/decision-flowchart/walk", [("csrf", csrf), ("progress", forged), ("action", "continue")])
            #expect(page.status == .badRequest)
        }
    }

    @Test func aReviewIsRecordedFromTheDueListUnderTheSignedInPerson() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let (_, scanID) = try await Self.scan(browser)
            let id = try #require(scanID)
            let due = try await browser.get("/records/due")
            #expect(due.text.contains("href=\"/records/\(id)\""))
            let record = try await browser.get("/records/\(id)")
            let review: [(String, String)] = [
                ("csrf", Browser.csrf(in: record)), ("version", Browser.value(of: "version", in: record)), ("action", "review"),
                ("f.outcome", "no-change"), ("f.note", "Still fits."),
            ]
            let reviewed = try await browser.post("/records/\(id)/review", review)
            #expect(reviewed.status == .ok)
            #expect(reviewed.text.contains("Review recorded"))
            // Sent again (a refresh, or Back then send): refused, not kept twice.
            let again = try await browser.post("/records/\(id)/review", review)
            #expect(again.status == .conflict && again.text.contains("has changed since this page was opened"), "\(again.text)")
            // A form that names no version the record has is a bad request, not a change.
            for version in ["abc", "", "99", "0"] {
                var tampered = review
                tampered[1] = ("version", version)
                let refused = try await browser.post("/records/\(id)/review", tampered)
                #expect(refused.status == .badRequest && refused.text.contains("does not say which version"), "\(version): \(refused.status)")
            }
            #expect(try await harness.session.register.history(of: id).count == 2)
            // Each version can be read as it was kept, from the record's history.
            let history = try await browser.get("/records/\(id)/history")
            #expect(history.text.contains("href=\"/records/\(id)?version=1\""), "\(history.text)")
            let first = try await browser.get("/records/\(id)?version=1")
            #expect(first.status == .ok && first.text.contains("This is version 1 of <a href=\"/records/\(id)\">\(id)</a>, as it was kept. The latest is version 2."))
            #expect(!first.text.contains("/records/\(id)/review"), "an earlier version takes no step")
            #expect(!first.text.contains("(latest)"), "nor calls itself the latest")
            for bad in ["99", "x"] {
                #expect(try await browser.get("/records/\(id)?version=\(bad)").status == .notFound, "\(bad)")
            }
            let latest = try #require(try await harness.session.register.fetch(id))
            #expect(latest.step?.action == .review)
            #expect(latest.step?.by == "olivia")
            #expect(!(try await browser.get("/records/due")).text.contains("href=\"/records/\(id)\""), "it leaves the due list")
            // Looking further ahead finds it again, a year on.
            let ahead = try await browser.get("/records/due?f.within=400")
            #expect(ahead.text.contains("href=\"/records/\(id)\"") && ahead.text.contains("400 days"), "\(ahead.text)")
            let bad = try await browser.get("/records/due?f.within=abc")
            #expect(bad.status == .badRequest && bad.text.contains("Days to look ahead"), "\(bad.text)")
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
                ("csrf", Browser.csrf(in: officerPage)), ("version", "1"), ("f.role", "Data Protection Officer"),
            ])
            #expect(refused.status == .forbidden)

            let abdul = Browser(client)
            try await abdul.signIn("abdul")
            let page = try await abdul.get("/records/\(id)")
            let csrf = Browser.csrf(in: page)
            let version = Browser.value(of: "version", in: page)
            let otherRole = try await abdul.post("/records/\(id)/approve", [("csrf", csrf), ("version", version), ("f.role", "Ethics Board chair")])
            #expect(otherRole.status == .forbidden, "abdul does not hold that role")
            let noRole = try await abdul.post("/records/\(id)/approve", [("csrf", csrf), ("version", version)])
            #expect(noRole.status == .badRequest && noRole.text.contains("Choose the role you sign off in."), "\(noRole.text)")
            let signed = try await abdul.post("/records/\(id)/approve", [("csrf", csrf), ("version", version), ("f.role", "Data Protection Officer")])
            #expect(signed.status == .ok)
            let latest = try #require(try await harness.session.register.fetch(id))
            #expect(latest.status == "approved")
            #expect(latest.step?.by == "abdul")
            #expect(latest.step?.role == "Data Protection Officer")

            // A role signs this content once; the council's other roles may still sign after it.
            #expect(!(try await abdul.get("/records/\(id)")).text.contains("/records/\(id)/approve"), "abdul's one role has signed")
            let again = try await abdul.post("/records/\(id)/approve", [("csrf", csrf), ("version", "2"), ("f.role", "Data Protection Officer")])
            #expect(again.status == .badRequest && again.text.contains("already signed off as Data Protection Officer"), "\(again.text)")
            try harness.accounts.add(Account(
                name: "chair", role: .approver, signOffRoles: ["Ethics Board chair"], passwordHash: Passwords.hash(WebHarness.password, cost: 4)))
            let chair = Browser(client)
            try await chair.signIn("chair")
            let chairPage = try await chair.get("/records/\(id)")
            #expect(chairPage.text.contains("/records/\(id)/approve"), "an approved record still waits for the chair")
            let chairSigned = try await chair.post("/records/\(id)/approve", [
                ("csrf", Browser.csrf(in: chairPage)), ("version", Browser.value(of: "version", in: chairPage)), ("f.role", "Ethics Board chair"),
            ])
            #expect(chairSigned.status == .ok)
            #expect(try await harness.session.register.fetch(id)?.step?.role == "Ethics Board chair")
        }
    }

    @Test func aRecordIsDownloadedAsACommitteePaperWithItsSignOffsAndNothingIsWritten() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let olivia = Browser(client)
            try await olivia.signIn("olivia")
            let (_, scanID) = try await Self.scan(olivia)
            let id = try #require(scanID)
            let abdul = Browser(client)
            try await abdul.signIn("abdul")
            let page = try await abdul.get("/records/\(id)")
            #expect(page.text.contains(#"<form class="web-form" method="get" action="/records/\#(id)/paper#form-paper""#))
            _ = try await abdul.post("/records/\(id)/approve", [
                ("csrf", Browser.csrf(in: page)), ("version", Browser.value(of: "version", in: page)), ("f.role", "Data Protection Officer"),
            ])
            let versions = try await harness.session.register.history(of: id).count

            let docx = try await olivia.get("/records/\(id)/paper?f.report-number=AGC-2027-03&f.meeting-date=2027-01-14&action=docx")
            #expect(docx.status == .ok)
            #expect(docx.headers[.contentType] == OutputFormat.docx.mediaType)
            #expect(docx.headers[.contentDisposition] == "attachment; filename=\"\(id).docx\"")
            let body = try Self.part("word/document.xml", of: Data(docx.body.readableBytesView))
            #expect(body.contains("AGC-2027-03") && body.contains("2027-01-14"))
            #expect(body.contains("abdul") && body.contains("Awaited"), "the sign-off table holds abdul's sign-off and the roles awaited")
            #expect(body.contains("Register journal head"), "the paper quotes the register's head")
            let odt = try await olivia.get("/records/\(id)/paper?action=odt")
            #expect(odt.status == .ok && odt.headers[.contentType] == OutputFormat.odt.mediaType)
            #expect(try Self.part("content.xml", of: Data(odt.body.readableBytesView)).contains("abdul"))

            let bad = try await olivia.get("/records/\(id)/paper?f.meeting-date=14%2F01%2F2027&action=docx")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("There is a problem") && bad.text.contains("14/01/2027"), "the form comes back with what was typed")
            #expect(try await harness.session.register.history(of: id).count == versions, "a download keeps nothing")
            let pdf = try await olivia.get("/records/\(id)/paper?action=pdf")
            #expect(pdf.status == .badRequest && pdf.text.contains("docx or odt, not &#39;pdf&#39;"), "\(pdf.text)")
            let unknown = try await olivia.get("/records/csc-2026-9999")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.hasPrefix("<!doctype html>") && unknown.text.contains("There is no record &#39;csc-2026-9999&#39;"), "a page, not JSON")
            let nowhere = try await olivia.get("/no/such/page")
            #expect(nowhere.status == .notFound && nowhere.text.contains("Page not found"), "\(nowhere.text)")
        }
    }

    /// The file at `path` inside the zip archive `bytes`, as text.
    static func part(_ path: String, of bytes: Data) throws -> String {
        let archive = try Archive(data: bytes, accessMode: .read)
        let entry = try #require(archive[path])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theRegisterListSearchesAndLinksEachRecord() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let (_, scanID) = try await Self.scan(browser)
            let id = try #require(scanID)
            #expect(try await browser.get("/records").text.contains("href=\"/records/\(id)\""))
            #expect(try await browser.get("/records?text=housing").text.contains(id))
            #expect(!(try await browser.get("/records?text=nothing-like-this")).text.contains(id))
            let history = try await browser.get("/records/\(id)/history")
            #expect(history.text.contains("History of \(id)"))
        }
    }

    @Test func aLongRegisterIsListedAPageAtATimeAndTheSearchKeepsItsPages() async throws {
        let harness = try WebHarness()
        let ids = try await harness.session.register.write { write in
            try (1...(WebServer.recordsPerPage + 5)).map { number in
                try write.record(RecordDraft(kind: .decision, title: "Decision \(number)", author: "Olivia", tags: number.isMultiple(of: 2) ? ["even"] : [])).id
            }
        }
        try await harness.signedIn(as: "olivia") { browser in
            let first = try await browser.get("/records").text
            #expect(first.contains("\(ids.count) records, latest version each, 1 to \(WebServer.recordsPerPage) shown"))
            #expect(first.contains("href=\"/records/\(ids[WebServer.recordsPerPage - 1])\""))
            #expect(!first.contains("href=\"/records/\(ids[WebServer.recordsPerPage])\""), "the next page's records wait for it")
            #expect(first.contains("Page 1 of 2"))
            #expect(first.contains("href=\"/records?page=2\""))
            let second = try await browser.get("/records?page=2").text
            #expect(second.contains("href=\"/records/\(ids.last!)\""))
            #expect(!second.contains("href=\"/records/\(ids[0])\""))
            #expect(second.contains("href=\"/records?page=1\""))
            let beyond = try await browser.get("/records?page=3")
            #expect(beyond.status == .notFound && beyond.text.contains("There is no page 3: the list has 2."))
            #expect(beyond.text.contains("href=\"/records?page=2\"") && !beyond.text.contains("Page 2 of 2"), "it leads to the last page")
            let even = try await browser.get("/records?text=EVEN&kind=decision").text
            #expect(even.contains("\(ids.count / 2) records, latest version each"), "the count is of what the search found")
            #expect(!even.contains("Page 1 of"), "one page needs no page links")
        }
    }
}

/// Two people filling one canvas in the browser, area by area: the second to save an area that
/// changed since they opened it is told so and shown both versions, and nothing is overwritten.
@Suite struct WebCanvasTests {
    static func progress(_ page: TestResponse) -> String {
        let html = page.text
        guard let start = html.range(of: "name=\"progress\" value=\"") else { return "" }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Opens area `area` of canvas `id` for filling; returns the page with the area's form.
    static func open(_ browser: Browser, canvas id: String, area: String) async throws -> (TestResponse, String) {
        let path = "/plugins/canvas-builder/fill"
        let csrf = Browser.csrf(in: try await browser.get(path))
        let chooser = try await browser.post(path, [("csrf", csrf), ("action", "continue"), ("f.canvas", id)])
        let form = try await browser.post(path, [("csrf", csrf), ("progress", progress(chooser)), ("action", "continue"), ("f.area", area)])
        return (form, csrf)
    }

    @Test func theSecondToSaveAChangedAreaIsShownBothVersionsAndNothingIsOverwritten() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let olivia = Browser(client)
            try await olivia.signIn("olivia")
            let start = try await olivia.post("/plugins/canvas-builder/start", [
                ("csrf", try await olivia.csrf()), ("action", "continue"), ("f.title", "Housing repairs prediction"),
            ])
            let id = try #require(start.text.range(of: "can-\\d{4}-\\d{4}", options: .regularExpression).map { String(start.text[$0]) }, "\(start.text)")
            let abdul = Browser(client)
            try await abdul.signIn("abdul")

            let (oliviaForm, oliviaCSRF) = try await Self.open(olivia, canvas: id, area: "sources")
            #expect(oliviaForm.text.contains("f.q:which-sources"), "the area's questions are asked")
            let (abdulForm, abdulCSRF) = try await Self.open(abdul, canvas: id, area: "sources")

            let saved = try await olivia.post("/plugins/canvas-builder/fill", [
                ("csrf", oliviaCSRF), ("progress", Self.progress(oliviaForm)), ("action", "continue"),
                ("f.status", "IN_PROGRESS"), ("f.notes", "Olivia: repair logs since 2019"),
            ])
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(try await harness.session.register.fetch(id)?.version == 2)

            let collided = try await abdul.post("/plugins/canvas-builder/fill", [
                ("csrf", abdulCSRF), ("progress", Self.progress(abdulForm)), ("action", "continue"),
                ("f.status", "FOR_REVIEW"), ("f.notes", "Abdul: the tenancy database"),
            ])
            #expect(collided.status == .conflict)
            #expect(collided.text.contains("This changed since you opened it"))
            #expect(collided.text.contains("Olivia: repair logs since 2019"), "their version is shown")
            #expect(collided.text.contains(">Abdul: the tenancy database</textarea>"), "and theirs beside it, in the form")
            #expect(try await harness.session.register.fetch(id)?.version == 2, "nothing was overwritten")

            let knowingly = try await abdul.post("/plugins/canvas-builder/fill", [
                ("csrf", abdulCSRF), ("progress", Self.progress(collided)), ("action", "continue"),
                ("f.status", "FOR_REVIEW"), ("f.notes", "Abdul: the tenancy database, and Olivia's repair logs"),
            ])
            #expect(knowingly.status == .ok, "\(knowingly.text)")
            let latest = try #require(try await harness.session.register.fetch(id))
            #expect(latest.version == 3)
            #expect(latest.author == "abdul")
            #expect(String(decoding: latest.body, as: UTF8.self).contains("and Olivia's repair logs"))
        }
    }

    @Test func eachAreaShowsWhereItStandsWhenChoosing() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let olivia = Browser(client)
            try await olivia.signIn("olivia")
            let start = try await olivia.post("/plugins/canvas-builder/start", [
                ("csrf", try await olivia.csrf()), ("action", "continue"), ("f.title", "Parking permits"),
            ])
            let id = try #require(start.text.range(of: "can-\\d{4}-\\d{4}", options: .regularExpression).map { String(start.text[$0]) })
            let (form, csrf) = try await Self.open(olivia, canvas: id, area: "sources")
            #expect(form.text.contains("<textarea"), "answers run to lines")
            #expect(form.text.contains("In progress") && form.text.components(separatedBy: "IN_PROGRESS").count
                    == form.text.components(separatedBy: "value=\"IN_PROGRESS\"").count, "a status reads as words; its code is only the value sent")
            let saved = try await olivia.post("/plugins/canvas-builder/fill", [
                ("csrf", csrf), ("progress", Self.progress(form)), ("action", "continue"), ("f.status", "COMPLETE"),
                ("f.q:which-sources", "Repair logs since 2019\nThe stock condition survey"),
            ])
            #expect(saved.status == .ok, "an answer of two lines, one source a line, is taken: \(saved.text)")
            let canvas = try #require(try await harness.session.register.fetch(id))
            #expect(String(decoding: canvas.body, as: UTF8.self).contains("Repair logs since 2019\\nThe stock condition survey"))
            let chooser = try await olivia.post("/plugins/canvas-builder/fill", [("csrf", csrf), ("action", "continue"), ("f.canvas", id)])
            #expect(chooser.text.contains("(complete)"))
            #expect(chooser.text.contains("(not started)"))
        }
    }

    @Test func aWalkSavedPartWayIsResumedWhereItWasLeft() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let path = "/plugins/decision-flowchart/walk"
            let csrf = try await browser.csrf()
            let first = try await browser.post(path, [("csrf", csrf), ("action", "continue"), ("f.title", "Library opening hours")])
            let second = try await browser.post(path, [("csrf", csrf), ("progress", Self.progress(first)), ("action", "continue"), ("f.choice", "ethical-issue")])
            let saved = try await browser.post(path, [
                ("csrf", csrf), ("progress", Self.progress(second)), ("action", "save"), ("f.text", "Opening later may exclude shift workers."),
            ])
            #expect(saved.text.contains("Your answers so far are saved"))
            let home = try await browser.get("/")
            let link = try #require(home.text.range(of: "/plugins/decision-flowchart/walk\\?draft=[a-z0-9_-]+", options: .regularExpression).map { String(home.text[$0]) })
            #expect(home.text.contains("Library opening hours"))
            let resumed = try await browser.get(link)
            #expect(resumed.text.contains("Carrying on from where you saved."))
            #expect(resumed.text.contains("Describe the issue in a few sentences."), "it resumes at the node after the first question")
            #expect(resumed.text.contains("Opening later may exclude shift workers."), "with what was typed on it when saved")
            let finished = try await browser.post(path, [("csrf", csrf), ("progress", Self.progress(resumed)), ("action", "back")])
            #expect(finished.text.contains("Could the proposal help"), "and Back still goes back")
            #expect(Browser.csrf(in: resumed) == csrf)
            // A draft no longer wanted is discarded from the home page; nobody else's can be.
            let draftID = String(link.split(separator: "=").last ?? "")
            let other = Browser(browser.client)
            try await other.signIn("abdul")
            #expect(try await other.post("/drafts/\(draftID)/discard", [("csrf", try await other.csrf())]).status == .notFound)
            let discarded = try await browser.post("/drafts/\(draftID)/discard", [("csrf", csrf)])
            #expect(discarded.status == .seeOther)
            #expect(!(try await browser.get("/")).text.contains("Library opening hours"))
        }
    }
}

/// The code mapper's list, matrix, crosswalk and gaps as pages, from its operations alone.
@Suite struct WebCodeMapperTests {
    @Test func theMatrixCrosswalkAndGapsArePages() async throws {
        let harness = try WebHarness()
        try await harness.signedIn(as: "olivia") { browser in
            let matrix = try await browser.get("/plugins/code-mapper/matrix")
            #expect(matrix.status == .ok)
            #expect(matrix.text.contains("<table"), "the matrix is the renderer's table")
            let crosswalk = try await browser.get("/plugins/code-mapper/crosswalk?f.from=nolan&f.to=bcs")
            #expect(crosswalk.status == .ok, "\(crosswalk.text)")
            let unknown = try await browser.get("/plugins/code-mapper/crosswalk?f.from=nolann&f.to=bcs")
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("did you mean &#39;nolan&#39;?"), "the command line's message")
            let gaps = try await browser.get("/plugins/code-mapper/gaps?f.code=nolan")
            #expect(gaps.status == .ok)
            #expect(try await browser.get("/plugins/code-mapper/list").status == .ok)
        }
    }
}
