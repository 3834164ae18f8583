import EthicsCore

/// Fills areas by asking on the terminal: for each area its status, score (scored areas), notes
/// and an answer to each question. Enter keeps the current value; `-` clears it. Nothing is
/// written until every area asked about is done, so Ctrl-C or Ctrl-D leaves the file untouched.
struct InteractiveFill {
    var template: CanvasTemplate
    var output: OutputSink
    var readLine: () -> String?

    struct Cancelled: Error {}

    func fill(_ canvas: inout Canvas, areas: [CanvasTemplate.Area]) throws(Cancelled) -> [String] {
        var changed: [String] = []
        for (index, area) in areas.enumerated() {
            let before = canvas.area(area.id)
            var entry = before ?? CanvasArea(id: area.id)
            output.line("")
            output.line("[\(index + 1)/\(areas.count)] \(template.group(of: area.id)?.title ?? "") / \(area.title)")
            if let summary = area.summary { output.line(summary) }
            entry.status = try ask(
                "Status (IN_PROGRESS, FOR_REVIEW, COMPLETE)", current: entry.status?.rawValue
            ) { AreaStatus(rawValue: $0.uppercased()) }.map { $0 } ?? entry.status
            if area.scored {
                for step in template.scale { output.line("  \(step.score): \(step.meaning)") }
                entry.score = try ask("Score 0 to 5", current: entry.score.map(String.init)) { text in
                    Int(text).flatMap { template.scores.contains($0) ? $0 : nil }
                } ?? entry.score
            }
            entry.notes = try text("Notes", current: entry.notes)
            for question in area.questions {
                entry.setAnswer(question.id, try text(question.text, current: entry.answer(question.id)))
            }
            if entry != before {
                canvas.withArea(area.id, in: template) { $0 = entry }
                changed.append(area.id)
            }
        }
        return changed
    }

    /// A value from a closed list: asked again until valid; nil when the user keeps the current one.
    private func ask<T>(_ prompt: String, current: String?, parse: (String) -> T?) throws(Cancelled) -> T? {
        while true {
            output.write("\(prompt)\(current.map { " [\($0)]" } ?? ""): ")
            guard let line = readLine() else { throw Cancelled() }
            let text = line.trimmingBlanks
            if text.isEmpty { return nil }
            if let value = parse(text) { return value }
            output.line("  '\(text)' is not one of the choices; try again, or press Enter to keep the current value.")
        }
    }

    private func text(_ prompt: String, current: String?) throws(Cancelled) -> String? {
        output.line(prompt)
        if let current { output.line("  now: \(current.replacing("\n", with: " / "))") }
        output.write("> ")
        guard let line = readLine() else { throw Cancelled() }
        let text = line.trimmingBlanks
        if text.isEmpty { return current }
        if text == "-" { return nil }
        return text
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingBlanks: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
