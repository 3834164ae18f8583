import EthicsTestSupport
import Foundation
import Testing

/// The answers files in Configs/examples/ that a user copies, each run through the built `ethics`
/// binary as its header comment says, so an example that drifts from its content fails here.
@Suite struct ExamplesEndToEndTests {
    private let examples = CommandRunner.repositoryRoot.appendingPathComponent("Configs/examples").path

    @Test func theDecisionWalkExampleReachesItsVerdict() throws {
        let directory = try TemporaryDirectory(prefix: "examples-e2e")
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        let run = try CommandRunner.ethics(
            ["decision-flowchart", "run", "--title", "Rank housing repairs with a model", "--author", "Housing data team",
             "--answers", examples + "/decision-walk.answers.yaml", "--output", directory.path + "/decision.md", "--format", "markdown"],
            environment: environment)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains(": Proceed with mitigations."), "\(run)")
        let markdown = try String(contentsOfFile: directory.path + "/decision.md", encoding: .utf8)
        #expect(markdown.contains("EIA-2026-14") && markdown.contains("DPIA-2026-09"))
        #expect(markdown.contains("Putting it into effect with care"))
        #expect(!markdown.contains("Total"))
        #expect(markdown.contains("ethical-decision, version 2.0.0"))
    }

    @Test func theCanvasFillExampleFillsACanvasTheODIAppCanRead() throws {
        let directory = try TemporaryDirectory(prefix: "examples-e2e")
        func run(_ arguments: [String]) throws -> CommandResult {
            try CommandRunner.ethics(["canvas-builder"] + arguments, in: directory.url)
        }
        #expect(try run(["new", "--title", "Library opening hours review", "--output", "hours.canvas.yaml"]).status == 0)
        let filled = try run(["fill", "hours.canvas.yaml", "--answers", examples + "/canvas-fill.answers.yaml"])
        #expect(filled.status == 0, "\(filled)")
        #expect(filled.stdout.contains("updated 9 areas"), "\(filled)")
        let exported = try run(["export", "hours.canvas.yaml", "--format", "dec-json"])
        #expect(exported.status == 0, "\(exported)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any])
        let blobs = try #require(root["blobs"] as? [[String: Any]])
        func content(_ id: String) -> Any? { blobs.first { $0["id"] as? String == id }?["content"] }
        let sources = try #require(content("sources") as? [[String: Any]])
        #expect(sources.map { $0["title"] as? String } == ["Library visits", "Opening hours"])
        #expect(sources.first?["url"] as? String == "https://data.example.gov.uk/footfall")
        let rights = try #require(content("rights") as? [[String: Any]])
        #expect((rights.first?["data_collection"] as? [String: Any])?["checked"] as? String == "YES")
        let limitations = try #require(content("limitations") as? [[[String: Any]]])
        #expect(limitations.first?.count == 2)
        let actions = try #require(content("actions") as? [Any])
        #expect((actions.first as? [Any])?.count == 2)
        #expect(root["x-ethics-toolkit"] as? [String: Any] != nil)
        #expect(!exported.stdout.contains("\"answers\""))
    }

    @Test func theSelfAssessmentExampleScoresTheThreePrinciples() throws {
        let directory = try TemporaryDirectory(prefix: "examples-e2e")
        func run(_ arguments: [String]) throws -> CommandResult {
            try CommandRunner.ethics(["canvas-builder"] + arguments, in: directory.url)
        }
        let created = try run(["new", "--title", "Parking permit eligibility", "--template", "uk-data-ethics-framework", "--output", "permits.canvas.yaml"])
        #expect(created.status == 0, "\(created)")
        let filled = try run(["fill", "permits.canvas.yaml", "--answers", examples + "/self-assessment.answers.yaml"])
        #expect(filled.status == 0, "\(filled)")
        let rendered = try run(["render", "permits.canvas.yaml", "--format", "markdown"])
        #expect(rendered.status == 0, "\(rendered)")
        for score in ["score 3 of 5", "score 4 of 5", "score 2 of 5"] { #expect(rendered.stdout.contains(score), "\(score)") }
        let check = try run(["check", "permits.canvas.yaml"])
        #expect(check.status == 1, "an example still in progress is not complete: \(check)")
    }
}
