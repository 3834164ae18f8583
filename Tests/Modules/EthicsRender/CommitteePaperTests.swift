import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsRender
import Foundation
import Testing

/// The committee-paper frame is written the same way in every format.
@Suite("Committee paper frame")
struct CommitteePaperTests {
    static let paper = CommitteePaper(
        reportNumber: "CAB-2027-014", meeting: "Cabinet", meetingDate: "2027-01-14", author: "Jo Bloggs",
        signOffs: [.init(role: "Data Protection Officer", name: "Sam Patel", date: "2026-12-05")],
        roles: ["Senior Responsible Owner", "Data Protection Officer"])
    static let document = Document(title: "Prioritise repairs", blocks: [.heading(level: 2, "Outcome"), .paragraph("Escalate.")], paper: paper)

    @Test("text, Markdown and HTML show the report number, meeting, author and sign-off table before the body")
    func pages() throws {
        let renderer = Renderer()
        let text = try renderer.render(Self.document, as: .text)
        #expect(text.contains("Report number: CAB-2027-014\nMeeting: Cabinet, 2027-01-14\nReport author: Jo Bloggs"))
        #expect(text.contains("| Data Protection Officer  | Sam Patel | 2026-12-05 |"), "\(text)")
        #expect(text.contains("| Senior Responsible Owner | Awaited   |"), "a role not yet signed is shown as awaited")
        #expect(text.range(of: "Sign-off")!.lowerBound < text.range(of: "Outcome")!.lowerBound)
        let markdown = try renderer.render(Self.document, as: .markdown)
        #expect(markdown.contains("| Data Protection Officer | Sam Patel | 2026-12-05 |"))
        #expect(markdown.contains("- **Report number:** CAB-2027-014"))
        let html = try renderer.render(Self.document, as: .html)
        #expect(html.contains("<dt>Meeting</dt><dd>Cabinet, 2027-01-14</dd>"))
        #expect(html.contains(#"<h2 id="sign-off">Sign-off</h2>"#))
        #expect(html.contains("<th scope=\"row\">Data Protection Officer</th><td>Sam Patel</td><td>2026-12-05</td>"))
    }

    @Test("the papers carry the same frame, and JSON keeps it as data", arguments: [OutputFormat.odt, .docx])
    func papers(format: OutputFormat) throws {
        let bytes = try Renderer().renderBytes(Self.document, as: format)
        let body = try PaperRendererTests.part(format == .odt ? "content.xml" : "word/document.xml", of: bytes)
        #expect(body.contains("CAB-2027-014") && body.contains("Sam Patel") && body.contains("Awaited"))
        let json = try Renderer().render(Self.document, as: .json)
        #expect(try JSONDecoder().decode(Document.self, from: Data(json.utf8)).paper == Self.paper)
    }

    @Test("options given on the command line win over the council's, and none means no frame")
    func options() throws {
        let defaults = CommitteePaper(meeting: "Audit Committee", author: "Head of Digital", roles: ["Monitoring Officer"])
        let none = try CommitteePaperOptions.parse([])
        #expect(try none.asked == nil)
        let given = try CommitteePaperOptions.parse(["--report-number", "R1", "--meeting", "Cabinet"])
        #expect(try given.asked?.completed(by: defaults, signOffs: []) == CommitteePaper(
            reportNumber: "R1", meeting: "Cabinet", author: "Head of Digital", roles: ["Monitoring Officer"]))
    }

    @Test("a meeting date that is not a calendar date is refused by name", arguments: ["14/01/2027", "2027-02-30", "tomorrow"])
    func meetingDate(_ text: String) throws {
        let options = try CommitteePaperOptions.parse(["--meeting-date", text])
        #expect(throws: DiagnosticError.self) { try options.asked }
        #expect(try CommitteePaperOptions.parse(["--meeting-date", "2027-01-14"]).asked?.meetingDate == "2027-01-14")
        #expect(throws: DiagnosticError.self, "an empty detail is a mistake, not a detail") {
            try CommitteePaperOptions.parse(["--report-number", " "]).asked
        }
    }

    @Test("a sign-off is dated the council's day its own version was kept, not the record's first day")
    func signOffDates() {
        // Kept on 1 March; signed off at 23:30 UTC on 30 June, which is already 1 July in London.
        let created = Date(timeIntervalSince1970: 1_772_359_200)
        let signed = Date(timeIntervalSince1970: 1_782_862_200)
        func version(_ number: Int, at date: Date, step: LifecycleStep?) -> RecordVersion {
            RecordVersion(
                id: "dec-2026-0001", kind: "decision", version: number, title: "T", author: "Jo", status: "recorded", reviewBy: nil,
                tags: [], attributes: [], body: Data("{}".utf8), created: created, updated: date, step: step)
        }
        let history = [
            version(1, at: created, step: nil),
            version(2, at: signed, step: LifecycleStep(action: .approve, by: "Sam Patel", role: "Data Protection Officer")),
        ]
        let signOffs = CommitteePaper.signOffs(in: history, clock: .fixed(signed))
        #expect(signOffs == [.init(role: "Data Protection Officer", name: "Sam Patel", date: "2026-07-01")])
    }
}
