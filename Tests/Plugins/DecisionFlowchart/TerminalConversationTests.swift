import EthicsTestSupport
import EthicsCore
import Testing
@testable import DecisionFlowchart

/// The terminal conversation, held with a script of lines instead of a person.
@Suite struct TerminalConversationTests {
    private func converse(_ lines: [String]) throws -> (TerminalConversation.Ending, String) {
        let chart = try Fixtures.shippedChart()
        let terminal = ScriptedTerminal(lines)
        let ending = try TerminalConversation(chart: chart, terminal: terminal).converse(from: DecisionWalk(chart: chart))
        return (ending, terminal.transcript)
    }

    @Test func numberedChoicesMultiLineAnswersAndBack() throws {
        let (ending, transcript) = try converse([
            "3",                  // recognise-issue: no-issue
            "",                   // no note
            ":back",              // back to recognise-issue
            "7", "x", "3", "",    // two bad replies, then no-issue again
            "It only moves a form", "to a new page.", ".",
            "Nobody is treated differently.", "",
        ])
        guard case .finished(let walk) = ending else {
            Issue.record("the walk did not finish: \(transcript)")
            return
        }
        #expect(walk.steps.map(\.node) == ["recognise-issue", "why-no-issue", "proceed"])
        #expect(walk.steps[1].answer.text == "It only moves a form\nto a new page.")
        #expect(transcript.contains("  3. No, it is only a matter of law, cost or efficiency"))
        #expect(transcript.contains("! 'x' is not one of the choices for 'Your answer'"))
    }

    @Test func saveStopsWithTheAnswersSoFar() throws {
        let (ending, _) = try converse(["1", "A note", "The issue.", "", ":save"])
        guard case .saved(let walk) = ending else {
            Issue.record("expected a save")
            return
        }
        #expect(walk.steps.map(\.node) == ["recognise-issue", "describe-issue"])
        #expect(walk.steps[0].answer.note == "A note")
        #expect(walk.current == "stakeholders")
    }

    @Test func theEndOfInputKeepsNothing() throws {
        #expect(throws: (any Error).self) { try converse(["1"]) }
    }

    @Test func aSavedWalkReplaysAgainstTheChart() throws {
        let chart = try Fixtures.shippedChart()
        let (ending, _) = try converse(["1", "", "The issue.", "", ":save"])
        guard case .saved(let walk) = ending else { return }
        let replayed = try DecisionWalk.replaying(walk.steps, in: chart)
        #expect(replayed == walk)
    }
}
