import EthicsCore
import EthicsTestSupport
import Testing
@testable import CodeMapper

/// code-mapper answers, for any plugin that asks (the `EngagedDutiesFinder` capability), which
/// professional duties a decision engages, so a decision record lists them. No
/// decision-flowchart plugin is needed: the test asks itself.
@Suite struct DecisionAnnotationTests {
    private func finder(clausesPerCode: Int? = nil) throws -> any EngagedDutiesFinder {
        let (plugin, context) = try Fixtures.plugin()
        let activated = try clausesPerCode.map {
            try CodeMapperPlugin(
                settings: CodeMapperPlugin.Settings(codes: try Fixtures.shippedSettings().codes, clausesPerCode: $0), context: context.plugin)
        } ?? plugin
        try context.activate(activated)
        return try #require(context.plugin.capabilities.find((any EngagedDutiesFinder).self))
    }

    @Test func aDecisionIsAnsweredWithTheClausesItEngages() throws {
        let (duties, unknown) = try finder().duties(attributes: ["justice", "explicability"], citedClauses: ["bcs.1.c"])
        #expect(unknown.isEmpty)
        let cited = try #require(duties.first)
        #expect(cited == EngagedDuty(
            clauseID: "bcs.1.c", code: "BCS Code of Conduct", title: "No discrimination",
            sharedAttributes: ["justice"], reason: "cited by the flowchart"))
        // Integrity serves both attributes; objectivity and accountability serve one each and
        // nothing else, so they match more closely than openness, honesty or leadership.
        let nolan = duties.filter { $0.clauseID.hasPrefix("nolan.") }
        #expect(nolan.map(\.clauseID) == ["nolan.integrity", "nolan.objectivity", "nolan.accountability"])
        #expect(nolan.first?.reason == "serves justice, explicability")
        #expect(nolan.first?.code == "The Seven Principles of Public Life")
    }

    @Test func eachCodeContributesAtMostTheConfiguredNumberOfClauses() throws {
        let duties = try finder(clausesPerCode: 2).duties(attributes: ["non-maleficence"], citedClauses: []).duties
        let perCode = Dictionary(grouping: duties, by: { $0.clauseID.prefix { $0 != "." } }).mapValues(\.count)
        // Nolan (leadership), good governance, the complaint handling code and the providers'
        // report have one clause each that serves non-maleficence; every other code has at least two.
        #expect(perCode == [
            "nolan": 1, "senior-managers": 2, "bcs": 2, "acm": 2, "uksa": 2, "uksa3": 2, "rss": 2, "def": 2, "daief": 2, "good-governance": 1,
            "complaint-handling-code": 1, "public-service-providers": 1, "ethical-data-science": 2, "oxford-munich": 2, "lges": 2, "ieee": 2,
        ])
        #expect(duties.allSatisfy { $0.sharedAttributes == ["non-maleficence"] })
    }

    @Test func anUnknownCitedClauseIsReturnedApartAndDoesNotStopTheAnswer() throws {
        let (duties, unknown) = try finder().duties(attributes: [], citedClauses: ["bcs.9.z", "uksa.T6"])
        #expect(duties.map(\.clauseID) == ["uksa.T6"])
        #expect(unknown == ["bcs.9.z"])
    }

    @Test func aDecisionTouchingNoAttributeStillGetsAnAnswer() throws {
        #expect(try finder().duties(attributes: ["not-an-attribute"], citedClauses: []).duties.isEmpty)
    }
}
