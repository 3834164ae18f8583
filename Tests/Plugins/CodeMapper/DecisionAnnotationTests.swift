import EthicsCore
import EthicsTestSupport
import Testing
@testable import CodeMapper

/// code-mapper listens to `decision.recorded` and answers with `codes.mapped`, so a decision
/// record lists the professional duties it touches. No decision-flowchart plugin is needed: the
/// test publishes the event itself.
@Suite struct DecisionAnnotationTests {
    private func decision(attributes: [String], clauses: [String] = []) -> DecisionRecorded {
        DecisionRecorded(
            recordID: "D-2026-014", title: "Predictive model for school place planning",
            flowchartID: "ethical-decision", verdict: "proceed", attributes: attributes, clauses: clauses)
    }

    @Test func aRecordedDecisionIsAnsweredWithTheClausesItEngages() throws {
        let (plugin, context) = try Fixtures.plugin()
        let bus = context.plugin.bus
        try plugin.activate(on: bus)

        bus.publish(decision(attributes: ["justice", "explicability"], clauses: ["bcs.1.c"]))

        #expect(context.events.topics == ["decision.recorded", "codes.mapped"])
        let mapped = try #require(context.events.events(of: CodesMapped.self).first)
        #expect(mapped.recordID == "D-2026-014")
        let cited = try #require(mapped.clauses.first)
        #expect(cited == CodesMapped.EngagedClause(
            clauseID: "bcs.1.c", code: "BCS Code of Conduct", title: "No discrimination",
            sharedAttributes: ["justice"], reason: "cited by the flowchart"))
        // Integrity serves both attributes; objectivity and accountability serve one each and
        // nothing else, so they match more closely than openness, honesty or leadership.
        let nolan = mapped.clauses.filter { $0.clauseID.hasPrefix("nolan.") }
        #expect(nolan.map(\.clauseID) == ["nolan.integrity", "nolan.objectivity", "nolan.accountability"])
        #expect(nolan.first?.reason == "serves justice, explicability")
        #expect(nolan.first?.code == "The Seven Principles of Public Life")
    }

    @Test func eachCodeContributesAtMostTheConfiguredNumberOfClauses() throws {
        let (_, context) = try Fixtures.plugin()
        let settings = CodeMapperPlugin.Settings(codes: try Fixtures.shippedSettings().codes, clausesPerCode: 2)
        let plugin = try CodeMapperPlugin(settings: settings, context: context.plugin)
        try plugin.activate(on: context.plugin.bus)

        context.plugin.bus.publish(decision(attributes: ["non-maleficence"]))

        let mapped = try #require(context.events.events(of: CodesMapped.self).first)
        let perCode = Dictionary(grouping: mapped.clauses, by: { $0.clauseID.prefix { $0 != "." } }).mapValues(\.count)
        // Nolan serves no non-maleficence at all; good governance has one clause that does; every
        // other code has more than two.
        #expect(perCode == ["senior-managers": 2, "bcs": 2, "acm": 2, "uksa": 2, "rss": 2, "def": 2, "daief": 2, "good-governance": 1, "ethical-data-science": 2])
        #expect(mapped.clauses.allSatisfy { $0.sharedAttributes == ["non-maleficence"] })
    }

    @Test func anUnknownCitedClauseDoesNotStopTheAnnotation() throws {
        let (plugin, context) = try Fixtures.plugin()
        try plugin.activate(on: context.plugin.bus)

        context.plugin.bus.publish(decision(attributes: [], clauses: ["bcs.9.z", "uksa.T6"]))

        let mapped = try #require(context.events.events(of: CodesMapped.self).first)
        #expect(mapped.clauses.map(\.clauseID) == ["uksa.T6"])
    }

    @Test func aDecisionTouchingNoAttributeStillGetsAnAnswer() throws {
        let (plugin, context) = try Fixtures.plugin()
        try plugin.activate(on: context.plugin.bus)

        context.plugin.bus.publish(decision(attributes: ["not-an-attribute"]))

        #expect(context.events.events(of: CodesMapped.self) == [CodesMapped(recordID: "D-2026-014", clauses: [])])
    }
}
