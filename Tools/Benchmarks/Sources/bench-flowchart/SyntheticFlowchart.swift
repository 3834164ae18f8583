/// A generated flowchart of any size that passes validation but exercises every part of it:
/// questions with two ways on, prompts, checklists with `otherwise`, lens evaluations, loops
/// back (cycles that have an exit) and several outcomes, one node a line in flow style.
enum SyntheticFlowchart {
    static func yaml(nodes count: Int) -> String {
        var text = """
            id: synthetic
            title: Generated flowchart
            version: "1"
            provenance: {source: Generated, publisher: bench-flowchart, url: "https://example.org", licence: CC0, retrieved: 2026-11-22}
            lenses:
              - {id: rights, name: Rights, question: Which option respects rights?, attributes: [autonomy]}
              - {id: care, name: Care, question: Which option cares?, attributes: [beneficence]}
            nodes:

            """
        text.reserveCapacity(count * 110)
        let outcomes = 4
        // The last node before the outcomes is a question leading to each of them.
        let router = count - outcomes - 1
        func target(_ index: Int) -> String { "n\(min(index, router))" }
        for index in 0..<router {
            switch index % 5 {
            case 0:
                text += "  - {id: n\(index), kind: question, text: Go on?, attributes: [justice], choices: [{id: a, label: On, next: \(target(index + 1))}, {id: b, label: Skip, next: \(target(index + 2))}]}\n"
            case 1:
                text += "  - {id: n\(index), kind: prompt, text: Why?, clauses: [bcs.1.a], next: \(target(index + 1))}\n"
            case 2:
                text += "  - {id: n\(index), kind: checklist, text: Tick, items: [{id: x, text: X, required: true}], next: \(target(index + 1)), otherwise: \(target(index + 2))}\n"
            case 3:
                text += "  - {id: n\(index), kind: lens-evaluation, text: Weigh, next: \(target(index + 1))}\n"
            default:
                // A loop back a few nodes: a cycle, but one that can be left.
                text += "  - {id: n\(index), kind: question, text: Again?, choices: [{id: a, label: Again, next: \(target(max(0, index - 3)))}, {id: b, label: On, next: \(target(index + 1))}]}\n"
            }
        }
        let choices = (0..<outcomes).map { "{id: c\($0), label: Outcome \($0), next: end-\($0)}" }.joined(separator: ", ")
        text += "  - {id: n\(router), kind: question, text: Which outcome?, choices: [\(choices)]}\n"
        for outcome in 0..<outcomes {
            text += "  - {id: end-\(outcome), kind: outcome, text: Done., verdict: proceed, obligations: [Keep the record.]}\n"
        }
        return text
    }
}
