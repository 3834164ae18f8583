import EthicsCore
import EthicsDiagnostics

/// Keeps a finished decision: in the register, linked to the records it cites, with the
/// professional duties it engages, and announced as `decision.recorded`; all in one transaction.
///
/// Nothing is written before the walk is finished, so an interrupted run leaves nothing behind.
struct DecisionRecorder {
    let context: PluginContext

    /// Refuses ids that name no record, before the walk starts, so nobody answers a whole
    /// flowchart only to have the record refused at the end.
    func checkCitations(_ ids: [String]) async throws(DiagnosticError) {
        var problems = DiagnosticCollector()
        for id in ids {
            let found: RecordVersion?
            do {
                found = try await context.register.fetch(id)
            } catch {
                throw .error("cannot read the register: \(error)")
            }
            if found == nil {
                problems.append(.error(
                    "--cites names '\(id)', which is not a record in the register",
                    suggestion: "a decision cites records kept in the register (a canvas, an assessment, another decision); list them with 'ethics records list'"))
            }
        }
        try problems.throwIfErrors()
    }

    /// Keeps `content` as a new decision record and returns its version and content.
    ///
    /// The duties come from whichever enabled plugin answers ``EngagedDutiesFinder`` (code-mapper)
    /// and are part of the record's first version; without one the record lists none.
    func keep(_ content: DecisionRecordContent) async throws -> (version: RecordVersion, content: DecisionRecordContent) {
        var content = content
        if let finder = context.capabilities.find((any EngagedDutiesFinder).self) {
            let (duties, unknown) = try finder.duties(attributes: content.attributes, citedClauses: content.clauses)
            content.duties = duties
            if !unknown.isEmpty {
                context.logger.warning("the flowchart cites clauses that no code defines", metadata: [
                    "flowchart": .string(content.flowchart.id), "clauses": .string(unknown.joined(separator: ", ")),
                ])
            }
        }
        let draft = try RecordDraft(
            kind: DecisionFlowchartPlugin.decisionKind, title: content.title, author: content.author,
            status: content.outcome.verdict.rawValue, reviewBy: content.outcome.reviewBy,
            tags: [content.flowchart.id, content.outcome.verdict.rawValue], attributes: content.attributes, content: content)
        let kept = content
        let version = try await context.register.write { write in
            let version = try write.record(draft)
            for cited in kept.cites {
                try write.link(from: version.id, to: cited, .cites)
            }
            try write.publish(DecisionRecorded(
                recordID: version.id, title: kept.title, flowchartID: kept.flowchart.id,
                verdict: kept.outcome.verdict.rawValue, attributes: kept.attributes, clauses: kept.clauses))
            return version
        }
        return (version, content)
    }
}
