import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import EthicsYAML
import Foundation
import Testing
@testable import DecisionFlowchart

/// The shipped flowchart read as the default configuration names it, small charts written for
/// one problem each, and answers files that walk the shipped chart to each outcome.
enum Fixtures {
    static let configs = CommandRunner.repositoryRoot.appendingPathComponent("Configs").path

    static func shippedAttributes() throws -> AttributeCatalog {
        try AttributeCatalog.load(files: [contentPath(configs + "/content/attributes.yaml")])
    }

    /// The `plugins.decision-flowchart` section of `Configs/toolkit.yaml`, decoded as the host would.
    static func shippedSettings() throws -> DecisionFlowchartPlugin.Settings {
        let document = try YAMLParser.parse(file: configs + "/toolkit.yaml")
        let node = try #require(document.root?["plugins"]?["decision-flowchart"])
        return try YAMLDecoder().decode(DecisionFlowchartPlugin.Settings.self, from: node)
    }

    static func plugin(workspace: String = "/tmp/ethics-tests") throws -> (plugin: DecisionFlowchartPlugin, context: TestContext) {
        let context = TestContext.make(
            attributes: try shippedAttributes().attributes, workspace: workspace, plugin: DecisionFlowchartPlugin.descriptor)
        return (try DecisionFlowchartPlugin(settings: try shippedSettings(), context: context.plugin), context)
    }

    static func shippedChart() throws -> Flowchart {
        try plugin().plugin.flowchart(nil)
    }

    static func contentPath(_ path: String) -> ContentPath {
        ContentPath(path: path, written: path, location: SourceLocation(file: "council.yaml", line: 1, column: 1))
    }

    /// A chart file whose nodes start on line 6.
    static func chart(id: String = "mini", nodes: String) -> String {
        """
        id: \(id)
        title: Mini
        version: "1"
        provenance: {source: S, publisher: P, url: "https://example.org", licence: CC0, retrieved: 2026-01-01}
        nodes:
        \(nodes)
        """
    }

    /// Loads `files` (name and text) from a temporary folder, as the configuration would.
    static func load(_ files: [(String, String)], in directory: TemporaryDirectory) throws -> FlowchartSet {
        let paths = try files.map { name, text in contentPath(try directory.write(text, to: name)) }
        return try FlowchartLoader(attributes: try shippedAttributes()).load(paths)
    }

    /// Where `needle` first appears in `text` (after `occurrence - 1` earlier appearances), as
    /// `path:line:column`, so messages can be compared whole.
    static func position(of needle: String, in text: String, file: String, occurrence: Int = 1) throws -> String {
        var found = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var searchStart = line.startIndex
            while let range = line[searchStart...].range(of: needle) {
                found += 1
                if found == occurrence {
                    return "\(file):\(number + 1):\(line.distance(from: line.startIndex, to: range.lowerBound) + 1)"
                }
                searchStart = range.upperBound
            }
        }
        Issue.record("'\(needle)' is not in the fixture")
        return ""
    }

    // MARK: Answers for the shipped chart

    static let lensRatings = """
        evaluate-options:
          Keep first come, first served:
            rights: {rating: 4, note: Everyone is treated alike.}
            justice: {rating: 2, note: Those who report less wait longer.}
            utilitarian: {rating: 2, note: Damage found late.}
            common-good: {rating: 3, note: The stock deteriorates.}
            virtue: {rating: 3, note: Simple to explain.}
            care: {rating: 2, note: Vulnerable tenants report less.}
          Rank with the model, checked by an officer:
            rights: {rating: 3, note: Tenants can ask why.}
            justice: {rating: 4, note: Estate weighting corrects reporting gaps.}
            utilitarian: {rating: 4, note: Damage found earlier.}
            common-good: {rating: 4, note: Better upkeep.}
            virtue: {rating: 4, note: Open about the method.}
            care: {rating: 4, note: Vulnerability raises priority.}
        """

    /// The full walk up to the test of the chosen option, then `ending`.
    static func fullWalk(test: String = "[respected-person, public, assessments-reflected]", _ ending: String) -> String {
        """
        recognise-issue: ethical-issue
        describe-issue: Tenants whose homes the data describes poorly could wait longer.
        stakeholders: Tenants, the repairs team, the tenants' federation.
        facts: Five years of repair records; reporting rates differ by estate.
        enough-facts: {choice: enough, note: Reporting gap measured in October.}
        equality-impact: could-affect
        eia: EIA-2026-14 found disabled tenants report damp less often; both options are checked against it.
        personal-data: high-risk
        dpia: DPIA-2026-09; the DPO advised an officer check on every ranking; no high risk remains.
        consulted: {checked: [people-affected, data-protection], note: Federation meeting.}
        \(lensRatings)
        choose-option: Rank with the model, checked by an officer.
        test-option: \(test)
        \(ending)
        """
    }

    /// One answers file per verdict, each reaching it by a different route.
    static let answersByVerdict: [(Verdict, String)] = [
        (.proceed, """
            recognise-issue: no-issue
            why-no-issue: The change only moves the repairs form to a new page.
            proceed: Nobody is treated differently.
            """),
        (.proceedWithMitigations, fullWalk("""
            implement-with-care: Tell each tenant their place in the queue and how to ask for a review.
            residual-harm: manageable
            mitigations: Quarterly fairness audit by estate.
            plan-review-mitigated: Report waiting times by estate each quarter.
            proceed-with-mitigations: The audit keeps the ranking fair.
            """)),
        (.escalate, fullWalk("""
            implement-with-care: Meet the tenants' federation before the ranking starts.
            residual-harm: serious
            escalate: The board should judge the harm to tenants with disabilities.
            """)),
        (.doNotProceed, fullWalk(test: "[respected-person]", """
            test-failed: stop
            do-not-proceed: We could not defend it in public.
            """)),
    ]
}
