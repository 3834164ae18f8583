import EthicsCore
import EthicsTestSupport
import Foundation
import Testing
@testable import TransparencyRecord

/// The plugin's operations in process, on an in-memory register: a record made, filled through
/// the form driver (the terminal's and an answers file's way in), checked with its conditional
/// fields, kept with its fact and links, and exported within the Dutch register's limits.
@Suite struct TransparencyRecordPluginTests {
    static let standardPath = CommandRunner.repositoryRoot.appendingPathComponent("Configs/content/transparency/atrs-3.0.yaml").path

    struct Setup {
        let context: TestContext
        let plugin: TransparencyRecordPlugin
        let directory: TemporaryDirectory

        var file: String { directory.path + "/tool.atrs.yaml" }

        func run(_ name: String, _ answers: [String: FormValue], forms: any FormDriver = NoForms()) async throws -> Document {
            let operation = try #require(TransparencyRecordPlugin.operations.first { $0.name == name })
            return try await operation.run(plugin, OperationInput(answers: FormAnswers(answers), forms: forms), context.plugin)
        }
    }

    static func setup(terminal: (any Terminal)? = nil) throws -> Setup {
        let context = TestContext.make(terminal: terminal, plugin: TransparencyRecordPlugin.descriptor)
        let path = ContentPath(path: standardPath, written: standardPath, location: SourceLocation(file: "test.yaml", line: 1, column: 1))
        let plugin = TransparencyRecordPlugin(settings: .init(standard: path, contactEmail: "data@testshire.example"), context: context.plugin)
        return Setup(context: context, plugin: plugin, directory: try TemporaryDirectory(prefix: "atrs-plugin"))
    }

    /// Answers a further form with fixed answers, as an answers file would.
    struct Given: FormDriver {
        let answers: FormAnswers
        func answers(to form: Form, current: FormAnswers) async throws -> FormAnswers { answers }
    }

    @Test func newWritesTheVersionTheCouncilAndTheConfiguredContact() async throws {
        let setup = try Self.setup()
        _ = try await setup.run("new", ["name": .text("Repairs model"), "file": .text(setup.file)])
        let text = try String(contentsOfFile: setup.file, encoding: .utf8)
        #expect(text.contains("standard-version: \"3.0\""))
        #expect(text.contains("organisation: Testshire Council"))
        #expect(text.contains("contact-email: data@testshire.example"))
        let attributes = try FileManager.default.attributesOfItem(atPath: setup.file)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        await #expect(throws: DiagnosticError.self) {
            _ = try await setup.run("new", ["name": .text("Repairs model"), "file": .text(setup.file)])
        }
    }

    @Test func aSupplierIsRequiredOnlyWhenAThirdPartyIsInvolved() async throws {
        let setup = try Self.setup()
        _ = try await setup.run("new", ["name": .text("Repairs model"), "file": .text(setup.file)])
        _ = try await setup.run("fill", ["file": .text(setup.file)], forms: Given(answers: FormAnswers(["third-party": .flag(false)])))
        let standard = try setup.plugin.standard()
        let without = Completeness(standard: standard, record: try RecordFile.read(setup.file, standard: standard))
        #expect(!without.missing.contains { $0.field == "1.4.1 - Third party" })
        _ = try await setup.run("fill", ["file": .text(setup.file)], forms: Given(answers: FormAnswers(["third-party": .flag(true)])))
        let with = Completeness(standard: standard, record: try RecordFile.read(setup.file, standard: standard))
        #expect(with.missing.contains { $0.field == "1.4.1 - Third party" && $0.section.number == "1" })
        #expect(with.missing.contains { $0.field == "1.4.2 - Companies House number" })
    }

    @Test func checkFailsNamingEachMissingFieldBySectionAndNumber() async throws {
        let setup = try Self.setup()
        _ = try await setup.run("new", ["name": .text("Repairs model"), "file": .text(setup.file)])
        do {
            _ = try await setup.run("check", ["file": .text(setup.file)])
            Issue.record("an empty record passed its check")
        } catch let failure as CheckFailure {
            let text = try setup.context.plugin.renderer.render(failure.document, as: .text)
            #expect(text.contains("Tier 2 - Description and rationale (section 2)"))
            #expect(text.contains("2.1 - Detailed description: needs an answer"))
            #expect(text.contains("Contact email") == false)  // the configuration gave it
        }
    }

    @Test func theTerminalIsAskedOneSectionWithNumberedLabels() async throws {
        // Team, owner, no third party; Enter passes over the supplier's five optional fields.
        let terminal = ScriptedTerminal(["Housing repairs service", "Head of Housing Repairs", "n", "", "", "", "", ""])
        let setup = try Self.setup(terminal: terminal)
        _ = try await setup.run("new", ["name": .text("Repairs model"), "file": .text(setup.file)])
        let forms = TerminalForms(terminal: terminal)
        _ = try await setup.run("fill", ["file": .text(setup.file), "section": .text("1")], forms: forms)
        #expect(terminal.transcript.contains("Tier 2 - Owner and responsibility (section 1)"))
        #expect(terminal.transcript.contains("1.2 - Team (optional)"))
        let text = try String(contentsOfFile: setup.file, encoding: .utf8)
        #expect(text.contains("team: Housing repairs service"))
        #expect(text.contains("third-party: false"))
        await #expect(throws: DiagnosticError.self) {
            _ = try await setup.run("fill", ["file": .text(setup.file), "section": .text("6")], forms: forms)
        }
    }

    /// The terminal's way of answering a further form, as the command line drives it.
    struct TerminalForms: FormDriver {
        let terminal: any Terminal
        func answers(to form: Form, current: FormAnswers) async throws -> FormAnswers {
            let rest = Form(id: form.id, title: form.title, help: form.help, fields: form.fields.filter { current[$0.id] == nil })
            guard case .answered(let answers) = try FormConversation(terminal: terminal).ask(rest, current: current) else { return current }
            return answers
        }
    }

    @Test func recordKeepsItWithItsFactAndCitesTheAssessments() async throws {
        let setup = try Self.setup()
        let register = setup.context.plugin.register
        let decision = try await register.engine.write { transaction in
            try transaction.record(RecordDraft(kind: .decision, title: "Rank repairs", author: "Jo"))
        }
        _ = try await setup.run("new", ["name": .text("Repairs model"), "file": .text(setup.file)])
        var record = try RecordFile.read(setup.file, standard: try setup.plugin.standard())
        record.assessments = [decision.id]
        try record.write(to: setup.file, standard: try setup.plugin.standard())
        _ = try await setup.run("record", ["file": .text(setup.file)])
        let kept = try #require(try await register.latestVersions(kind: TransparencyRecordPlugin.transparencyRecordKind).first)
        #expect(kept.id == "atr-2026-0001" && kept.status == "draft" && kept.author == "Test Officer")
        #expect(try await register.links(of: kept.id).contains { $0.to == decision.id && $0.relation == .cites })
        let fact = try #require(setup.context.facts.events(of: TransparencyRecorded.self).first)
        #expect(fact.standardVersion == "v3.0" && !fact.complete && fact.assessments == [decision.id])
        #expect(try String(contentsOfFile: setup.file, encoding: .utf8).contains("record: atr-2026-0001"))
        _ = try await setup.run("record", ["file": .text(setup.file)])
        #expect(try await register.history(of: kept.id).count == 2)
        let latest = try #require(try await register.fetch(kept.id))
        let page = try #require(setup.plugin.page(of: latest))
        #expect(page.metadata.first?.value == "atr-2026-0001 version 2, draft")

        // Kept again unchanged, it is no new version; signed off, it stays signed off.
        let unchanged = try await setup.run("record", ["file": .text(setup.file)])
        #expect(try await register.history(of: kept.id).count == 2)
        #expect(unchanged.metadata.first?.value == "atr-2026-0001 version 2, draft")
        _ = try await register.engine.write { write in
            try write.addVersion(of: kept.id, RecordDraft(
                kind: TransparencyRecordPlugin.transparencyRecordKind, title: latest.title, author: "Board", status: "approved",
                reviewBy: latest.reviewBy, tags: latest.tags, attributes: latest.attributes, body: latest.body))
        }
        _ = try await setup.run("record", ["file": .text(setup.file)])
        #expect(try await register.fetch(kept.id)?.status == "approved")
        #expect(try await register.history(of: kept.id).count == 3)
    }

    @Test func theStandardAndTheListAreShown() async throws {
        let setup = try Self.setup()
        let standard = try setup.context.plugin.renderer.render(try await setup.run("standard", [:]), as: .json)
        #expect(standard.contains("Algorithmic Transparency Recording Standard v3.0"))
        #expect(standard.contains("algorithmic_transparency_record_organisation_type"))
        #expect(standard.contains("when third-party is yes"))
        let empty = try setup.context.plugin.renderer.render(try await setup.run("list", [:]), as: .text)
        #expect(empty.contains("No transparency records are kept yet."))
        _ = try await setup.run("new", ["name": .text("Repairs model"), "file": .text(setup.file)])
        _ = try await setup.run("record", ["file": .text(setup.file)])
        let listed = try setup.context.plugin.renderer.render(try await setup.run("list", [:]), as: .text)
        #expect(listed.contains("atr-2026-0001") && listed.contains("Repairs model"))
    }

    @Test func theDutchStatusFollowsThePhase() {
        #expect(Algoritmeregister.status(of: "production") == "In gebruik")
        #expect(Algoritmeregister.status(of: "retired") == "Buiten gebruik")
        #expect(Algoritmeregister.status(of: "beta-pilot") == "In ontwikkeling")
        #expect(Algoritmeregister.limits["description_short"] == 400 && Algoritmeregister.limits["methods_and_models"] == 5000)
    }

    @Test func aCanvasGivesPurposeDatasetsAndRisks() throws {
        let directory = try TemporaryDirectory(prefix: "atrs-canvas")
        let path = directory.path + "/c.canvas.yaml"
        try """
            template: odi-data-ethics-canvas
            title: Repairs model
            record: can-2026-0003
            areas:
              reasons:
                answers:
                  purpose: Find damp homes sooner.
              sources:
                answers:
                  which-sources: |
                    Repair requests — Five years of requests — https://data.example/r — Repairs
              negative-effects:
                answers:
                  who-harmed: Quiet tenants — Ranked lower
              mitigations:
                answers:
                  steps: An officer checks each ranking.
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let prefill = try Prefill.fromCanvas(path)
        #expect(prefill.name == "Repairs model")
        #expect(prefill.assessments == ["can-2026-0003"])
        let description = try #require(prefill.entries.first { $0.field == "description" })
        #expect(description.value == .text("Find damp homes sooner.") && description.from == "canvas c.canvas.yaml: reasons/purpose")
        guard case .items(let datasets)? = prefill.entries.first(where: { $0.field == "datasets" })?.value else {
            Issue.record("no datasets")
            return
        }
        #expect(datasets.first?.text("source-url") == "https://data.example/r")
        guard case .items(let risks)? = prefill.entries.first(where: { $0.field == "risks" })?.value else {
            Issue.record("no risks")
            return
        }
        #expect(risks.first?.text("name") == "Quiet tenants" && risks.first?.text("mitigation") == "An officer checks each ranking.")
    }
}
