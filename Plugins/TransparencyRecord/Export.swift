import EthicsCore
import Foundation

/// JSON for other systems, from a record: data, not a page, so it is written as the receiving
/// system defines it rather than through the renderer (which writes pages, and the page model
/// itself as its JSON).
enum JSONData {
    static func write(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func value(_ value: FormValue?, field: Standard.Field) -> Any {
        guard let value, !Completeness.isEmpty(value) else { return NSNull() }
        switch value {
        case .text(let text): return text
        case .choices(let ids): return field.kind == .choice ? (ids.first ?? "") : ids
        case .integer(let number): return number
        case .date(let date): return date.description
        case .flag(let flag): return flag
        case .items(let items):
            return items.map { item in
                Dictionary(uniqueKeysWithValues: (field.fields ?? []).map { ($0.name, Self.value(item[$0.id], field: $0)) })
            }
        }
    }
}

/// A record as GOV.UK's publishing metadata (`algorithmic_transparency_record_…`) and the
/// standard's fields under their machine names, tier by tier and section by section.
enum GovUKRecord {
    static func object(of record: RecordFile, standard: Standard, assessments: [RecordPages.KeptAssessment], today: CalendarDate) -> [String: Any] {
        var root: [String: Any] = [
            standard.govukPrefix + "atrs_version": standard.versionLabel,
            standard.govukPrefix + "date_published": today.description,
        ]
        for field in RecordPages.govukFields(standard) {
            root[standard.govukPrefix + field.name] = JSONData.value(record.answers[field.id], field: field)
        }
        var tier2: [String: Any] = [:]
        for section in standard.sections where section.tier != nil {
            var fields: [String: Any] = [:]
            for field in section.fields {
                fields[field.name] = JSONData.value(record.answers[field.id], field: field)
            }
            if let list = section.fields.first(where: { $0.id == "impact-assessments" }) {
                let written = fields[list.name] as? [[String: Any]] ?? []
                fields[list.name] = assessments.map { kept -> [String: Any] in
                    ["assessment_name": kept.title, "assessment_description": kept.description,
                     "assessment_date": kept.date.description, "assessment_link": kept.id]
                } + written
            }
            let key = section.id.replacingOccurrences(of: "-", with: "_")
            if section.tier == 1 { root[key] = fields } else { tier2[key] = fields }
        }
        root["tier_2"] = tier2
        return root
    }

    static func json(of record: RecordFile, standard: Standard, assessments: [RecordPages.KeptAssessment], today: CalendarDate) -> String {
        JSONData.write(object(of: record, standard: standard, assessments: assessments, today: today))
    }
}

/// The Dutch national algorithm register's publication standard 1.0 (document 1.0.10, 29 November
/// 2024): the same tool described in the register's fields, each within its length limit.
enum Algoritmeregister {
    static let standardVersion = "1.0"

    /// The register's three publication categories.
    enum Category: String, CaseIterable, Sendable {
        case highRiskAI = "high-risk-ai-system"
        case impactful = "impactful-algorithm"
        case other = "other-algorithm"

        var dutch: String {
            switch self {
            case .highRiskAI: "Hoog-risico AI-systeem"
            case .impactful: "Impactvolle algoritmes"
            case .other: "Overige algoritmes"
            }
        }
    }

    /// The register's limits on its text fields, in characters.
    static let limits: [String: Int] = [
        "name": 100, "description_short": 400, "organization": 100, "contact_email": 500, "website": 500,
        "goal": 2500, "proportionality": 2500, "human_intervention": 2500, "risks": 2500, "lawful_basis": 2500,
        "impacttoetsen": 2500, "source_data": 2500, "methods_and_models": 5000, "provider": 200, "publiccode": 500,
    ]
    /// The limits on each item of `impacttoetsen_grouping`.
    static let titleLimit = 100
    static let linkLimit = 500
    static let required = ["name", "description_short", "organization", "status", "contact_email", "publication_category"]

    /// The register's status for each ATRS phase.
    static func status(of phase: String) -> String {
        switch phase {
        case "production": "In gebruik"
        case "retired": "Buiten gebruik"
        default: "In ontwikkeling"
        }
    }

    struct Publication {
        var name: String
        var json: String
        var lengths: [(field: String, from: String, length: Int, limit: Int?)]
    }

    static func publication(
        of record: RecordFile, standard: Standard, assessments: [RecordPages.KeptAssessment], category: Category, file: String
    ) throws(DiagnosticError) -> Publication {
        let answers = record.answers
        func text(_ id: String) -> String { answers.text(id) ?? "" }
        func join(_ items: [FormAnswers], _ line: (FormAnswers) -> String) -> String {
            items.map(line).joined(separator: "\n")
        }
        // Each field of the register, what it is made from (ATRS field ids), and its text.
        var fields: [(name: String, from: [String], text: String)] = [
            ("name", ["name"], text("name")),
            ("description_short", ["description"], text("description")),
            ("organization", ["organisation"], text("organisation")),
            ("contact_email", ["contact-email"], text("contact-email")),
            ("website", ["website"], text("website")),
            ("goal", ["benefit"], text("benefit")),
            ("proportionality", ["alternatives-considered"], text("alternatives-considered")),
            ("human_intervention", ["human-decisions"], text("human-decisions")),
            ("risks", ["risks"], join(answers.items("risks")) { risk in
                "\(risk.text("name") ?? ""): " + [risk.text("description"), risk.text("mitigation").map { "Mitigation: \($0)" }]
                    .compactMap { $0 }.joined(separator: " ")
            }),
            ("impacttoetsen", ["impact-assessments"], (assessments.map { "\($0.title) (\($0.date)): \($0.description)" }
                + answers.items("impact-assessments").map { "\($0.text("name") ?? "") (\($0.date("date")?.description ?? "")): \($0.text("description") ?? "")" })
                .joined(separator: "\n")),
            ("source_data", ["datasets"], join(answers.items("datasets")) { "\($0.text("name") ?? ""): \($0.text("description") ?? "")" }),
            ("methods_and_models", ["system-architecture", "models"], ([text("system-architecture")] + answers.items("models").map { model in
                "\(model.text("name") ?? ""): \(model.text("architecture") ?? "")"
            }).filter { !$0.isEmpty }.joined(separator: "\n\n")),
        ]
        if answers.flag("third-party") == true { fields.append(("provider", ["supplier"], text("supplier"))) }
        var problems = DiagnosticCollector()
        var object: [String: Any] = [
            "status": status(of: answers.choice("phase") ?? ""),
            "publication_category": category.dutch,
            "lang": "eng",
            "standard_version": standardVersion,
        ]
        if let id = record.record { object["source_id"] = id }
        var lengths: [(field: String, from: String, length: Int, limit: Int?)] = []
        func location(_ ids: [String]) -> SourceLocation? {
            ids.lazy.compactMap { record.locations[$0] }.first
        }
        func describe(_ ids: [String]) -> String {
            ids.map { id in standard.field(id).map { "\($0.heading) (\(standard.section(of: id)?.tier == 1 ? "Tier 1" : "Tier 2"))" } ?? id }
                .joined(separator: " and ")
        }
        for field in fields {
            let length = field.text.unicodeScalars.count
            lengths.append((field.name, describe(field.from), length, limits[field.name]))
            if field.text.isEmpty {
                if required.contains(field.name) {
                    problems.append(.error(
                        "the Algoritmeregister needs '\(field.name)', made from \(describe(field.from)), which is empty",
                        at: location(field.from), file: file))
                }
                continue
            }
            if let limit = limits[field.name], length > limit {
                problems.append(.error(
                    "'\(field.name)' takes at most \(limit) characters in the Algoritmeregister; \(describe(field.from)) gives \(length)",
                    at: location(field.from), file: file,
                    suggestion: "shorten it by \(length - limit) characters"))
            }
            object[field.name] = field.text
        }
        var grouping: [[String: String]] = []
        let links = assessments.map { ($0.title, $0.id) }
            + answers.items("impact-assessments").map { ($0.text("name") ?? "", $0.text("link") ?? "") }
        for (title, link) in links {
            if title.unicodeScalars.count > titleLimit {
                problems.append(.error(
                    "an impact assessment's title takes at most \(titleLimit) characters in the Algoritmeregister; '\(title.prefix(40))…' has \(title.unicodeScalars.count)",
                    at: location(["impact-assessments"]), file: file))
            }
            if link.unicodeScalars.count > linkLimit {
                problems.append(.error(
                    "an impact assessment's link takes at most \(linkLimit) characters in the Algoritmeregister; it has \(link.unicodeScalars.count)",
                    at: location(["impact-assessments"]), file: file))
            }
            grouping.append(["title": title, "link": link])
        }
        object["impacttoetsen_grouping"] = grouping
        if answers.choice("phase") == nil {
            problems.append(.error("the Algoritmeregister needs 'status', made from 4.1.2 - Phase, which is empty", at: nil, file: file))
        }
        try problems.throwIfErrors()
        return Publication(name: text("name"), json: JSONData.write(object), lengths: lengths)
    }
}
