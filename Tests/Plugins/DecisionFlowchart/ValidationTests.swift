@testable import DecisionFlowchart
import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import EthicsYAML
import Foundation
import Testing

/// The shipped chart is valid, and each problem the validator knows is reported, at its place,
/// by a chart broken in exactly that way.
@Suite struct ValidationTests {
    private static let outcome = """
          - id: done
            kind: outcome
            text: Done.
            verdict: proceed
        """

    private func problems(_ text: String) throws -> (messages: [String], file: String) {
        let directory = try TemporaryDirectory(prefix: "flowchart-validation")
        let set = try Fixtures.load([("chart.yaml", text)], in: directory)
        return (DiagnosticError(set.problems).diagnostics.map(\.description), directory.path + "/chart.yaml")
    }

    @Test func theShippedFlowchartIsValid() throws {
        let set = try FlowchartLoader(attributes: try Fixtures.shippedAttributes()).load(try Fixtures.shippedSettings().flowcharts)
        #expect(set.problems.isEmpty, "\(set.problems)")
        let chart = try #require(set.charts.first)
        #expect(chart.id.value == "ethical-decision")
        #expect(chart.lenses.map(\.id.value) == ["rights", "justice", "utilitarian", "common-good", "virtue", "care"])
        #expect(Set(chart.nodes.compactMap(\.verdict)) == Set(Verdict.allCases))
        #expect(Set(chart.nodes.compactMap(\.step)) == [1, 2, 3, 4, 5])
        #expect(chart.provenance?.notes?.contains("Markkula") == true)
    }

    @Test func anUnknownTargetIsReportedWhereItIsWritten() throws {
        let text = Fixtures.chart(nodes: """
              - id: ask
                kind: question
                text: Go?
                choices:
                  - {id: go, label: Yes, next: done}
                  - {id: stop, label: No, next: dne}
            \(Self.outcome)
            """)
        let (messages, file) = try problems(text)
        #expect(messages == [
            "\(try Fixtures.position(of: "dne", in: text, file: file)): error: node 'ask' leads to 'dne', which is not a node of this flowchart; did you mean 'done'?",
        ])
    }

    @Test func anUnreachableNodeIsReported() throws {
        let text = Fixtures.chart(nodes: """
              - id: write
                kind: prompt
                text: Why?
                next: done
            \(Self.outcome)
              - id: orphan
                kind: outcome
                text: Never reached.
                verdict: escalate
            """)
        let (messages, file) = try problems(text)
        #expect(messages == [
            "\(try Fixtures.position(of: "orphan", in: text, file: file)): error: node 'orphan' cannot be reached from the start node 'write'",
        ])
    }

    @Test func aNodeWithNoWayOnCanNeverReachAnOutcome() throws {
        let text = Fixtures.chart(nodes: """
              - id: ask
                kind: question
                text: Go?
                choices:
                  - {id: go, label: Yes, next: done}
                  - {id: explain, label: Explain, next: write}
              - id: write
                kind: prompt
                text: Why?
            \(Self.outcome)
            """)
        let (messages, file) = try problems(text)
        #expect(messages == [
            "\(try Fixtures.position(of: "write", in: text, file: file, occurrence: 2)): error: prompt 'write' can never reach an outcome: it does not say which node comes next; add 'next:'",
        ])
    }

    @Test func aCycleWithNoExitIsReportedApartFromTheNodesLeadingIntoIt() throws {
        let text = Fixtures.chart(nodes: """
              - id: ask
                kind: question
                text: Go?
                choices:
                  - {id: go, label: Yes, next: done}
                  - {id: loop, label: Think, next: lead-in}
              - id: lead-in
                kind: prompt
                text: Before the loop.
                next: round
              - id: round
                kind: prompt
                text: Round
                next: again
              - id: again
                kind: prompt
                text: And round
                next: round
            \(Self.outcome)
            """)
        let (messages, file) = try problems(text)
        #expect(messages == [
            "\(try Fixtures.position(of: "lead-in", in: text, file: file, occurrence: 2)): error: node 'lead-in' can never reach an outcome: every way on from it ends in a cycle with no exit",
            "\(try Fixtures.position(of: "round", in: text, file: file, occurrence: 2)): error: cycle with no exit: nodes 'round', 'again' lead only back to each other and never reach an outcome",
        ])
    }

    @Test func aCycleWithAnExitIsFine() throws {
        let text = Fixtures.chart(nodes: """
              - id: ask
                kind: question
                text: Enough?
                choices:
                  - {id: yes-enough, label: Yes, next: done}
                  - {id: more, label: No, next: gather}
              - id: gather
                kind: prompt
                text: Find out more.
                next: ask
            \(Self.outcome)
            """)
        #expect(try problems(text).messages == [])
    }

    @Test func aDuplicateNodeIDPointsBackToTheFirst() throws {
        let text = Fixtures.chart(nodes: """
              - id: write
                kind: prompt
                text: Why?
                next: done
            \(Self.outcome)
            \(Self.outcome)
            """)
        let (messages, file) = try problems(text)
        let first = try Fixtures.position(of: "done", in: text, file: file, occurrence: 2)
        #expect(messages == [
            "\(try Fixtures.position(of: "done", in: text, file: file, occurrence: 3)): error: node id 'done' is already used at \(first); node ids must be unique within a flowchart",
        ])
    }

    @Test func aFlowchartIDUsedInTwoFilesIsReportedAtTheSecond() throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-validation")
        let text = Fixtures.chart(nodes: """
              - id: write
                kind: prompt
                text: Why?
                next: done
            \(Self.outcome)
            """)
        let set = try Fixtures.load([("one.yaml", text), ("two.yaml", text)], in: directory)
        #expect(set.problems.map(\.description) == [
            "\(directory.path)/two.yaml:1:5: error: flowchart id 'mini' is already used at \(directory.path)/one.yaml:1:5; flowchart ids must be unique across files",
        ])
    }

    @Test func contentProblemsNameTheKeyAndSuggestAFix() throws {
        let text = Fixtures.chart(nodes: """
              - id: write
                kind: prompt
                text: Why?
                attributes: [justise]
                clauses: [not a clause]
                choices: []
                next: done
            \(Self.outcome)
            """)
        let (messages, file) = try problems(text)
        #expect(messages == [
            "\(try Fixtures.position(of: "justise", in: text, file: file)): error: unknown attribute 'justise'; did you mean 'justice'?",
            "\(try Fixtures.position(of: "not a clause", in: text, file: file)): error: 'not a clause' is not a clause id; write the code's id, a dot and the clause's own number, as in 'bcs.1.a'",
            "\(try Fixtures.position(of: "choices", in: text, file: file)): error: 'choices' does not belong on a prompt node; prompt nodes take 'next'",
        ])
    }

    @Test func aFileThatIsNotAFlowchartIsThrownNotListed() throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-validation")
        let text = Fixtures.chart(nodes: """
              - id: write
                kind: promt
                text: Why?
                colour: red
            """)
        let error = #expect(throws: DiagnosticError.self) { try Fixtures.load([("bad.yaml", text)], in: directory) }
        let messages = error?.diagnostics.map(\.message) ?? []
        #expect(messages.contains { $0.contains("promt") && $0.contains("prompt") }, "\(messages)")
        #expect(messages.contains { $0.contains("colour") }, "\(messages)")
    }

    @Test func validationGrowsLinearlyAndHandlesLongChains() throws {
        // A 20,000-node chain ending in a loop: deep enough to break a recursive search.
        var nodes: [String] = []
        for index in 0..<20_000 {
            nodes.append("  - {id: n\(index), kind: prompt, text: Step, next: n\(index + 1)}")
        }
        nodes.append("  - {id: n20000, kind: prompt, text: Loop, next: n0}")
        nodes.append("  - {id: unreachable-end, kind: outcome, text: End, verdict: proceed}")
        let (messages, _) = try problems(Fixtures.chart(nodes: nodes.joined(separator: "\n")))
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("cycle with no exit: nodes 'n0', 'n1', 'n2', 'n3', 'n4' and 19996 more") })
        #expect(messages.contains { $0.contains("node 'unreachable-end' cannot be reached") })
    }
}
