public import EthicsCore
import EthicsYAML

/// A transparency standard as content (the ATRS v3.0 ships in
/// `Configs/content/transparency/atrs-3.0.yaml`): its sections, their numbered fields with the
/// standard's machine names, and the lists GOV.UK files records by. The record's form, its
/// completeness check, its page and its JSON are all made from this one description, so a new
/// version of the standard is a new content file rather than new code.
public struct Standard: Decodable, Sendable, Hashable {
    public struct Section: Decodable, Sendable, Hashable {
        public var id: String
        /// 1 or 2; nil for the publishing metadata, which belongs to no tier.
        public var tier: Int?
        public var number: String?
        public var title: String
        public var summary: String?
        public var fields: [Field]

        /// As a heading: "Tier 1 - Overview", "1 - Owner and responsibility".
        public var heading: String {
            number.map { "\($0) - \(title)" } ?? title
        }

        /// As a table or a list names it: "Tier 2 - Owner and responsibility (section 1)".
        public var label: String {
            guard tier == 2 else { return title }
            return "Tier 2 - \(title)" + (number.map { " (section \($0))" } ?? "")
        }

        /// As a person names it in a message.
        var reference: String {
            if let number { return "Tier \(tier ?? 2) section \(number), \(title)" }
            return title
        }
    }

    public struct Field: Decodable, Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, YAMLStringEnum {
            case text, longText = "long-text", date, flag, choice, choices, list
        }

        public var id: String
        /// The standard's machine name, `senior_responsible_owner`.
        public var name: String
        public var number: String?
        public var title: String
        public var kind: Kind
        /// The list under `lists:` a choice field chooses from.
        public var choices: String?
        /// True, false, or the id of a flag field that makes this one required when it is yes.
        public var required: Requirement
        public var help: String?
        /// A field GOV.UK files the record by (its metadata, prefixed `algorithmic_transparency_record_`).
        public var govuk: Bool?
        /// What one item of a list is called ("model").
        public var item: String?
        /// The fields of each item of a list.
        public var fields: [Field]?
        /// The shape a text answer must have: `email` or `url`.
        public var format: TextFormat?

        /// As a heading and a label: "1.4.1 - Third party".
        public var heading: String {
            number.map { "\($0) - \(title)" } ?? title
        }
    }

    public enum Requirement: Sendable, Hashable, Decodable {
        case always, optional
        /// Required when the flag field with this id is answered yes.
        case when(String)

        public init(from decoder: any Decoder) throws {
            let node = try YAMLNode(from: decoder)
            switch node.text {
            case "true": self = .always
            case "false": self = .optional
            case let id?: self = .when(id)
            case nil:
                throw DiagnosticError.error("'required' is true, false or the id of a flag field", at: node.location)
            }
        }
    }

    public var id: String
    public var version: String
    public var title: String
    public var summary: String?
    public var provenance: Provenance
    public var attribution: String?
    public var govukPrefix: String
    public var lists: [String: [String]]
    public var sections: [Section]

    enum CodingKeys: String, CodingKey {
        case id, version, title, summary, provenance, attribution, govukPrefix = "govuk-prefix", lists, sections
    }

    /// "v3.0", as GOV.UK writes a record's `atrs_version`.
    public var versionLabel: String { "v" + version }

    public var fields: [Field] { sections.flatMap(\.fields) }

    public func field(_ id: String) -> Field? { fields.first { $0.id == id } }

    public func section(of fieldID: String) -> Section? {
        sections.first { $0.fields.contains { $0.id == fieldID } }
    }

    /// The record as one form: every field of every section, none required by the form itself,
    /// since a record is filled over several sittings and `check` says what is still missing.
    public var form: Form {
        Form(id: "record", title: "\(title) (\(versionLabel))", help: summary, fields: fields.map(formField))
    }

    /// The form of one section, for `fill --section`.
    func form(of section: Section) -> Form {
        Form(id: "record", title: section.label,
             help: section.summary, fields: section.fields.map(formField))
    }

    func formField(_ field: Field) -> FormField {
        let kind: FormField.Kind = switch field.kind {
        case .text: .text
        case .longText: .longText
        case .date: .date
        case .flag: .flag
        case .choice: .choice(choices(of: field))
        case .choices: .choices(choices(of: field))
        case .list: .repeating((field.fields ?? []).map(formField), itemLabel: field.item ?? "item")
        }
        return FormField(id: field.id, label: field.heading, help: field.help, kind: kind, isRequired: false, format: field.format)
    }

    func choices(of field: Field) -> [FormChoice] {
        (field.choices.flatMap { lists[$0] } ?? []).map { FormChoice(id: $0, label: $0) }
    }

    /// The checks beyond the file's shape, each at its position.
    /// The standard in the content file at `path`, read with the one content loader and checked.
    static func load(_ path: ContentPath) throws(DiagnosticError) -> Standard {
        try ContentPack<Standard>.load(
            [path], kind: "transparency standard", holding: "one standard, its 'sections:' and 'lists:'", check: problems)[0].file
    }

    static func problems(_ standard: Standard, root: YAMLNode) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen = Set<String>()
        let sectionNodes = root["sections"]?.elements ?? []
        for (index, section) in standard.sections.enumerated() {
            let fieldNodes = sectionNodes.indices.contains(index) ? sectionNodes[index]["fields"]?.elements ?? [] : []
            for (offset, field) in section.fields.enumerated() {
                let node = fieldNodes.indices.contains(offset) ? fieldNodes[offset] : root
                if !seen.insert(field.id).inserted {
                    problems.append(.error("field id '\(field.id)' is used twice", at: node["id"]?.location ?? node.location))
                }
                problems += check(field, in: standard, siblings: section.fields, at: node)
            }
        }
        return problems
    }

    private static func check(_ field: Field, in standard: Standard, siblings: [Field], at node: YAMLNode) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if field.kind == .choice || field.kind == .choices {
            if let list = field.choices, standard.lists[list] == nil {
                problems.append(.error(
                    "'\(field.id)' chooses from '\(list)', which is not under 'lists:'", at: node["choices"]?.location ?? node.location,
                    suggestion: Suggestion.didYouMean(list, among: standard.lists.keys.sorted())))
            } else if field.choices == nil {
                problems.append(.error("the choice field '\(field.id)' needs 'choices:' naming a list", at: node.location))
            }
        }
        if field.kind == .list, field.fields?.isEmpty ?? true {
            problems.append(.error("the list '\(field.id)' needs 'fields:' for its items", at: node.location))
        }
        if field.format != nil, field.kind != .text {
            problems.append(.error(
                "'\(field.id)' has a 'format:', which only a one-line text field takes; it is \(field.kind.rawValue)",
                at: node["format"]?.location ?? node.location))
        }
        if case .when(let flag) = field.required, !siblings.contains(where: { $0.id == flag && $0.kind == .flag }) {
            problems.append(.error(
                "'\(field.id)' is required when '\(flag)' is yes, but there is no flag field '\(flag)' beside it",
                at: node["required"]?.location ?? node.location))
        }
        return problems
    }
}
