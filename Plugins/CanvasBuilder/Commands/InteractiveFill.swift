import EthicsCore
import EthicsDiagnostics

/// Fills areas by asking on the terminal: each area is asked as its form (status, score for a
/// scored area, notes, and an answer to each question) by the toolkit's one terminal form driver.
/// Enter keeps the current value; `-` clears it. Nothing is written until every area asked
/// about is done, so Ctrl-C or Ctrl-D leaves the file untouched.
struct InteractiveFill {
    var template: CanvasTemplate
    var terminal: any Terminal

    /// - Throws: the form driver's error when the input ends (Ctrl-D) before the last area is
    ///   answered: bad input like any other (exit status 2), with the file left as it was.
    func fill(_ canvas: inout Canvas, areas: [CanvasTemplate.Area]) throws(DiagnosticError) -> [String] {
        var changed: [String] = []
        let forms = FormConversation(terminal: terminal)
        for (index, area) in areas.enumerated() {
            let before = canvas.area(area.id)
            terminal.line("")
            terminal.write("[\(index + 1)/\(areas.count)] \(template.group(of: area.id)?.title ?? "") / ")
            let form = AreaForm(area: area, template: template)
            // This form driver offers neither :back nor :save, so every outcome is an answer.
            guard case .answered(let answers) = try forms.ask(form.form, current: form.answers(of: before)) else { continue }
            let entry = form.entry(from: answers, replacing: before ?? CanvasArea(id: area.id))
            if entry != before {
                canvas.withArea(area.id, in: template) { $0 = entry }
                changed.append(area.id)
            }
        }
        return changed
    }
}

/// A canvas area as a form, and back: what the terminal asks (and, through the same form, a
/// browser shows) for one area.
struct AreaForm {
    let area: CanvasTemplate.Area
    let template: CanvasTemplate

    var form: Form {
        var fields = [FormField(
            id: "status", label: "Status",
            kind: .choice(AreaStatus.allCases.map { FormChoice(id: $0.rawValue, label: $0.label.prefix(1).uppercased() + $0.label.dropFirst()) }),
            isRequired: false)]
        if area.scored {
            fields.append(FormField(
                id: "score", label: "Score",
                help: template.scale.map { "\($0.score): \($0.meaning)" }.joined(separator: "\n  "),
                kind: .integer(template.scores), isRequired: false))
        }
        // Answers run to several lines ("one source a line"), in a browser's text box as in a file.
        fields.append(FormField(id: "notes", label: "Notes", kind: .longText, isRequired: false))
        for question in area.questions {
            fields.append(FormField(id: "q:" + question.id, label: question.text, kind: .longText, isRequired: false))
        }
        return Form(id: area.id, title: area.title, help: area.summary, fields: fields)
    }

    func answers(of entry: CanvasArea?) -> FormAnswers {
        var answers = FormAnswers()
        guard let entry else { return answers }
        answers["status"] = entry.status.map { .choices([$0.rawValue]) }
        answers["score"] = entry.score.map(FormValue.integer)
        answers["notes"] = entry.notes.map(FormValue.text)
        for answer in entry.answers { answers["q:" + answer.question] = .text(answer.text) }
        return answers
    }

    func entry(from answers: FormAnswers, replacing entry: CanvasArea) -> CanvasArea {
        var entry = entry
        entry.status = answers.choice("status").flatMap(AreaStatus.init(rawValue:))
        if area.scored { entry.score = answers.integer("score") }
        entry.notes = answers.text("notes")
        for question in area.questions {
            entry.setAnswer(question.id, answers.text("q:" + question.id))
        }
        return entry
    }
}
