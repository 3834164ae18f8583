import EthicsCore
import EthicsDiagnostics
import Synchronization

/// Keeps a finished decision: in the register, linked to the records it cites, announced on the
/// bus, and annotated with the professional duties it engages.
///
/// Nothing is written before the walk is finished, so an interrupted run leaves nothing behind.
struct DecisionRecorder {
    let context: PluginContext

    /// Refuses ids that name no record, before the walk starts, so nobody answers a whole
    /// flowchart only to have the record refused at the end.
    func checkCitations(_ ids: [String]) throws(DiagnosticError) {
        var problems = DiagnosticCollector()
        for id in ids {
            let found: RecordVersion?
            do {
                found = try context.register.fetch(id)
            } catch {
                throw .error("cannot read the register: \(error)")
            }
            if found == nil {
                problems.append(.error(
                    "--cites names '\(id)', which is not a record in the register",
                    suggestion: "list the records with 'ethics records list --kind canvas'"))
            }
        }
        try problems.throwIfErrors()
    }

    /// Keeps `content` as a new decision record and returns its latest version and content.
    ///
    /// `decision.recorded` carries the new id; code-mapper (when enabled) answers at once with
    /// `codes.mapped`. The duties it names are kept as the record's second version, so that the
    /// record shown later lists them too; without an answer the record stays at version 1.
    func keep(_ content: DecisionRecordContent) throws -> (version: RecordVersion, content: DecisionRecordContent) {
        var content = content
        let draft = { (content: DecisionRecordContent) throws -> RecordDraft in
            try RecordDraft(
                kind: .decision, title: content.title, author: content.author, status: content.outcome.verdict.rawValue,
                reviewBy: content.outcome.reviewBy, tags: [content.flowchart.id, content.outcome.verdict.rawValue],
                attributes: content.attributes, content: content)
        }
        var version = try context.register.record(try draft(content))
        for cited in content.cites {
            try context.register.link(from: version.id, to: cited, .cites)
        }

        let recordID = version.id
        let duties = Mutex<[CodesMapped.EngagedClause]?>(nil)
        let subscription = context.bus.subscribe(to: CodesMapped.self, name: "decision-flowchart.duties") { mapped in
            guard mapped.recordID == recordID else { return }
            duties.withLock { $0 = ($0 ?? []) + mapped.clauses }
        }
        context.bus.publish(DecisionRecorded(
            recordID: recordID, title: content.title, flowchartID: content.flowchart.id,
            verdict: content.outcome.verdict.rawValue, attributes: content.attributes, clauses: content.clauses))
        context.bus.unsubscribe(subscription)

        if let engaged = duties.withLock({ $0 }) {
            content.duties = engaged
            version = try context.register.addVersion(of: recordID, try draft(content))
        }
        return (version, content)
    }
}
