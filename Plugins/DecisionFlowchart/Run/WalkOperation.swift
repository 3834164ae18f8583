public import EthicsCore
import EthicsDiagnostics

/// The walk as an operation of the plugin contract, so any front end that drives forms (the
/// browser's `ethics serve`, one node a page) walks a proposal with no code of its own. The
/// command line keeps `run`, with its terminal conversation and answers file; both walk the same
/// ``DecisionWalk`` with the same node forms and keep the record through ``DecisionRecorder``.
extension DecisionFlowchartPlugin {
    public static let operations: [PluginOperation<DecisionFlowchartPlugin>] = [
        PluginOperation(
            "walk", summary: "Walk a proposal through the decision flowchart",
            discussion: "One question a page; Back goes a step back, and 'Save and come back later' keeps your answers so far.",
            input: [
                FormField(id: "title", label: "What is being decided", help: "For example, use predictive analytics to prioritise housing repairs.", kind: .text),
                FormField(id: "flowchart", label: "The flowchart to walk", help: "Its id; the council's default when left out.", kind: .text, isRequired: false),
                .accountable(for: "the decision"),
            ],
            writes: true
        ) { plugin, input, context in
            try await plugin.walk(input, context: context)
        },
    ]

    func walk(_ input: OperationInput, context: PluginContext) async throws -> Document {
        let answers = input.answers
        let chart = try flowchart(answers.text("flowchart").flatMap { $0.isEmpty ? nil : $0 })
        let author = try answers.text("author").flatMap { $0.isEmpty ? nil : $0 } ?? context.actingPerson(for: "this decision").name
        // What the record will refuse (a blank or over-long title) is said before the first
        // question, not after the last.
        try RecordDraft(kind: DecisionFlowchartPlugin.decisionKind, title: answers.text("title") ?? "", author: author).validate()
        var walk = DecisionWalk(chart: chart)
        var asked = 0
        while !walk.isFinished {
            asked += 1
            guard asked <= 1000 else { throw DiagnosticError.error("the walk went round more than 1000 steps; start again") }
            let node = walk.currentNode(in: chart)
            let given = try await input.forms.answers(to: node.form(in: chart), current: FormAnswers())
            do {
                try walk.answer(node.answer(from: given, in: chart), in: chart)
            } catch {
                throw DiagnosticError.error(error.message)
            }
        }
        let builder = DecisionRecordBuilder(chart: chart, attributes: context.model.attributes)
        let content = builder.content(
            of: walk, title: answers.text("title") ?? "", author: author, council: context.model.council.name,
            date: context.clock.today(), cites: [])
        let kept = try await DecisionRecorder(context: context).keep(content)
        context.notices.line("Recorded \(kept.version.id): \(content.outcome.verdict.label).")
        return DecisionDocument(
            id: kept.version.id, version: kept.version.version, content: kept.content, attributes: context.model.attributes, chart: chart
        ).document
    }
}
