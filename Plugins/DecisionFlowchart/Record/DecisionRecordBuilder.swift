import EthicsCore
import EthicsYAML
import Foundation

/// Turns a finished walk into the content of its decision record: the path in words, the
/// outcome with its obligations and review date, and the attributes and clauses it engaged.
struct DecisionRecordBuilder {
    let chart: Flowchart
    let attributes: AttributeCatalog

    func content(
        of walk: DecisionWalk, title: String, author: String, council: String, date: CalendarDate, cites: [String]
    ) -> DecisionRecordContent {
        let path = walk.steps.compactMap { step -> DecisionRecordContent.PathStep? in
            guard let node = chart.node(step.node) else { return nil }
            return DecisionRecordContent.PathStep(
                node: node.id.value, kind: node.kind, step: node.step, title: node.name, asked: node.text, answer: step.answer,
                summary: summary(of: step.answer, at: node),
                lenses: node.kind == .lensEvaluation ? chart.lenses(of: node).map { .init(id: $0.id.value, name: $0.name) } : nil)
        }
        let last = chart.node(walk.current) ?? chart.nodes[0]
        let outcome = DecisionRecordContent.Outcome(
            node: last.id.value, verdict: last.verdict ?? .escalate, title: last.name, text: last.text,
            obligations: last.obligations ?? [], reviewBy: last.reviewAfterMonths.flatMap { date.adding(months: $0) })
        let (engaged, clauses) = engagement(of: walk)
        return DecisionRecordContent(
            title: title, author: author, date: date, council: council,
            flowchart: .init(id: chart.id.value, title: chart.title, version: chart.version, source: chart.provenance?.citation),
            path: path, outcome: outcome, rationale: walk.steps.last?.answer.text ?? "",
            attributes: engaged, clauses: clauses, cites: cites, duties: nil)
    }

    /// The answer in words, as the record's path shows it.
    func summary(of answer: Answer, at node: FlowNode) -> String {
        switch node.kind {
        case .question:
            let label = node.choices?.first { $0.id.value == answer.choice }?.label ?? answer.choice ?? ""
            return label
        case .prompt, .outcome:
            return answer.text ?? ""
        case .checklist:
            let checked = Set(answer.checked ?? [])
            let items = node.items ?? []
            let ticked = items.filter { checked.contains($0.id.value) }.map(\.text)
            let unticked = items.filter { !checked.contains($0.id.value) }.map(\.text)
            var parts: [String] = []
            parts.append(ticked.isEmpty ? "Nothing ticked." : "Ticked: " + ticked.joined(separator: "; ") + ".")
            if !unticked.isEmpty { parts.append("Not ticked: " + unticked.joined(separator: "; ") + ".") }
            return parts.joined(separator: " ")
        case .lensEvaluation:
            let options = answer.options ?? []
            // Each option's ratings lens by lens, never a sum: the framework is not an algorithm,
            // and where lenses disagree the people deciding weigh them (step 4 says how).
            return "\(options.count) options weighed: " + options.map { option in
                "\(option.name) (" + option.ratings.map { "\($0.lens) \($0.rating)" }.joined(separator: ", ") + ")"
            }.joined(separator: "; ")
        }
    }

    /// The attributes (in the council's order) and clause ids (in path order) that the nodes,
    /// choices, ticked items and lenses on the path name.
    func engagement(of walk: DecisionWalk) -> (attributes: [String], clauses: [String]) {
        var attributeIDs = Set<String>()
        var clauses: [String] = []
        func cite(_ ids: [Located<String>]) {
            for id in ids where !clauses.contains(id.value) { clauses.append(id.value) }
        }
        for step in walk.steps {
            guard let node = chart.node(step.node) else { continue }
            attributeIDs.formUnion(node.attributes.map(\.value))
            cite(node.clauses)
            switch node.kind {
            case .question:
                if let choice = node.choices?.first(where: { $0.id.value == step.answer.choice }) {
                    attributeIDs.formUnion(choice.attributes.map(\.value))
                    cite(choice.clauses)
                }
            case .checklist:
                let checked = Set(step.answer.checked ?? [])
                for item in node.items ?? [] where checked.contains(item.id.value) {
                    attributeIDs.formUnion(item.attributes.map(\.value))
                }
            case .lensEvaluation:
                for lens in chart.lenses(of: node) { attributeIDs.formUnion(lens.attributes.map(\.value)) }
            case .prompt, .outcome:
                break
            }
        }
        return (attributes.ids.filter { attributeIDs.contains($0) }, clauses)
    }
}

extension CalendarDate {
    /// The same day `months` later, or the month's last day when it is shorter (31 January
    /// plus one month is 28 or 29 February).
    func adding(months: Int) -> CalendarDate? {
        let total = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (total / 12, total % 12 + 1)
        for candidate in stride(from: day, through: 28, by: -1) {
            if let date = CalendarDate(year: newYear, month: newMonth, day: candidate) { return date }
        }
        return CalendarDate(year: newYear, month: newMonth, day: min(day, 28))
    }
}
