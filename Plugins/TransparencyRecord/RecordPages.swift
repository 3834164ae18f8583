import EthicsCore
import Foundation

/// The plugin's pages: a record laid out as GOV.UK publishes one (a level-2 heading for each
/// tier and section, a level-3 heading "N - Field" for each field), the check, what a prefill
/// took from where, and the standard itself.
enum RecordPages {
    /// An impact assessment kept in the register, as a record lists it in section 5.
    struct KeptAssessment: Sendable, Hashable, Codable {
        var id: String
        var version: Int
        var kind: String
        var title: String
        var status: String
        /// The canvas template it followed (dpia, equality-impact-assessment, ...), when a canvas.
        var template: String?
        /// When its latest version was kept.
        var date: CalendarDate
        /// The record that replaces it, when it was superseded.
        var replacedBy: String? = nil

        /// Whether the assessment still stands: a withdrawn or superseded one is no ground for the
        /// tool's use, and a published record should not cite it as if it were.
        var isInForce: Bool { !LifecycleStep.finalStatuses.contains(status) }

        /// Why a record should not cite it, for a warning or a refusal; nil while it is in force.
        var outOfForce: String? {
            guard !isInForce else { return nil }
            return "\(id) (\(title)), which is \(status)" + (replacedBy.map { " by \($0)" } ?? "")
        }

        var description: String {
            let what = switch template {
            case "dpia"?: "Data protection impact assessment"
            case "equality-impact-assessment"?: "Equality impact assessment"
            case let other?: "Canvas (\(other))"
            case nil: kind == "decision" ? "Ethical decision record" : kind.prefix(1).uppercased() + kind.dropFirst()
            }
            return "\(what), kept in the register as \(id) version \(version) (\(status)\(replacedBy.map { " by \($0)" } ?? ""))"
        }
    }

    static func record(_ record: RecordFile, standard: Standard, assessments: [KeptAssessment], council: String) -> Document {
        let name = record.answers.text("name") ?? "Untitled tool"
        let organisation = record.answers.text("organisation") ?? council
        var document = Document(
            title: "\(organisation): \(name)",
            subtitle: "Algorithmic transparency record",
            metadata: [
                .init("Standard", "\(standard.title) \(standard.versionLabel)"),
                .init("Created", record.created.description),
                .init("Updated", record.updated.description),
            ])
        if let id = record.record { document.metadata.append(.init("Register", id)) }
        for section in standard.sections {
            if section.id == "metadata" {
                document.append(.heading(level: 2, section.title, anchor: "metadata"))
                document.append(.table(Table(
                    caption: [.text("GOV.UK metadata")],
                    header: ["Field", "GOV.UK name", "Value"],
                    rows: [
                        [Table.Cell(stringLiteral: "ATRS version"), Table.Cell([.code(standard.govukPrefix + "atrs_version")]),
                         Table.Cell(stringLiteral: standard.versionLabel)],
                    ] + govukFields(standard).map { field in
                        [Table.Cell(stringLiteral: field.title), Table.Cell([.code(standard.govukPrefix + field.name)]),
                         Table.Cell(stringLiteral: display(record.answers[field.id], field: field))]
                    },
                    hasRowHeaders: true)))
                continue
            }
            let heading = section.tier == 1 ? section.title : "Tier 2 - \(section.title)"
            document.append(.heading(level: 2, heading, anchor: Inline.anchorSlug(heading)))
            for field in section.fields {
                // A supplier's details are asked only when a third party is involved.
                if case .when(let flag) = field.required, record.answers.flag(flag) == false { continue }
                document.append(contentsOf: blocks(for: field, in: record, assessments: assessments))
            }
        }
        document.append(.heading(level: 2, "About this record"))
        document.append(.paragraph(
            "Set out in the structure of the \(standard.title) \(standard.versionLabel). Source: \(standard.provenance.citation)."))
        if let attribution = standard.attribution { document.append(.paragraph(attribution)) }
        return document
    }

    static func govukFields(_ standard: Standard) -> [Standard.Field] {
        standard.fields.filter { $0.govuk == true }
    }

    private static func blocks(for field: Standard.Field, in record: RecordFile, assessments: [KeptAssessment]) -> [Block] {
        var blocks: [Block] = [.heading(level: 3, field.heading, anchor: Inline.anchorSlug(field.title))]
        let value = record.answers[field.id]
        switch field.kind {
        case .list where field.id == "impact-assessments":
            let written = record.answers.items(field.id)
            if written.isEmpty && assessments.isEmpty {
                blocks.append(.paragraph("Not answered yet."))
            } else {
                var rows: [[Table.Cell]] = assessments.map { kept in
                    [Table.Cell(stringLiteral: kept.title), Table.Cell(stringLiteral: kept.description),
                     Table.Cell(stringLiteral: kept.date.description), Table.Cell([.code(kept.id)])]
                }
                rows += written.map { item in
                    let link = item.text("link") ?? ""
                    return [Table.Cell(stringLiteral: item.text("name") ?? ""), Table.Cell(stringLiteral: item.text("description") ?? ""),
                            Table.Cell(stringLiteral: item.date("date")?.description ?? ""),
                            link.hasPrefix("https://") || link.hasPrefix("http://") ? Table.Cell([.link(link, url: link)]) : Table.Cell(stringLiteral: link)]
                }
                blocks.append(.table(Table(
                    caption: [.text("Impact assessments")], header: ["Assessment", "Description", "Date", "Link"], rows: rows,
                    hasRowHeaders: true)))
            }
        case .list where field.id == "risks":
            let items = record.answers.items(field.id)
            if items.isEmpty {
                blocks.append(.paragraph("Not answered yet."))
            } else {
                blocks.append(.table(Table(
                    caption: [.text("Risks and their mitigations")], header: ["Risk", "Description", "Mitigation"],
                    rows: items.map { item in
                        [Table.Cell(stringLiteral: item.text("name") ?? ""), Table.Cell(stringLiteral: item.text("description") ?? ""),
                         Table.Cell(stringLiteral: item.text("mitigation") ?? "")]
                    },
                    hasRowHeaders: true)))
            }
        case .list:
            let items = record.answers.items(field.id)
            if items.isEmpty {
                blocks.append(.paragraph("None."))
            }
            for (index, item) in items.enumerated() {
                let label = (field.item ?? "item").prefix(1).uppercased() + (field.item ?? "item").dropFirst()
                let itemAnchor = Inline.anchorSlug("\(field.item ?? "item") \(index + 1)")
                blocks.append(.heading(level: 4, "\(label) \(index + 1): \(item.text("name") ?? "")", anchor: itemAnchor))
                // Each of the item's fields under its own numbered heading, as GOV.UK shows them.
                for inner in field.fields ?? [] {
                    blocks.append(.heading(level: 5, inner.heading, anchor: itemAnchor + "-" + Inline.anchorSlug(inner.title)))
                    blocks += paragraphs(display(item[inner.id], field: inner))
                }
            }
        default:
            blocks += paragraphs(display(value, field: field))
        }
        return blocks
    }

    static func display(_ value: FormValue?, field: Standard.Field) -> String {
        guard let value, !Completeness.isEmpty(value) else { return "" }
        switch value {
        case .flag(let flag): return flag ? "Yes" : "No"
        default: return value.displayText
        }
    }

    private static func paragraphs(_ text: String) -> [Block] {
        guard !text.isEmpty else { return [.paragraph("Not answered yet.")] }
        return text.components(separatedBy: "\n\n").map { paragraph in
            let lines = paragraph.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            var inlines: [Inline] = []
            for (index, line) in lines.enumerated() {
                if index > 0 { inlines.append(.lineBreak) }
                inlines.append(.text(line))
            }
            return .paragraph(inlines)
        }
    }

    /// Where a record stands: what is answered in each section, and what to do next.
    static func progress(_ record: RecordFile, standard: Standard, file: String, heading: String) -> Document {
        let report = Completeness(standard: standard, record: record)
        var document = Document(title: heading, metadata: [
            .init("File", file), .init("Standard", "\(standard.title) \(standard.versionLabel)"),
        ])
        document.append(table(report, standard: standard))
        document.append(.paragraph(report.isComplete
            ? "Every required field is answered. Keep it with 'ethics transparency-record record \(file)'."
            : "\(report.missing.count) required field\(report.missing.count == 1 ? "" : "s") to go: see 'ethics transparency-record check \(file)'."))
        return document
    }

    private static func table(_ report: Completeness, standard: Standard) -> Block {
        .table(Table(
            caption: [.text("Required fields answered, by section")], header: ["Section", "Answered", "Required"],
            rows: standard.sections.map { section in
                let count = report.counts[section.id] ?? .init()
                return [Table.Cell(stringLiteral: section.label),
                        Table.Cell(stringLiteral: String(count.answered)), Table.Cell(stringLiteral: String(count.required))]
            },
            alignments: [.left, .right, .right], hasRowHeaders: true))
    }

    static func check(_ report: Completeness, record: RecordFile, standard: Standard, file: String) -> Document {
        let name = record.answers.text("name") ?? file
        var document = Document(
            title: "Completeness: \(name)",
            metadata: [.init("File", file), .init("Standard", "\(standard.title) \(standard.versionLabel)")])
        document.append(table(report, standard: standard))
        guard !report.isComplete else {
            document.append(.paragraph("Complete: every required field of the standard is answered."))
            return document
        }
        document.append(.heading(level: 2, "Missing or not valid (\(report.missing.count))"))
        for section in standard.sections {
            let missing = report.missing.filter { $0.section.id == section.id }
            guard !missing.isEmpty else { continue }
            document.append(.heading(level: 3, section.label))
            document.append(.list(.unordered, missing.map { "\($0.field): \($0.message)" }))
        }
        return document
    }

    static func prefilled(_ found: Prefill, filled: [(field: String, from: String)], kept: [String], standard: Standard, file: String) -> Document {
        var document = Document(title: "Prefilled from \(found.origin)", metadata: [.init("File", file)])
        if filled.isEmpty {
            document.append(.paragraph("Nothing new: every field it could fill was already answered."))
        } else {
            document.append(.table(Table(
                caption: [.text("What came from where")], header: ["Field", "From"],
                rows: filled.map { entry in
                    [Table.Cell(stringLiteral: standard.field(entry.field)?.heading ?? entry.field), Table.Cell(stringLiteral: entry.from)]
                },
                hasRowHeaders: true)))
        }
        if !kept.isEmpty {
            document.append(.paragraph(
                "Already answered, so left as they were: " + kept.map { standard.field($0)?.heading ?? $0 }.joined(separator: "; ") + "."))
        }
        return document
    }

    static func list(_ versions: [RecordVersion]) -> Document {
        var document = Document(title: "Algorithmic transparency records")
        guard !versions.isEmpty else {
            document.append(.paragraph("No transparency records are kept yet. Keep one with 'ethics transparency-record record FILE'."))
            return document
        }
        document.append(.table(Table(
            caption: [.text("\(versions.count) record\(versions.count == 1 ? "" : "s"), latest version each")],
            header: ["Record", "Tool", "Version", "Status", "Author"],
            rows: versions.map { version in
                [Table.Cell([.code(version.id)]), Table.Cell(stringLiteral: version.title), Table.Cell(stringLiteral: String(version.version)),
                 Table.Cell(stringLiteral: version.status), Table.Cell(stringLiteral: version.author)]
            },
            hasRowHeaders: true)))
        return document
    }

    static func standard(_ standard: Standard) -> Document {
        var document = Document(
            title: "\(standard.title) \(standard.versionLabel)", metadata: [.init("Source", standard.provenance.citation)])
        if let summary = standard.summary { document.append(.paragraph(summary)) }
        for section in standard.sections {
            document.append(.heading(level: 2, section.label))
            var rows: [[Table.Cell]] = []
            func add(_ field: Standard.Field, within: String?) {
                let required: String = switch field.required {
                case .always: "yes"
                case .optional: "no"
                case .when(let flag): "when \(flag) is yes"
                }
                rows.append([
                    Table.Cell(stringLiteral: (within.map { "\($0) › " } ?? "") + field.heading), Table.Cell([.code(field.id)]),
                    Table.Cell([.code(field.govuk == true ? standard.govukPrefix + field.name : field.name)]),
                    Table.Cell(stringLiteral: required),
                ])
                for inner in field.fields ?? [] { add(inner, within: field.title) }
            }
            for field in section.fields { add(field, within: nil) }
            document.append(.table(Table(
                caption: [.text("Fields of \(section.title)")], header: ["Field", "Answers-file key", "Machine name", "Required"],
                rows: rows, hasRowHeaders: true)))
        }
        return document
    }

    static func algoritmeregister(_ publication: Algoritmeregister.Publication, file: String) -> Document {
        var document = Document(
            title: "Algoritmeregister publication: \(publication.name)",
            metadata: [.init("Standard", "Algoritmeregister publication standard \(Algoritmeregister.standardVersion)"), .init("Written to", file)])
        document.append(.table(Table(
            caption: [.text("Fields written, with their length limits")], header: ["Field", "From", "Characters", "Limit"],
            rows: publication.lengths.map { entry in
                [Table.Cell([.code(entry.field)]), Table.Cell(stringLiteral: entry.from), Table.Cell(stringLiteral: String(entry.length)),
                 Table.Cell(stringLiteral: entry.limit.map(String.init) ?? "")]
            },
            alignments: [.left, .left, .right, .right], hasRowHeaders: true)))
        return document
    }
}
