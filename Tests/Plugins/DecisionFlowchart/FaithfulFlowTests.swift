import EthicsCore
import EthicsYAML
import Testing
@testable import DecisionFlowchart

/// The shipped flow follows the Markkula framework it cites: the framework's own lens questions,
/// only the tests it has, step 4's question on carrying the decision out, and for a council the
/// equality and data protection assessments; a record made with an earlier version still shows as
/// it was made.
@Suite struct FaithfulFlowTests {
    @Test func theLensesAskTheFrameworksOwnQuestions() throws {
        let chart = try Fixtures.shippedChart()
        let questions = Dictionary(uniqueKeysWithValues: chart.lenses.map { ($0.id.value, $0.question) })
        #expect(questions["virtue"] == "Which option would have you act as the kind of person you want to be?")
        #expect(questions["care"]?.contains("relationships, concerns and feelings of everyone with a stake") == true)
        #expect(!(questions["virtue"] ?? "").contains("council"))
        let virtue = try #require(chart.lenses.first { $0.id.value == "virtue" })
        #expect(!virtue.attributes.map(\.value).contains("explicability"))
        let rights = try #require(chart.lenses.first { $0.id.value == "rights" })
        #expect(rights.attributes.count > 1)
    }

    @Test func onlyTheFrameworksTestsAreRequiredAndStepFourAsksAboutStakeholders() throws {
        let chart = try Fixtures.shippedChart()
        let test = try #require(chart.node("test-option"))
        #expect(test.items?.filter(\.required).map(\.id.value) == ["respected-person", "public"])
        #expect(!(test.items ?? []).contains { $0.id.value == "burdens-shared" })
        let care = try #require(chart.node("implement-with-care"))
        #expect(care.step == 4 && care.kind == .prompt)
        #expect(care.text.contains("concerns of everyone with a stake"))
    }

    @Test func stepTwoPromptsForAnEqualityImpactAssessmentAndADPIA() throws {
        let chart = try Fixtures.shippedChart()
        for id in ["equality-impact", "eia", "eia-screening", "personal-data", "dpia", "dpia-screening"] {
            #expect(chart.node(id)?.step == 2, "\(id)")
        }
        #expect(chart.node("equality-impact")?.choices?.map(\.next?.value) == ["eia", "eia-screening"])
        #expect(chart.node("personal-data")?.choices?.map(\.next?.value) == ["dpia", "dpia-screening", "consulted"])
    }

    @Test func aRecordMadeWithAnEarlierVersionShowsAsItWasMade() throws {
        let chart = try Fixtures.shippedChart()
        let asked = "Which option shows the council acting as the honest, fair and open organisation it means to be?"
        let content = DecisionRecordContent(
            title: "Old decision", author: "Jo", date: CalendarDate("2026-06-01")!, council: "Anytown",
            flowchart: .init(id: chart.id.value, title: chart.title, version: "1.0.0", source: nil),
            path: [.init(
                node: "evaluate-options", kind: .lensEvaluation, step: 3, title: "The options through the lenses", asked: asked,
                answer: Answer(options: [.init(name: "A", ratings: [.init(lens: "virtue", rating: 4, note: "Open.")])]),
                summary: "1 options weighed: A (total 4)", lenses: [.init(id: "virtue", name: "Virtue")])],
            outcome: .init(node: "proceed", verdict: .proceed, title: "Proceed", text: "Go ahead.", obligations: [], reviewBy: nil),
            rationale: "Fine.", attributes: [], clauses: [], cites: [], duties: nil)
        let document = DecisionDocument(id: "dec-1", version: 1, content: content, attributes: try Fixtures.shippedAttributes(), chart: chart)
            .document
        let text = "\(document.blocks)"
        #expect(text.contains(asked))
        #expect(text.contains("1 options weighed: A (total 4)"))
        #expect(text.contains("made with version 1.0.0 of the flowchart; it is now at version \(chart.version)"))
        #expect(!document.blocks.contains { if case .graph = $0 { true } else { false } })
    }
}
