import EthicsCore

/// A flowchart node as a form, and the form's answers as the node's answer: how one step of a
/// walk is asked on a terminal (and, through the same form, in a browser).
extension FlowNode {
    func form(in chart: Flowchart) -> Form {
        let id = self.id.value
        switch kind {
        case .question:
            let choices = (self.choices ?? []).map { FormChoice(id: $0.id.value, label: $0.label) }
            return Form(id: id, title: text, fields: [
                FormField(id: "choice", label: "Your answer", kind: .choice(choices)),
                FormField(id: "note", label: "Note", kind: .text, isRequired: false),
            ])
        case .prompt:
            return Form(id: id, title: text, fields: [FormField(id: "text", label: "Your answer", kind: .longText)])
        case .outcome:
            let obligations = (obligations ?? []).map { "  - \($0)" }.joined(separator: "\n")
            return Form(
                id: id, title: text, help: "Verdict: \(verdict?.label ?? "")" + (obligations.isEmpty ? "" : "\n" + obligations),
                fields: [FormField(id: "text", label: "Rationale: why is this the right decision?", kind: .longText)])
        case .checklist:
            let items = (self.items ?? []).map {
                FormChoice(id: $0.id.value, label: $0.text + ($0.required ? " (required)" : ""))
            }
            return Form(id: id, title: text, fields: [
                FormField(id: "checked", label: "Which hold?", kind: .choices(items), isRequired: false),
                FormField(id: "note", label: "Note", kind: .text, isRequired: false),
            ])
        case .lensEvaluation:
            let lenses = chart.lenses(of: self)
            var inner = [FormField(id: "name", label: "The option", kind: .text)]
            for lens in lenses {
                inner.append(FormField(
                    id: lens.id.value, label: "Under \(lens.name), 1 (serves it badly) to 5 (serves it well)",
                    help: lens.question, kind: .integer(LensRating.scale)))
                inner.append(FormField(id: lens.id.value + "-note", label: "Why?", kind: .text))
            }
            let minimum = minOptions ?? FlowNode.defaultMinOptions
            return Form(
                id: id, title: text, help: "Weigh at least \(minimum) options, each under every lens.",
                fields: [FormField(id: "options", label: "Options", kind: .repeating(inner, itemLabel: "option"))])
        }
    }

    func answer(from answers: FormAnswers, in chart: Flowchart) -> Answer {
        switch kind {
        case .question:
            return Answer(choice: answers.choice("choice"), note: answers.text("note").flatMap { $0.isEmpty ? nil : $0 })
        case .prompt, .outcome:
            return Answer(text: answers.text("text") ?? "")
        case .checklist:
            return Answer(checked: answers.choices("checked"), note: answers.text("note").flatMap { $0.isEmpty ? nil : $0 })
        case .lensEvaluation:
            let lenses = chart.lenses(of: self)
            return Answer(options: answers.items("options").map { item in
                OptionAssessment(name: item.text("name") ?? "", ratings: lenses.map { lens in
                    LensRating(
                        lens: lens.id.value, rating: item.integer(lens.id.value) ?? 0,
                        note: item.text(lens.id.value + "-note") ?? "")
                })
            })
        }
    }
}
