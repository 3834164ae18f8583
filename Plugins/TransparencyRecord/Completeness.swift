import EthicsCore

/// How complete a record is against its standard: every required field left empty, named by its
/// section and number, and the answers that are there but do not fit (a contact email without an
/// `@`). A field required only when another is yes (the supplier's details when a third party is
/// involved) counts only then; a list's items are checked field by field.
struct Completeness: Sendable {
    struct Missing: Sendable, Hashable {
        var section: Standard.Section
        /// "1.4.1 - Third party", or "4.2.3 - Model task (model 2)".
        var field: String
        var message: String
    }

    struct Count: Sendable, Hashable {
        var answered = 0
        var required = 0
    }

    private(set) var missing: [Missing] = []
    /// Required fields answered and required, by section id.
    private(set) var counts: [String: Count] = [:]

    var isComplete: Bool { missing.isEmpty }

    init(standard: Standard, record: RecordFile) {
        for section in standard.sections {
            var count = Count()
            for field in section.fields {
                check(field, in: record.answers, section: section, count: &count, record: record, suffix: "")
            }
            counts[section.id] = count
        }
    }

    static func isEmpty(_ value: FormValue?) -> Bool {
        switch value {
        case nil: true
        case .text(let text)?: text.allSatisfy(\.isWhitespace)
        case .choices(let ids)?: ids.isEmpty
        case .items(let items)?: items.isEmpty
        default: false
        }
    }

    private mutating func check(
        _ field: Standard.Field, in answers: FormAnswers, section: Standard.Section, count: inout Count, record: RecordFile, suffix: String
    ) {
        let required: Bool = switch field.required {
        case .always: true
        case .optional: false
        case .when(let flag): answers.flag(flag) == true
        }
        let value = answers[field.id]
        // Assessments kept in the register count for section 5.1 as well as those written in.
        let satisfied = !Self.isEmpty(value) || (field.id == "impact-assessments" && suffix.isEmpty && !record.assessments.isEmpty)
        if required {
            count.required += 1
            if satisfied {
                count.answered += 1
            } else {
                missing.append(Missing(section: section, field: field.heading + suffix, message: "needs an answer"))
            }
        }
        if let format = field.format, let text = answers.text(field.id), !text.allSatisfy(\.isWhitespace),
           let problem = format.problem(with: text, label: field.heading + suffix) {
            missing.append(Missing(section: section, field: field.heading + suffix, message: problem))
        }
        if field.kind == .list, let inner = field.fields {
            for (index, item) in answers.items(field.id).enumerated() {
                var itemCount = Count()
                for innerField in inner {
                    check(innerField, in: item, section: section, count: &itemCount, record: record,
                          suffix: " (\(field.item ?? "item") \(index + 1))")
                }
                count.required += itemCount.required
                count.answered += itemCount.answered
            }
        }
    }
}
