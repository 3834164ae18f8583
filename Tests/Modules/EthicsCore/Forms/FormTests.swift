import EthicsCore
import EthicsTestSupport
import Foundation
import Testing

/// One form, driven three ways: parsing rules, the terminal, and an answers file.
@Suite struct FormTests {
    static let form = Form(id: "f", title: "A form", fields: [
        FormField(id: "name", label: "Name", kind: .text),
        FormField(id: "colour", label: "Colour", kind: .choice([FormChoice(id: "red", label: "Red"), FormChoice(id: "blue", label: "Blue")])),
        FormField(id: "score", label: "Score", kind: .integer(0...5), isRequired: false),
        FormField(id: "due", label: "Due", kind: .date, isRequired: false),
    ])

    @Test func choicesAreTakenByIdLabelOrNumber() throws {
        let colour = try #require(Self.form.field("colour"))
        #expect(colour.parse("blue") == .success(.choices(["blue"])))
        #expect(colour.parse("Red") == .success(.choices(["red"])))
        #expect(colour.parse("2") == .success(.choices(["blue"])))
        guard case .failure(let problem) = colour.parse("bleu") else { Issue.record("accepted 'bleu'"); return }
        #expect(problem.message.contains("did you mean 'blue'?"))
    }

    @Test func numbersAndDatesAreChecked() throws {
        #expect(throws: FormProblem.self) { try Self.form.field("score")!.parse("6").get() }
        #expect(throws: FormProblem.self) { try Self.form.field("due")!.parse("2026-02-30").get() }
        #expect(try Self.form.field("due")!.parse("2026-02-28").get() == .date(CalendarDate("2026-02-28")!))
    }

    @Test func anEmailOrWebAddressMustLeadSomewhere() throws {
        let email = FormField(id: "contact", label: "Contact email", kind: .text, format: .email)
        for good in ["data@testshire.gov.uk", "j.o'brien+ai@testshire.gov.uk", "dáta@testshire.gov.uk"] {
            #expect(try email.parse(" \(good) ").get() == .text(good))
        }
        #expect(try email.parse("").get() == .text(""), "an empty answer is the required check's business")
        for bad in [
            "data", "data@testshire", "data@@testshire.gov.uk", "@testshire.gov.uk", "data team@testshire.gov.uk", "data@testshire..gov.uk",
            "data@-x.gov.uk", "mailto:data@testshire.gov.uk", "<data@testshire.gov.uk>", ".data@testshire.gov.uk", "data..x@testshire.gov.uk",
            "data(team)@testshire.gov.uk", "data@testshire.gov.uk.", "data@testshire.gov.123",
        ] {
            guard case .failure(let problem) = email.parse(bad) else { Issue.record("accepted '\(bad)'"); continue }
            #expect(problem.message == "'Contact email' must be an email address, such as data@council.gov.uk, not '\(bad)'")
        }
        let url = FormField(id: "website", label: "Website", kind: .text, format: .url)
        for good in ["https://www.testshire.gov.uk/repairs?x=1#a", "http://testshire.gov.uk", "https://testshire.gov.uk:8443/"] {
            #expect(try url.parse(good).get() == .text(good))
        }
        for bad in [
            "www.testshire.gov.uk", "https://", "ftp://testshire.gov.uk", "https://testshire.gov.uk/a page", "https://intranet/",
            "https://testshire.gov.uk:99999/", "https://jo:secret@testshire.gov.uk/", "https://testshire.gov.uk/<script>", "javascript:alert(1)",
            "https://10.0.0.1/", "http://192.168.1.20:8080/x", "https://[fd00::1]/",
        ] {
            guard case .failure(let problem) = url.parse(bad) else { Issue.record("accepted '\(bad)'"); continue }
            #expect(problem.message == "'Website' must be a public web address in full, such as https://www.council.gov.uk/page, not '\(bad)'")
        }
    }

    @Test func aRecordIDMustHaveTheShapeOfOne() throws {
        let field = FormField(id: "decision", label: "The decision", kind: .text, isRequired: false, format: .recordID)
        for good in ["dec-2026-0001", "csc-2027-12345", "asm-2026-0002", "ab-1999-0000"] {
            #expect(try field.parse(good).get() == .text(good))
        }
        for bad in ["DEC-2026-0001", "dec-2026-1", "dec-26-0001", "decision-2026-0001", "dec 2026 0001", "dec-2026-0001-x", "2026-0001", "d-2026-0001"] {
            guard case .failure(let problem) = field.parse(bad) else { Issue.record("accepted '\(bad)'"); continue }
            #expect(problem.message == "'The decision' must be a record id, such as dec-2026-0001 (lowercase letters, the year, the number), not '\(bad)'")
        }
        let kind = RecordKind(id: "decision", prefix: "dec", title: "Decision")
        #expect(kind.hasRecordIDShape(kind.recordID(year: 2026, serial: 12)) && !kind.hasRecordIDShape("csc-2026-0012"))
    }

    @Test func theTerminalAsksAgainUntilTheAnswerFits() throws {
        let terminal = ScriptedTerminal(["Jo", "green", "2", "9", "3", ""])
        let outcome = try FormConversation(terminal: terminal).ask(Self.form)
        #expect(outcome == .answered(FormAnswers(["name": .text("Jo"), "colour": .choices(["blue"]), "score": .integer(3)])))
        #expect(terminal.transcript.contains("! 'green' is not one of the choices for 'Colour'"))
        #expect(terminal.transcript.contains("! 'Score' must be a whole number from 0 to 5, not '9'"))
    }

    @Test func enterKeepsTheCurrentAnswerAndCommandsEndTheForm() throws {
        let keep = ScriptedTerminal(["", "", "", ""])
        let current = FormAnswers(["name": .text("Jo"), "colour": .choices(["red"])])
        #expect(try FormConversation(terminal: keep).ask(Self.form, current: current) == .answered(current))
        #expect(try FormConversation(terminal: ScriptedTerminal([":back"]), commands: [.back]).ask(Self.form) == .back)
        #expect(try FormConversation(terminal: ScriptedTerminal(["Jo", ":save"]), commands: [.save]).ask(Self.form) == .save)
    }

    @Test func theEndOfInputKeepsNothing() {
        #expect(throws: DiagnosticError.self) { try FormConversation(terminal: ScriptedTerminal(["Jo"])).ask(Self.form) }
    }

    @Test func anAnswersFileReportsEveryProblemAtItsPosition() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("nmae: Jo\ncolour: green\nscore: 7\n", to: "answers.yaml")
        do {
            _ = try FormAnswersFile(file: file).answers(to: Self.form)
            Issue.record("the answers were accepted")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasSuffix("answers.yaml:1:1: error: 'nmae' is not a question here; did you mean 'name'?") })
            #expect(lines.contains { $0.contains("answers.yaml:2:9: error: 'green' is not one of the choices for 'Colour'") })
            #expect(lines.contains { $0.contains("answers.yaml:3:8: error: 'Score' must be a whole number from 0 to 5, not '7'") })
            #expect(lines.contains { $0.contains("no answer for 'name' (Name)") })
        }
    }

    @Test func aFormIsWrittenAsAWorksheetInEveryFormat() throws {
        let document = Document(title: "Worksheet", blocks: [.form(Self.form)])
        for format in [OutputFormat.text, .markdown, .html] {
            let text = try TestContext.make().plugin.renderer.render(document, as: format)
            #expect(text.contains("Colour") && text.contains("Choose one:") && text.contains("A whole number from 0 to 5."), "\(format)")
        }
        let json = try TestContext.make().plugin.renderer.render(document, as: .json)
        #expect(json.contains("\"type\":\"form\"") || json.contains("\"type\" : \"form\""))
    }
}
