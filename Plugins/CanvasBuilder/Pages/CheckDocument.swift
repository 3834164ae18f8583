import EthicsCore

/// The result of `check`: a verdict, completeness by group and by area, and each thing left to do.
struct CheckDocument {
    var canvas: Canvas
    var template: CanvasTemplate
    var check: CanvasCheck

    var document: Document {
        var document = Document(title: "Check: \(canvas.title)", subtitle: template.title)
        let complete = check.areas.filter(\.isComplete).count
        document.append(.paragraph(check.isComplete
            ? "Complete: all \(check.areas.count) areas are complete, every action has an owner and a priority, and the review date has not passed."
            : "Incomplete: \(complete) of \(check.areas.count) areas complete."))
        document.append(.table(Table(
            caption: [.text("Completeness by group")], header: ["Group", "Areas complete", "Areas"],
            rows: check.groups.map { ["\($0.group.title)", "\($0.complete)", "\($0.areas.count)"] },
            alignments: [.left, .right, .right], hasRowHeaders: true)))
        document.append(.table(Table(
            caption: [.text("Completeness by area")], header: ["Area", "Group", "Status", "Answered", "Complete"],
            rows: check.groups.flatMap { group in
                group.areas.map { result -> [Table.Cell] in
                    var status = result.status?.rawValue ?? "NOT_STARTED"
                    if result.area.scored { status += result.needsScore ? ", not scored" : ", scored" }
                    return [
                        "\(result.area.id)", "\(group.group.id)", "\(status)",
                        "\(result.answered)/\(result.area.questions.count)", result.isComplete ? "yes" : "no",
                    ]
                }
            },
            alignments: [.left, .left, .left, .right, .left], hasRowHeaders: true)))
        var todo: [String] = []
        for result in check.areas {
            if result.status != .complete {
                todo.append("\(result.area.id): status is \(result.status?.rawValue ?? "not set"), not COMPLETE")
            }
            if result.needsScore { todo.append("\(result.area.id): no score (0 to 5)") }
            for question in result.unanswered {
                todo.append("\(result.area.id).\(question.id): unanswered: \(question.text)")
            }
        }
        for entry in check.incompleteActions {
            todo.append("action \(entry.number) '\(entry.action.title)': no \(entry.missing.joined(separator: " or "))")
        }
        if let reviewBy = check.reviewBy {
            if check.reviewOverdue { todo.append("the review date \(reviewBy) has passed (today is \(check.today)); review the canvas and set a new review-by") }
        } else {
            todo.append("no review date: set review-by")
        }
        if !todo.isEmpty {
            document.append(.heading(level: 2, "To do"))
            document.append(.list(.unordered, todo))
        }
        return document
    }
}
