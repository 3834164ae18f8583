import EthicsCore

/// `list`: the decisions in the register, newest last, and any sessions saved to finish later.
struct DecisionListDocument {
    let decisions: [(version: RecordVersion, content: DecisionRecordContent?)]
    let sessions: [SavedSession]

    var document: Document {
        var document = Document(title: "Decisions")
        if decisions.isEmpty {
            document.append(.paragraph([
                "No decisions have been recorded yet. Start one with ",
                .command("ethics decision-flowchart run --title TEXT", page: OperationPage(
                    "a new walk", plugin: DecisionFlowchartPlugin.descriptor.id, operation: "walk")),
                ".",
            ]))
        } else {
            document.append(.paragraph("\(decisions.count) \(decisions.count == 1 ? "decision" : "decisions") recorded."))
            document.append(.table(Table(
                caption: ["Decisions in the register"],
                header: ["Id", "Date", "Title", "Flowchart", "Verdict", "Status", "Author", "Review by"],
                rows: decisions.map { version, content in
                    // The verdict and author are the walk's; the status and review date are the
                    // register's now (approved, superseded; moved on by a review).
                    let verdict = content?.outcome.verdict.rawValue
                    return [
                        Table.Cell([.code(version.id)]), "\(content?.date.description ?? "")", "\(version.title)",
                        "\(content.map { "\($0.flowchart.id) \($0.flowchart.version)" } ?? "")", "\(verdict ?? version.status)",
                        "\(version.status == verdict ? "recorded" : version.status)",
                        "\(content?.author ?? version.author)", "\(version.reviewBy?.description ?? "")",
                    ]
                },
                hasRowHeaders: true)))
        }
        if !sessions.isEmpty {
            document.append(.heading(level: 2, "Saved sessions"))
            document.append(.table(Table(
                caption: ["Unfinished walks, resumed with 'run --resume ID'"],
                header: ["Session", "Title", "Flowchart", "Author", "Answers so far"],
                rows: sessions.map { session in
                    [
                        Table.Cell([.code(session.id)]), "\(session.title)", "\(session.walk.flowchartID)", "\(session.author)",
                        "\(session.walk.steps.count)",
                    ]
                },
                hasRowHeaders: true)))
        }
        return document
    }
}
