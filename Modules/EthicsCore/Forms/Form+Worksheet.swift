/// A form written out for reading or printing: its questions, their help and their choices, with
/// room to answer. The one place that lowers a form into ordinary blocks, so every renderer shows
/// it the same way and a workshop can fill it in on paper.
extension Form {
    public var worksheet: [Block] {
        var blocks: [Block] = [.heading(level: 3, title)]
        if let help { blocks.append(.paragraph(help)) }
        blocks.append(.definitions(fields.map(Self.definition)))
        return blocks
    }

    private static func definition(of field: FormField) -> Block.Definition {
        var details: [Block] = []
        if let help = field.help { details.append(.paragraph(help)) }
        switch field.kind {
        case .choice(let choices):
            details.append(.paragraph("Choose one:"))
            details.append(.list(.unordered, choices.map(Self.describe)))
        case .choices(let choices):
            details.append(.paragraph("Choose any:"))
            details.append(.list(.unordered, choices.map(Self.describe)))
        case .integer(let range):
            details.append(.paragraph("A whole number from \(range.lowerBound) to \(range.upperBound)."))
        case .date:
            details.append(.paragraph("A date (YYYY-MM-DD)."))
        case .flag:
            details.append(.paragraph("Yes or no."))
        case .repeating(let inner, let itemLabel):
            details.append(.paragraph("For each \(itemLabel):"))
            details.append(.definitions(inner.map(definition)))
        case .text, .longText:
            break
        }
        if !field.isRequired { details.append(.paragraph("Optional.")) }
        return Block.Definition(term: [.text(field.label)], details: details)
    }

    private static func describe(_ choice: FormChoice) -> String {
        choice.help.map { "\(choice.label): \($0)" } ?? choice.label
    }
}
