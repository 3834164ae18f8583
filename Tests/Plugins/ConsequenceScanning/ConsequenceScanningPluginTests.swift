import EthicsCore
import EthicsTestSupport
import Foundation
import Testing
@testable import ConsequenceScanning

@Suite struct ConsequenceScanningPluginTests {
    static let guidePath = CommandRunner.repositoryRoot.appendingPathComponent("Configs/content/consequence-scanning/doteveryone.yaml").path

    static func plugin(_ context: TestContext) -> ConsequenceScanningPlugin {
        ConsequenceScanningPlugin(
            settings: .init(guide: ContentPath(path: guidePath, written: "doteveryone.yaml", location: .unknown)),
            context: context.plugin)
    }

    static func operation(_ name: String) throws -> PluginOperation<ConsequenceScanningPlugin> {
        try #require(ConsequenceScanningPlugin.operations.first { $0.name == name })
    }

    static let answers: FormAnswers = {
        var answers = FormAnswers(["title": .text("Predictive model for housing repairs")])
        answers["consequences"] = .items([
            FormAnswers(["description": .text("Damp reaches the top of the list sooner"), "intended": .choices(["intended"]),
                         "effect": .choices(["positive"]), "response": .choices(["act"]), "owner": .text("Repairs manager")]),
            FormAnswers(["description": .text("Contractors game the ranking"), "intended": .choices(["unintended"]),
                         "effect": .choices(["negative"]), "response": .choices(["influence"]), "owner": .text("Procurement")]),
        ])
        return answers
    }()

    @Test func descriptorComesFromTheManifest() {
        #expect(ConsequenceScanningPlugin.descriptor.id == "consequence-scanning")
        #expect(ConsequenceScanningPlugin.descriptor.publishes == ["scan.recorded"])
        #expect(ConsequenceScanningPlugin.descriptor.recordKinds == [ConsequenceScanningPlugin.scanKind])
        #expect(ConsequenceScanningPlugin.scanKind.prefix == "csc")
    }

    @Test func theShippedGuideLoads() throws {
        let guide = try Self.plugin(TestContext.make()).loadGuide()
        #expect(guide.questions.map(\.id) == ["consequences", "focus", "mitigate"])
        #expect(guide.provenance.publisher == "Doteveryone")
    }

    @Test func aScanIsKeptWithItsFactInOneWrite() async throws {
        let context = TestContext.make(plugin: ConsequenceScanningPlugin.descriptor)
        let document = try await Self.operation("scan").run(
            Self.plugin(context), OperationInput(answers: Self.answers, forms: NoForms()), context.plugin)
        #expect(document.title == "Consequence scan: Predictive model for housing repairs")
        let kept = try #require(try await context.register.latestVersions(kind: "scan").first)
        #expect(kept.id == "csc-2026-0001")
        #expect(kept.author == "Test Officer")
        #expect(kept.tags == ["act", "influence"])
        #expect(context.register.journalTopics == ["record.created", "scan.recorded"])
        let fact = try #require(context.facts.events(of: ScanRecorded.self).first)
        #expect(fact.act == 1 && fact.influence == 1 && fact.monitor == 0)
    }

    @Test func aScanNamingNoDecisionKeepsNothing() async throws {
        let context = TestContext.make(plugin: ConsequenceScanningPlugin.descriptor)
        var answers = Self.answers
        answers["decision"] = .text("dec-2026-0009")
        // Named in words that fit however it was given: an option, an answers file, a prompt, a page.
        let error = await #expect(throws: DiagnosticError.self) {
            try await Self.operation("scan").run(Self.plugin(context), OperationInput(answers: answers, forms: NoForms()), context.plugin)
        }
        #expect(error?.diagnostics.first?.message == "the decision the scan is for, 'dec-2026-0009', is not a record in the register")
        #expect(context.register.journalTopics.isEmpty)
        #expect(context.facts.events.isEmpty)
    }

    @Test func aScanRespondingToADecisionIsLinkedToIt() async throws {
        let context = TestContext.make(plugin: ConsequenceScanningPlugin.descriptor)
        let decision = try await context.register.write { try $0.record(RecordDraft(kind: .decision, title: "Repairs", author: "Jo")) }
        var answers = Self.answers
        answers["decision"] = .text(decision.id)
        _ = try await Self.operation("scan").run(Self.plugin(context), OperationInput(answers: answers, forms: NoForms()), context.plugin)
        let links = try await context.register.links(of: decision.id)
        #expect(links == [RecordLink(from: "csc-2026-0001", to: decision.id, relation: .cites)])
    }

    /// With nothing kept, the list says how to start, and a spreadsheet asked for still gets its
    /// header row (a scheduled export must not fail the week nothing was scanned).
    @Test func anEmptyListSaysHowToStartAndIsStillASpreadsheet() throws {
        let context = TestContext.make(plugin: ConsequenceScanningPlugin.descriptor)
        let document = ScanPages.list([])
        #expect(try context.plugin.renderer.render(document, as: .csv) == "Record,Title,Date,Responds to,Act,Influence,Monitor\r\n")
        #expect(try context.plugin.renderer.render(document, as: .text).contains("No consequence scans are kept yet"))
    }

    @Test func anEscalatedDecisionSuggestsAScan() async throws {
        let context = TestContext.make()
        try context.activate(Self.plugin(context))
        await context.bus.deliver(DecisionRecorded(recordID: "dec-2026-0001", title: "Repairs", flowchartID: "f", verdict: "escalate", attributes: []))
        await context.bus.deliver(DecisionRecorded(recordID: "dec-2026-0002", title: "Bins", flowchartID: "f", verdict: "proceed", attributes: []))
        #expect(context.output.contains("ethics consequence-scanning scan --decision dec-2026-0001"))
        #expect(!context.output.contains("dec-2026-0002"))
    }

    /// The lines that add one consequence and then no other, after the scan's own questions.
    static let oneConsequence = ["y", "Damp found sooner", "1", "1", "act", "Repairs manager", "", "n"]

    /// The scan's form asked on a terminal that types `lines`: its answers (nil when it was not
    /// answered) and the terminal, for its transcript.
    static func asked(_ lines: [String]) throws -> (answers: FormAnswers?, terminal: ScriptedTerminal) {
        let terminal = ScriptedTerminal(lines)
        let outcome = try FormConversation(terminal: terminal).ask(Form(id: "scan", title: "A consequence scan", fields: ScanForm.fields))
        guard case .answered(let answers) = outcome else { return (nil, terminal) }
        return (answers, terminal)
    }

    @Test func theFormIsAskedOnATerminal() throws {
        let (asked, terminal) = try Self.asked(["Predictive model", "", "", ""] + Self.oneConsequence)
        let answers = try #require(asked, "the form was not answered: \(terminal.transcript)")
        let scan = ScanForm.scan(from: answers, author: "Jo", date: CalendarDate("2026-03-01")!, guide: "doteveryone")
        #expect(scan.title == "Predictive model")
        #expect(scan.consequences == [Scan.Consequence(
            description: "Damp found sooner", intended: true, positive: true, response: .act, owner: "Repairs manager", note: nil)])
        // The capital letter is what Enter answers: yes to the first consequence, no to another.
        #expect(terminal.transcript.contains("Add a consequence? (Y/n): ") && terminal.transcript.contains("Add another consequence? (y/N): "))
        #expect(terminal.unread.isEmpty)
    }

    /// A mistyped decision id is asked for again at once, not found wrong once the whole scan
    /// has been typed.
    @Test func aMistypedDecisionIsAskedAgainAtOnce() throws {
        let (asked, terminal) = try Self.asked(["Predictive model", "DEC-2026-1", "dec-2026-0001", "", ""] + Self.oneConsequence)
        let answers = try #require(asked, "the form was not answered: \(terminal.transcript)")
        #expect(answers.text("decision") == "dec-2026-0001")
        #expect(terminal.transcript.contains("must be a record id, such as dec-2026-0001"), "\(terminal.transcript)")
    }

    @Test func theGuideIsAWorksheet() async throws {
        let context = TestContext.make()
        let document = try await Self.operation("guide").run(
            Self.plugin(context), OperationInput(answers: FormAnswers(), forms: NoForms()), context.plugin)
        let text = try context.plugin.renderer.render(document, as: .text)
        #expect(text.contains("What could happen"))
        #expect(text.contains("Influence: decided elsewhere"))
    }
}
