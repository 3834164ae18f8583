import EthicsCore
import EthicsYAML

/// A transparency record as a YAML file the team keeps beside the project, as the canvas is kept:
/// readable, diffable, edited by hand or with `fill`.
///
/// ```yaml
/// standard: atrs
/// standard-version: "3.0"          # the version of the standard, in every record
/// created: 2026-12-05
/// updated: 2026-12-05
/// record: atr-2026-0001            # set by `record`
/// assessments: [can-2026-0002]     # impact assessments kept in the register (section 5)
/// sources:                         # where prefilled answers came from
///   description: "canvas housing.canvas.yaml, area reasons, question purpose"
/// answers:                         # the standard's fields, by id
///   name: Predictive model for housing repairs
/// ```
///
/// Written through `SafeFile` (0600 when new), so an interrupted `fill` leaves the last file whole.
struct RecordFile: Sendable, Hashable, Codable {
    var standard: String
    var standardVersion: String
    var created: CalendarDate
    var updated: CalendarDate
    var record: String?
    var assessments: [String] = []
    /// Field id (or `list[n].field`) to where its answer came from, in the order they were added.
    var sources: [Source] = []
    var answers = FormAnswers()

    struct Source: Sendable, Hashable, Codable {
        var field: String
        var from: String
    }

    /// Where each answer sits in the file it was read from, for messages about it.
    var locations: [String: SourceLocation] = [:]

    enum CodingKeys: String, CodingKey {
        case standard, standardVersion, created, updated, record, assessments, sources, answers
    }

    static let keys = ["standard", "standard-version", "created", "updated", "record", "assessments", "sources", "answers"]

    /// Reads `path`, checking it against `standard`: every problem, positioned, at once.
    static func read(_ path: String, standard: Standard) throws(DiagnosticError) -> RecordFile {
        let file = try FormAnswersFile(file: path)
        let root = file.root
        var problems = DiagnosticCollector()
        for (key, _) in root.entries where !keys.contains(key.text ?? "") {
            problems.append(.error(
                "'\(key.text ?? "")' is not a key of a transparency record file", at: key.location,
                suggestion: Suggestion.didYouMean(key.text ?? "", among: keys) ?? "its keys are \(keys.joined(separator: ", "))"))
        }
        func text(_ key: String) -> String? {
            guard let node = root[key], !node.isNull else { return nil }
            guard node.kind == .scalar, let text = node.text else {
                problems.append(.error("'\(key)' takes a single value", at: node.location))
                return nil
            }
            return text
        }
        func date(_ key: String) -> CalendarDate? {
            guard let written = text(key) else {
                problems.append(.error("the record file has no '\(key):' date", at: root.location, file: path))
                return nil
            }
            guard let date = CalendarDate(written) else {
                problems.append(.error("'\(key)' must be a date written YYYY-MM-DD, not '\(written)'", at: root[key]?.location))
                return nil
            }
            return date
        }
        let id = text("standard") ?? ""
        let version = text("standard-version") ?? ""
        if id != standard.id || version != standard.version {
            problems.append(.error(
                "this record follows '\(id)' version '\(version)', but the configuration's standard is '\(standard.id)' version '\(standard.version)'",
                at: root["standard-version"]?.location ?? root["standard"]?.location ?? root.location,
                suggestion: "name the standard it follows under 'plugins: transparency-record: standard:'"))
        }
        let created = date("created")
        let updated = date("updated")
        var record = RecordFile(
            standard: id, standardVersion: version, created: created ?? CalendarDate(year: 2000, month: 1, day: 1)!,
            updated: updated ?? CalendarDate(year: 2000, month: 1, day: 1)!, record: text("record"))
        if let node = root["assessments"], !node.isNull {
            if node.kind == .sequence {
                record.assessments = node.elements.compactMap { element in
                    guard element.kind == .scalar, let text = element.text else {
                        problems.append(.error("each assessment is a record id, such as can-2026-0002", at: element.location))
                        return nil
                    }
                    return text
                }
            } else {
                problems.append(.error("'assessments' is a list of record ids", at: node.location))
            }
        }
        if let node = root["sources"], !node.isNull {
            if node.kind == .mapping {
                for (key, value) in node.entries {
                    record.sources.append(Source(field: key.text ?? "", from: value.text ?? ""))
                }
            } else {
                problems.append(.error("'sources' maps each prefilled field to where it came from", at: node.location))
            }
        }
        if let node = root["answers"], !node.isNull {
            do {
                record.answers = try file.answers(to: standard.form, in: node)
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
            for (key, value) in node.entries {
                record.locations[key.text ?? ""] = value.location
            }
        }
        try problems.throwIfErrors()
        return record
    }

    func write(to path: String, standard: Standard) throws(DiagnosticError) {
        let text: String
        do {
            text = try YAMLEmitter.emit(yaml(standard).node(file: path))
        } catch {
            throw .error("cannot write the record: \(error)", file: path)
        }
        do {
            try SafeFile.write(
                "# An Algorithmic Transparency Recording Standard record, kept by `ethics transparency-record`.\n" + text,
                to: path, mode: 0o600)
        } catch {
            throw .error("cannot write the record: \(error.reason)", file: path)
        }
    }

    func yaml(_ standard: Standard) -> YAMLValue {
        var pairs: [YAMLPair] = [
            YAMLPair("standard", .string(self.standard)),
            YAMLPair("standard-version", .string(standardVersion)),
            YAMLPair("created", .string(created.description)),
            YAMLPair("updated", .string(updated.description)),
        ]
        if let record { pairs.append(YAMLPair("record", .string(record))) }
        pairs.append(YAMLPair("assessments", .sequence(assessments.map(YAMLValue.string))))
        pairs.append(YAMLPair("sources", .mapping(sources.map { YAMLPair($0.field, .string($0.from)) })))
        pairs.append(YAMLPair("answers", Self.yaml(answers, fields: standard.fields)))
        return .mapping(pairs)
    }

    static func yaml(_ answers: FormAnswers, fields: [Standard.Field]) -> YAMLValue {
        .mapping(fields.compactMap { field in
            answers[field.id].map { YAMLPair(field.id, yaml($0, field: field)) }
        })
    }

    private static func yaml(_ value: FormValue, field: Standard.Field) -> YAMLValue {
        switch value {
        case .text(let text): .string(text)
        case .choices(let ids): field.kind == .choice ? .string(ids.first ?? "") : .sequence(ids.map(YAMLValue.string))
        case .integer(let number): .int(number)
        case .date(let date): .string(date.description)
        case .flag(let flag): .bool(flag)
        case .items(let items): .sequence(items.map { yaml($0, fields: field.fields ?? []) })
        }
    }

    /// Notes where a prefilled answer came from, replacing an earlier note for the same field.
    mutating func note(_ field: String, from: String) {
        sources.removeAll { $0.field == field }
        sources.append(Source(field: field, from: from))
    }
}
