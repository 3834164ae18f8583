import EthicsCore

/// The questions of a scan, written once: the terminal asks them, an answers file answers them,
/// the browser shows them, and `guide` prints them as a worksheet for a session on paper.
enum ScanForm {
    static let consequence: [FormField] = [
        FormField(id: "description", label: "What could happen", kind: .text),
        FormField(id: "intended", label: "Do we intend it", kind: .choice([
            FormChoice(id: "intended", label: "Intended"), FormChoice(id: "unintended", label: "Unintended"),
        ])),
        FormField(id: "effect", label: "Is it good or harmful for the people it reaches", kind: .choice([
            FormChoice(id: "positive", label: "Positive"), FormChoice(id: "negative", label: "Negative"),
        ])),
        FormField(
            id: "response", label: "What can we do about it",
            kind: .choice(Scan.Response.allCases.map { FormChoice(id: $0.rawValue, label: $0.label, help: $0.help) })),
        FormField(id: "owner", label: "Who owns it", help: "A name, role or team that keeps hold of it.", kind: .text),
        FormField(id: "note", label: "What we will do, or watch for", kind: .text, isRequired: false),
    ]

    static let fields: [FormField] = [
        FormField(id: "title", label: "What is being scanned", help: "The proposal, service or feature.", kind: .text),
        FormField(
            id: "decision", label: "The decision record it responds to",
            help: "A record id such as dec-2026-0001; the scan is linked to it.", kind: .text, isRequired: false, format: .recordID),
        FormField(id: "review-by", label: "When to scan again", kind: .date, isRequired: false),
        .accountable(for: "the scan"),
        FormField(
            id: "consequences", label: "Consequences",
            help: "Everything the proposal could lead to, each sorted by what the team can do about it.",
            kind: .repeating(consequence, itemLabel: "consequence")),
    ]

    /// The answers as a scan, or every problem with them.
    static func scan(from answers: FormAnswers, author: String, date: CalendarDate, guide: String) -> Scan {
        Scan(
            title: answers.text("title") ?? "", author: answers.text("author").flatMap { $0.isEmpty ? nil : $0 } ?? author,
            date: date, reviewBy: answers.date("review-by"),
            decision: answers.text("decision").flatMap { $0.isEmpty ? nil : $0 }, guide: guide,
            consequences: answers.items("consequences").map { item in
                Scan.Consequence(
                    description: item.text("description") ?? "", intended: item.choice("intended") == "intended",
                    positive: item.choice("effect") == "positive",
                    response: item.choice("response").flatMap(Scan.Response.init(rawValue:)) ?? .monitor,
                    owner: item.text("owner") ?? "", note: item.text("note").flatMap { $0.isEmpty ? nil : $0 })
            })
    }
}
