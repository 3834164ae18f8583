import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Foundation
import Testing
@testable import DecisionFlowchart

/// Unattended runs of the shipped chart: each outcome reached, the record kept and announced,
/// and answers that are missing or wrong reported with the node they belong to.
@Suite struct RunTests {
    private func run(_ answers: String, extra: [String] = [], workspace: TemporaryDirectory) async throws -> (TestContext, String) {
        let (plugin, context) = try Fixtures.plugin(workspace: workspace.path)
        let file = try workspace.write(answers, to: "answers.yaml")
        let command = try RunCommand.parse(["--title", "Prioritise housing repairs", "--answers", file, "--author", "Jo Bloggs"] + extra)
        try await command.run(plugin: plugin, context: context.plugin)
        return (context, file)
    }

    @Test(arguments: Fixtures.answersByVerdict)
    func aScriptedRunReachesEachOutcome(verdict: Verdict, answers: String) async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let (context, _) = try await run(answers, extra: ["--format", "json"], workspace: directory)
        let records = try await context.plugin.register.latestVersions(kind: .decision)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.status == verdict.rawValue)
        let content = try record.decodeBody(as: DecisionRecordContent.self)
        #expect(content.outcome.verdict == verdict)
        #expect(content.author == "Jo Bloggs")
        #expect(content.flowchart.id == "ethical-decision" && content.flowchart.version == "2.0.0")
        #expect(content.path.last?.node == content.outcome.node)
        #expect(!content.rationale.isEmpty && content.rationale == content.path.last?.answer.text)
        #expect(context.facts.topics == ["decision.recorded"], "a walk publishes one fact, when it is kept")
        #expect(context.register.journalTopics == ["record.created", "decision.recorded"])
        let recorded = try #require(context.facts.events(of: DecisionRecorded.self).first)
        #expect(recorded.recordID == record.id && recorded.verdict == verdict.rawValue)
        #expect(recorded.attributes == content.attributes)
        #expect(context.output.contains("\"title\" : \"Prioritise housing repairs\"") || context.output.contains("Prioritise housing repairs"))
    }

    @Test func theRecordHoldsTheLensTableObligationsAndReviewDate() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let answers = try #require(Fixtures.answersByVerdict.first { $0.0 == .proceedWithMitigations }?.1)
        let (context, _) = try await run(answers, extra: ["--format", "markdown"], workspace: directory)
        let record = try #require(try await context.plugin.register.latestVersions(kind: .decision).first)
        let content = try record.decodeBody(as: DecisionRecordContent.self)
        #expect(content.outcome.reviewBy == CalendarDate("2026-09-01"))
        #expect(record.reviewBy == content.outcome.reviewBy)
        #expect(content.clauses == ["nolan.openness", "uksa.Q1", "senior-managers.accountability.4", "nolan.objectivity", "nolan.accountability", "bcs.1.a"])
        #expect(content.attributes == ["beneficence", "non-maleficence", "autonomy", "justice", "explicability"])
        let markdown = context.output
        #expect(markdown.contains("| Justice | **2/5** Those who report less wait longer. | **4/5** Estate weighting corrects reporting gaps. |"), "\(markdown)")
        // The framework is not an algorithm: no total, no ranking by sum.
        #expect(!markdown.contains("Total") && !markdown.contains("/30"))
        #expect(content.evaluations.first?.summary == "2 options weighed: Keep first come, first served (rights 4, justice 2, utilitarian 2, common-good 3, virtue 3, care 2); Rank with the model, checked by an officer (rights 3, justice 4, utilitarian 4, common-good 4, virtue 4, care 4)")
        #expect(content.flowchart.version == "2.0.0")
        #expect(markdown.contains("Equality Impact Assessment") && markdown.contains("EIA-2026-14") && markdown.contains("DPIA-2026-09"))
        #expect(markdown.contains("Putting it into effect with care"))
        #expect(markdown.contains("1. Put every mitigation in place before the work goes live"))
        #expect(markdown.contains("**Note:** Reporting gap measured in October."))
        #expect(markdown.contains("```mermaid"))
        #expect(!markdown.contains("Professional duties engaged"))
    }

    /// Stands in for code-mapper: the one duty a decision engages.
    struct OneDuty: EngagedDutiesFinder {
        func duties(attributes: [String], citedClauses: [String]) throws -> (duties: [EngagedDuty], unknownClauses: [String]) {
            ([EngagedDuty(clauseID: "bcs.1.a", code: "BCS Code of Conduct", title: "Public health", sharedAttributes: [], reason: "cited by the flowchart")], [])
        }
    }

    @Test func dutiesFromTheCapabilityAreKeptInTheFirstVersion() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let (plugin, context) = try Fixtures.plugin(workspace: directory.path)
        try context.plugin.capabilities.provide((any EngagedDutiesFinder).self, by: "test", OneDuty())
        let answers = try #require(Fixtures.answersByVerdict.first { $0.0 == .escalate }?.1)
        let file = try directory.write(answers, to: "answers.yaml")
        try await RunCommand.parse(["--title", "Repairs", "--answers", file, "--author", "Jo", "--format", "markdown"])
            .run(plugin: plugin, context: context.plugin)
        let record = try #require(try await context.plugin.register.latestVersions(kind: .decision).first)
        #expect(record.version == 1, "the duties are kept with the decision, in one transaction")
        #expect(try record.decodeBody(as: DecisionRecordContent.self).duties?.map(\.clauseID) == ["bcs.1.a"])
        #expect(context.register.journalTopics == ["record.created", "decision.recorded"])
        #expect(context.output.contains("## Professional duties engaged"))
        #expect(context.output.contains("| `bcs.1.a` | BCS Code of Conduct | Public health | cited by the flowchart |"))
    }

    @Test func anAnswerThatFailsLateKeepsNothing() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let (plugin, context) = try Fixtures.plugin(workspace: directory.path)
        let answers = Fixtures.fullWalk("residual-harm: some\n").replacingOccurrences(of: "virtue: {rating: 3,", with: "virtue: {rating: 9,")
        let file = try directory.write(answers, to: "answers.yaml")
        await #expect(throws: DiagnosticError.self) {
            try await RunCommand.parse(["--title", "Repairs", "--answers", file, "--author", "Jo"]).run(plugin: plugin, context: context.plugin)
        }
        #expect(context.register.journalTopics.isEmpty)
        #expect(context.facts.events.isEmpty)
    }

    @Test func aMissingAnswerNamesTheNode() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        await #expect {
            try await run("recognise-issue: ethical-issue\n", workspace: directory)
        } throws: { error in
            (error as? DiagnosticError)?.description
                == "\(directory.path)/answers.yaml: error: no answer for prompt 'describe-issue' (The ethical issue); add 'describe-issue:' with the written answer"
        }
    }

    @Test func anInvalidAnswerIsReportedAtItsValue() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let answers = Fixtures.fullWalk("residual-harm: some\n").replacingOccurrences(of: "virtue: {rating: 3,", with: "virtue: {rating: 9,")
        await #expect {
            try await run(answers, workspace: directory)
        } throws: { error in
            let text = (error as? DiagnosticError)?.description ?? ""
            return text.hasPrefix("\(directory.path)/answers.yaml:17:5: error: invalid answer for 'evaluate-options': rate option 'Keep first come, first served' under 'virtue' from 1")
        }
    }

    @Test func aKeyThatIsNoNodeIsRefusedBeforeTheWalk() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        await #expect {
            try await run("recognise-isue: ethical-issue\n", workspace: directory)
        } throws: { error in
            (error as? DiagnosticError)?.description
                == "\(directory.path)/answers.yaml:1:1: error: 'recognise-isue' is not a node of flowchart 'ethical-decision'; did you mean 'recognise-issue'?"
        }
    }

    @Test func anAnswersFileCannotGoRoundALoop() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let answers = """
            recognise-issue: ethical-issue
            describe-issue: x
            stakeholders: x
            facts: x
            enough-facts: not-enough
            gather-facts: x
            """
        await #expect {
            try await run(answers, workspace: directory)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.message.hasPrefix("the answers lead back to 'enough-facts'") == true
        }
    }

    @Test func citingAnUnknownRecordIsRefusedBeforeAnythingIsKept() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let answers = try #require(Fixtures.answersByVerdict.first?.1)
        await #expect(throws: DiagnosticError.self) {
            try await run(answers, extra: ["--cites", "can-2026-0042"], workspace: directory)
        }
    }

    @Test func citingACanvasLinksTheDecisionToIt() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let (plugin, context) = try Fixtures.plugin(workspace: directory.path)
        let canvas = try await context.plugin.register.engine.write { try $0.record(RecordDraft(kind: .canvas, title: "Repairs canvas", author: "Data team")) }
        let file = try directory.write(try #require(Fixtures.answersByVerdict.first?.1), to: "answers.yaml")
        try await RunCommand.parse(["--title", "Repairs", "--answers", file, "--author", "Jo", "--cites", canvas.id])
            .run(plugin: plugin, context: context.plugin)
        let decision = try #require(try await context.plugin.register.latestVersions(kind: .decision).first)
        #expect(try await context.plugin.register.links(of: decision.id) == [RecordLink(from: decision.id, to: canvas.id, relation: .cites)])
    }

    @Test func withoutATerminalOrAnswersTheRunAsksForAnswers() async throws {
        let (plugin, context) = try Fixtures.plugin()
        // `swift test` runs without a terminal on standard input.
        await #expect {
            try await RunCommand.parse(["--title", "Repairs", "--author", "Jo"]).run(plugin: plugin, context: context.plugin)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.suggestion?.contains("--answers FILE") == true
        }
        #expect(context.facts.topics.isEmpty)
    }

    @Test func listAndShowGivePastDecisions() async throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-run")
        let (plugin, context) = try Fixtures.plugin(workspace: directory.path)
        let file = try directory.write(try #require(Fixtures.answersByVerdict.first?.1), to: "answers.yaml")
        try await RunCommand.parse(["--title", "Move the repairs form", "--answers", file, "--author", "Jo", "--output", directory.path + "/record.html", "--format", "html"])
            .run(plugin: plugin, context: context.plugin)
        let html = try String(contentsOfFile: directory.path + "/record.html", encoding: .utf8)
        #expect(html.contains("<h1>Move the repairs form</h1>") || html.contains("Move the repairs form</h1>"))
        let id = try #require(try await context.plugin.register.latestVersions(kind: .decision).first?.id)
        try await ListCommand.parse(["--format", "csv"]).run(plugin: plugin, context: context.plugin)
        #expect(context.output.contains("\(id),2026-03-01,Move the repairs form,ethical-decision 2.0.0,proceed,recorded,Jo,"))
        try await ShowCommand.parse([id, "--format", "markdown"]).run(plugin: plugin, context: context.plugin)
        #expect(context.output.contains("# Move the repairs form"))
        #expect(context.output.contains("- Record: \(id) (version 1)") || context.output.contains("\(id) (version 1)"))
        await #expect(throws: DiagnosticError.self) {
            try await ShowCommand.parse(["dec-1999-0001"]).run(plugin: plugin, context: context.plugin)
        }
    }
}
