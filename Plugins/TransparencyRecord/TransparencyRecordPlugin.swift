public import EthicsCore
import Foundation

/// Algorithmic transparency records: a council describes an algorithmic tool it uses in the
/// shape of the UK Algorithmic Transparency Recording Standard (ATRS), from what the toolkit
/// already holds (the canvas, the decision, the impact assessments in the register), checks it
/// against the standard's required fields, keeps it in the register for sign-off, and publishes
/// it as a page, as GOV.UK's JSON, or as a record for the Dutch Algoritmeregister.
///
/// The standard is content (`Configs/content/transparency/atrs-3.0.yaml`): its sections and
/// numbered fields make the form every front end asks, the check and the page.
public struct TransparencyRecordPlugin: EthicsPlugin {
    /// The plugin's section of the configuration:
    ///
    /// ```yaml
    /// plugins:
    ///   transparency-record:
    ///     standard: content/transparency/atrs-3.0.yaml
    /// ```
    public struct Settings: Decodable, Sendable {
        /// The version of the standard records follow.
        public var standard: ContentPath
        /// The contact address a new record starts with; none by default.
        public var contactEmail: String?

        enum CodingKeys: String, CodingKey {
            case standard, contactEmail = "contact-email"
        }
    }

    let settings: Settings
    let context: PluginContext
    private let loaded = LoadOnce<Standard>()

    public init(settings: Settings, context: PluginContext) {
        self.settings = settings
        self.context = context
    }

    static let fileField = FormField(id: "file", label: "The record file", help: "A .atrs.yaml file made by 'new'.", kind: .text)

    public static let operations: [PluginOperation<TransparencyRecordPlugin>] = [
        PluginOperation(
            "new", summary: "Start a transparency record file for a tool.",
            discussion: "Writes NAME.atrs.yaml (or --file) with the standard's version and the council as the organisation.",
            input: [
                FormField(id: "name", label: "The tool's name", help: "As people know it.", kind: .text),
                FormField(id: "file", label: "Where to write the record", kind: .text, isRequired: false),
            ],
            usesFiles: true
        ) { plugin, input, context in
            try plugin.create(name: input.answers.text("name") ?? "", file: input.answers.text("file"), context: context)
        },
        PluginOperation(
            "fill", summary: "Answer the record's fields, on a terminal or from an answers file.",
            discussion: """
                On a terminal, asks each field not yet answered (or each field of --section). Elsewhere, pass \
                --answers FILE: a YAML file whose 'record:' maps field ids to answers (lists such as risks as lists \
                of mappings). Every problem is reported at its line and column and nothing is written.
                """,
            input: [fileField, FormField(
                id: "section", label: "Only this section", help: "Its id or number: metadata, tier-1, 1 to 5.", kind: .text, isRequired: false)],
            positional: ["file"], usesFiles: true, asks: ["record"]
        ) { plugin, input, context in
            try await plugin.fill(file: input.answers.text("file") ?? "", section: input.answers.text("section"), forms: input.forms, context: context)
        },
        PluginOperation(
            "check", summary: "Check the record against the standard's required fields (exit 1 while incomplete).",
            input: [fileField], positional: ["file"], usesFiles: true
        ) { plugin, input, context in
            try await plugin.check(file: input.answers.text("file") ?? "", context: context)
        },
        PluginOperation(
            "render", summary: "Show the record as the GOV.UK record reads: its tiers, sections and numbered fields.",
            input: [fileField], positional: ["file"], usesFiles: true
        ) { plugin, input, context in
            let (standard, record) = try plugin.load(input.answers.text("file") ?? "")
            var document = RecordPages.record(
                record, standard: standard, assessments: try await plugin.assessments(of: record, context: context), council: context.model.council.name)
            // A file as the register keeps it is that record's latest version, so a paper of it
            // carries that version's sign-offs; a file changed since was not signed as it reads.
            if let id = record.record, let kept = try await context.register.fetch(id), kept.kind == transparencyRecordKind.id,
               let body = try? kept.decodeBody(as: RecordBody.self), body.file.answers == record.answers,
               body.file.assessments == record.assessments {
                document.record = kept.reference
            } else if let id = record.record {
                context.notices.line("The file differs from \(id) as the register keeps it, so its sign-offs are not shown; keep it again with 'ethics transparency-record record'.")
            }
            return document
        },
        PluginOperation(
            "record", summary: "Keep the record in the register (then review and approve it with 'ethics records').",
            input: [fileField, .accountable(for: "the record")],
            positional: ["file"], writes: true, usesFiles: true
        ) { plugin, input, context in
            try await plugin.keep(file: input.answers.text("file") ?? "", author: input.answers.text("author"), context: context)
        },
        PluginOperation(
            "from-canvas", summary: "Prefill a record from a Data Ethics Canvas file, saying what came from where.",
            discussion: "Fills only fields still empty; a record file that does not exist yet is created.",
            input: [
                FormField(id: "canvas", label: "The canvas file", kind: .text),
                FormField(id: "file", label: "The record file to fill (made from the canvas's title when left out)", kind: .text, isRequired: false),
            ],
            positional: ["canvas", "file"], usesFiles: true
        ) { plugin, input, context in
            try await plugin.prefill(from: .canvas(input.answers.text("canvas") ?? ""), file: input.answers.text("file"), context: context)
        },
        PluginOperation(
            "from-decision", summary: "Prefill a record from a decision in the register, saying what came from where.",
            discussion: "Fills only fields still empty, and lists the decision and the impact assessments it cites in section 5.",
            input: [
                FormField(id: "id", label: "The decision's record id, such as dec-2026-0001", kind: .text),
                FormField(id: "file", label: "The record file to fill (made from the decision's title when left out)", kind: .text, isRequired: false),
            ],
            positional: ["id", "file"], usesFiles: true
        ) { plugin, input, context in
            try await plugin.prefill(from: .decision(input.answers.text("id") ?? ""), file: input.answers.text("file"), context: context)
        },
        PluginOperation(
            "link-assessment", summary: "List an impact assessment kept in the register (a DPIA, an EIA, a canvas) in section 5.",
            discussion: "Keep the assessment first, such as with 'ethics canvas-builder record dpia.canvas.yaml'.",
            input: [fileField, FormField(id: "id", label: "The assessment's record id, such as can-2026-0002", kind: .text)],
            positional: ["file", "id"], usesFiles: true
        ) { plugin, input, context in
            try await plugin.linkAssessment(file: input.answers.text("file") ?? "", id: input.answers.text("id") ?? "", context: context)
        },
        PluginOperation(
            "export", summary: "Write the record as GOV.UK's JSON or as the Dutch Algoritmeregister's publication standard 1.0.",
            discussion: "Checks the Algoritmeregister's length limits; an over-long field is an error at its line (exit 2) and nothing is written.",
            input: [
                fileField,
                FormField(id: "to", label: "The target", kind: .choice([
                    FormChoice(id: "govuk", label: "govuk", help: "GOV.UK's metadata fields and the standard's machine names"),
                    FormChoice(id: "algoritmeregister", label: "algoritmeregister", help: "the Dutch algorithm register's publication standard 1.0"),
                ])),
                FormField(id: "json", label: "The JSON file to write", kind: .text),
                FormField(
                    id: "category", label: "The Algoritmeregister's publication category",
                    kind: .choice(Algoritmeregister.Category.allCases.map { FormChoice(id: $0.rawValue, label: $0.rawValue, help: $0.dutch) }),
                    isRequired: false),
            ],
            positional: ["file"], usesFiles: true
        ) { plugin, input, context in
            try await plugin.export(
                file: input.answers.text("file") ?? "", to: input.answers.choice("to") ?? "govuk", json: input.answers.text("json") ?? "",
                category: input.answers.choice("category").flatMap(Algoritmeregister.Category.init(rawValue:)), context: context)
        },
        PluginOperation("list", summary: "List the transparency records in the register.", formats: [.text, .markdown, .html, .json, .csv] + OutputFormat.papers) { _, _, context in
            RecordPages.list(try await context.register.latestVersions(kind: transparencyRecordKind))
        },
        PluginOperation("standard", summary: "Show the standard's sections and fields, with their numbers and machine names.") { plugin, _, _ in
            RecordPages.standard(try plugin.standard())
        },
    ]

    public func page(of version: RecordVersion) -> Document? {
        guard version.kind == Self.transparencyRecordKind.id, let body = try? version.decodeBody(as: RecordBody.self), let standard = try? standard() else {
            return nil
        }
        var document = RecordPages.record(body.file, standard: standard, assessments: body.assessments ?? [], council: context.model.council.name)
        document.metadata.insert(.init("Record", "\(version.id) version \(version.version), \(version.status)"), at: 0)
        document.record = version.reference
        return document
    }

    public func checkContent() throws(DiagnosticError) {
        _ = try standard()
    }

    func standard() throws(DiagnosticError) -> Standard {
        try loaded.value { () throws(DiagnosticError) in try Standard.load(settings.standard) }
    }

    func load(_ path: String) throws(DiagnosticError) -> (Standard, RecordFile) {
        let standard = try standard()
        return (standard, try RecordFile.read(path, standard: standard))
    }

    /// The slug GOV.UK gives a record, as a file name: "Predictive model for housing repairs"
    /// becomes predictive-model-for-housing-repairs.atrs.yaml.
    static func fileName(for name: String) -> String {
        SafeFile.stem(for: name, otherwise: "record") + ".atrs.yaml"
    }

    func create(name: String, file: String?, context: PluginContext) throws -> Document {
        let standard = try standard()
        let path = file.flatMap { $0.isEmpty ? nil : $0 } ?? Self.fileName(for: name)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticError.error("'\(path)' already exists; a new record is not written over it", suggestion: "fill it with 'ethics transparency-record fill \(path)', or pass --file")
        }
        let record = newRecord(standard: standard, name: name, context: context)
        try record.write(to: path, standard: standard)
        context.notices.line("Created \(path).")
        return RecordPages.progress(record, standard: standard, file: path, heading: "New record: \(name)")
    }

    func newRecord(standard: Standard, name: String, context: PluginContext) -> RecordFile {
        var record = RecordFile(standard: standard.id, standardVersion: standard.version, created: context.clock.today(), updated: context.clock.today())
        record.answers["name"] = .text(name)
        record.answers["organisation"] = .text(context.model.council.name)
        record.note("organisation", from: "the council's configuration (council.name)")
        if let email = settings.contactEmail {
            record.answers["contact-email"] = .text(email)
            record.note("contact-email", from: "the configuration (transparency-record.contact-email)")
        }
        return record
    }

    func fill(file: String, section: String?, forms: any FormDriver, context: PluginContext) async throws -> Document {
        let (standard, read) = try load(file)
        // Before any question: answers typed for a file that cannot be written would be lost.
        try SafeFile.checkTarget(file)
        var record = read
        var form = standard.form
        if let section, !section.isEmpty {
            guard let found = standard.sections.first(where: { $0.id == section || $0.number == section }) else {
                let names = standard.sections.map(\.id) + standard.sections.compactMap(\.number)
                throw DiagnosticError.error(
                    "'\(section)' is not a section of the \(standard.title)",
                    suggestion: Suggestion.didYouMean(section, among: names) ?? "its sections are \(names.joined(separator: ", "))")
            }
            form = standard.form(of: found)
        }
        let answers = try await forms.answers(to: form, current: record.answers)
        var changed = 0
        for field in form.fields {
            guard let value = answers[field.id], value != record.answers[field.id] else { continue }
            record.answers[field.id] = value
            record.sources.removeAll { $0.field == field.id }
            changed += 1
        }
        record.updated = context.clock.today()
        try record.write(to: file, standard: standard)
        context.notices.line("Updated \(changed) field\(changed == 1 ? "" : "s") of \(file).")
        return RecordPages.progress(record, standard: standard, file: file, heading: "Filled: \(record.answers.text("name") ?? file)")
    }

    func check(file: String, context: PluginContext) async throws -> Document {
        let (standard, record) = try load(file)
        let report = Completeness(standard: standard, record: record)
        let document = RecordPages.check(report, record: record, standard: standard, file: file)
        if !report.isComplete { throw CheckFailure(document: document) }
        return document
    }

    /// The impact assessments the record lists from the register, each as the register holds it now.
    func assessments(of record: RecordFile, context: PluginContext) async throws -> [RecordPages.KeptAssessment] {
        var kept: [RecordPages.KeptAssessment] = []
        for id in record.assessments {
            guard let version = try await context.register.fetch(id) else {
                throw DiagnosticError.error(
                    "the record lists '\(id)' under 'assessments', which is not in the register", at: nil,
                    suggestion: "list what is kept with 'ethics records list'")
            }
            let summary = try? version.decodeBody(as: AssessmentSummary.self)
            kept.append(RecordPages.KeptAssessment(
                id: version.id, version: version.version, kind: version.kind, title: version.title, status: version.status,
                template: summary?.template, date: context.clock.day(of: version.updated), replacedBy: version.step?.replacedBy))
        }
        return kept
    }

    /// Says which assessments the record cites that no longer stand, so nobody keeps or publishes
    /// it unawares; section 5 shows each one's status too.
    func warnOfAssessmentsOutOfForce(_ assessments: [RecordPages.KeptAssessment], file: String, context: PluginContext) {
        for reason in assessments.compactMap(\.outOfForce) {
            context.notices.line("warning: section 5 cites \(reason); list what stands in its place with "
                + "'ethics transparency-record link-assessment \(file) ID', and take it out of the file's 'assessments:'")
        }
    }

    func linkAssessment(file: String, id: String, context: PluginContext) async throws -> Document {
        let (standard, read) = try load(file)
        var record = read
        guard let version = try await context.register.fetch(id) else {
            let known = try await context.register.latestVersions(kind: nil).filter { $0.kind != Self.transparencyRecordKind.id }.map(\.id)
            throw DiagnosticError.error(
                "there is no record '\(id)' in the register",
                suggestion: Suggestion.didYouMean(id, among: known) ?? "list what is kept with 'ethics records list'")
        }
        guard version.kind != Self.transparencyRecordKind.id else {
            throw DiagnosticError.error("'\(id)' is a transparency record, not an impact assessment")
        }
        if LifecycleStep.finalStatuses.contains(version.status) {
            let replacement = version.step?.replacedBy
            throw DiagnosticError.error(
                "'\(id)' is \(version.status)\(replacement.map { " by \($0)" } ?? ""): a record cites the assessments that stand",
                suggestion: replacement.map { "list \($0) instead" } ?? "list the assessment that now stands, or keep a new one")
        }
        if record.assessments.contains(id) {
            context.notices.line("\(id) is already listed in section 5 of \(file).")
        } else {
            record.assessments.append(id)
            record.updated = context.clock.today()
            try record.write(to: file, standard: standard)
            context.notices.line("Listed \(id) (\(version.title)) in section 5 of \(file).")
        }
        return RecordPages.progress(record, standard: standard, file: file, heading: "Impact assessments: \(record.answers.text("name") ?? file)")
    }

    func keep(file: String, author: String?, context: PluginContext) async throws -> Document {
        let (standard, read) = try load(file)
        var record = read
        let author = try author.flatMap { $0.isEmpty ? nil : $0 } ?? context.actingPerson(for: "this transparency record").name
        let assessments = try await assessments(of: record, context: context)
        let name = record.answers.text("name") ?? ""
        guard !name.isEmpty else {
            throw DiagnosticError.error("the record has no name (Tier 1, Name)", suggestion: "fill it with 'ethics transparency-record fill \(file) --name NAME'")
        }
        var latest: RecordVersion?
        if let id = record.record {
            guard let existing = try await context.register.fetch(id) else {
                throw DiagnosticError.error(
                    "the file says it is kept as '\(id)', which is not in this register", at: record.locations["record"],
                    suggestion: "remove its 'record:' line to keep it as a new record")
            }
            guard existing.kind == Self.transparencyRecordKind.id else {
                throw DiagnosticError.error("'\(id)' is a \(existing.kind), not a transparency record")
            }
            latest = existing
        }
        let report = Completeness(standard: standard, record: record)
        // Reviewed a year on, as a decision is, so the record comes up in `records due` rather
        // than going stale unseen once the tool or its use changes.
        let draft = try RecordDraft(
            kind: Self.transparencyRecordKind, title: name, author: author, status: "draft",
            reviewBy: context.clock.adding(months: 12, to: context.clock.today()),
            tags: [standard.id + "-" + standard.versionLabel] + record.answers.choices("function"),
            content: RecordBody(file: record, assessments: assessments))
        /// The record's page, as kept in `version`.
        func page(_ version: RecordVersion) -> Document {
            var document = RecordPages.record(record, standard: standard, assessments: assessments, council: context.model.council.name)
            document.metadata.insert(.init("Record", "\(version.id) version \(version.version), \(version.status)"), at: 0)
            document.record = version.reference
            return document
        }
        if let latest, latest.holdsTheContent(of: draft, ignoringReviewDate: true) {
            // Kept again unchanged, it is no new version, and a sign-off of it stands (the review
            // date is set from today, so it is no change of content).
            context.notices.line("Unchanged since \(latest.id) version \(latest.version) (\(latest.status)); nothing kept.")
            return page(latest)
        }
        let existingID = record.record
        // Each assessment is cited once, from the version that first lists it.
        var cited = Set<String>()
        if let existingID {
            cited = Set(try await context.register.links(of: existingID).filter { $0.from == existingID }.map(\.to))
        }
        let alreadyCited = cited
        let version = try await context.register.write { write in
            let version = if let existingID { try write.addVersion(of: existingID, draft) } else { try write.record(draft) }
            for assessment in assessments where !alreadyCited.contains(assessment.id) {
                try write.link(from: version.id, to: assessment.id, .cites)
            }
            try write.publish(TransparencyRecorded(
                recordID: version.id, version: version.version, name: name, standardVersion: standard.versionLabel,
                complete: report.isComplete, assessments: assessments.map(\.id)))
            return version
        }
        if record.record == nil {
            record.record = version.id
            try record.write(to: file, standard: standard)
        }
        context.notices.line("Kept as \(version.id) version \(version.version).")
        if !report.isComplete {
            context.notices.line("It is not complete yet: \(report.missing.count) required field\(report.missing.count == 1 ? "" : "s") missing ('ethics transparency-record check \(file)').")
        }
        warnOfAssessmentsOutOfForce(assessments, file: file, context: context)
        return page(version)
    }

    enum PrefillSource {
        case canvas(String)
        case decision(String)
    }

    func prefill(from source: PrefillSource, file: String?, context: PluginContext) async throws -> Document {
        let standard = try standard()
        let found: Prefill
        switch source {
        case .canvas(let path): found = try Prefill.fromCanvas(path)
        case .decision(let id): found = try await Prefill.fromDecision(id, register: context.register)
        }
        let path = file.flatMap { $0.isEmpty ? nil : $0 } ?? Self.fileName(for: found.name)
        var record: RecordFile
        let created = !FileManager.default.fileExists(atPath: path)
        if created {
            record = newRecord(standard: standard, name: found.name, context: context)
            record.note("name", from: found.origin)
        } else {
            record = try RecordFile.read(path, standard: standard)
        }
        var filled: [(field: String, from: String)] = []
        var kept: [String] = []
        for entry in found.entries {
            guard let field = standard.field(entry.field) else { continue }
            if Completeness.isEmpty(record.answers[field.id]) {
                record.answers[field.id] = entry.value
                record.note(field.id, from: entry.from)
                filled.append((field.id, entry.from))
            } else if field.kind == .list, case .items(let new) = entry.value, case .items(let old)? = record.answers[field.id] {
                // An item is there already when one holds the same first answer (a dataset's
                // name): filled in since, or reworded, it is still the same dataset.
                let key = field.fields?.first?.id
                let added = new.filter { item in
                    !old.contains { existing in
                        existing == item || (key.map { item[$0] != nil && existing[$0] == item[$0] } ?? false)
                    }
                }
                guard !added.isEmpty else { continue }
                record.answers[field.id] = .items(old + added)
                record.note(field.id, from: (record.sources.first { $0.field == field.id }.map { $0.from + "; " } ?? "") + entry.from)
                filled.append((field.id, entry.from))
            } else {
                kept.append(field.id)
            }
        }
        for id in found.assessments where !record.assessments.contains(id) {
            record.assessments.append(id)
            filled.append(("assessments", "\(id) in the register"))
        }
        record.updated = context.clock.today()
        try record.write(to: path, standard: standard)
        context.notices.line("\(created ? "Created" : "Updated") \(path): \(filled.count) field\(filled.count == 1 ? "" : "s") prefilled from \(found.origin).")
        return RecordPages.prefilled(found, filled: filled, kept: kept, standard: standard, file: path)
    }

    func export(file: String, to target: String, json: String, category: Algoritmeregister.Category?, context: PluginContext) async throws -> Document {
        // The report of what was exported goes to standard output, so the JSON cannot go there too.
        if json == "-" {
            throw DiagnosticError.error(
                "--json names the file to write; standard output carries the report of what was written",
                suggestion: "name a file, such as --json record.json")
        }
        let (standard, record) = try load(file)
        let assessments = try await assessments(of: record, context: context)
        let text: String
        var document: Document
        switch target {
        case "algoritmeregister":
            guard let category else {
                throw DiagnosticError.error(
                    "the Algoritmeregister needs a publication category",
                    suggestion: "pass --category with one of \(Algoritmeregister.Category.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let register = try Algoritmeregister.publication(of: record, standard: standard, assessments: assessments, category: category, file: file)
            text = register.json
            document = RecordPages.algoritmeregister(register, file: json)
        default:
            text = GovUKRecord.json(of: record, standard: standard, assessments: assessments, today: context.clock.today())
            document = Document(title: "GOV.UK record JSON: \(record.answers.text("name") ?? file)", metadata: [
                .init("Standard", "\(standard.title) \(standard.versionLabel)"), .init("Written to", json),
            ])
            document.append(.paragraph("GOV.UK's metadata fields (prefixed \(standard.govukPrefix)) and each answer under the standard's machine name."))
        }
        try SafeFile.checkTarget(json)
        try SafeFile.writeOutput(text, to: json, mode: 0o600)
        context.notices.line("Written to \(json).")
        warnOfAssessmentsOutOfForce(assessments, file: file, context: context)
        // Written all the same (a draft to share), but nobody should publish it unawares.
        let report = Completeness(standard: standard, record: record)
        if let first = report.missing.first {
            let count = report.missing.count
            context.notices.line("warning: the record is not complete: \(count) field\(count == 1 ? "" : "s") to answer or put right, "
                + "such as \(first.field); 'ethics transparency-record check \(file)' lists them")
        }
        return document
    }
}

/// What the register keeps of a transparency record: the record file's content, so a version
/// shows the record as it was signed off.
struct RecordBody: Codable, Sendable {
    var file: RecordFile
    /// The impact assessments section 5 listed from the register when this version was kept, as
    /// they stood then; absent from versions kept before they were recorded here.
    var assessments: [RecordPages.KeptAssessment]?
}

/// The part of an impact assessment kept in the register that a record lists: the template it
/// followed, when it is a canvas.
struct AssessmentSummary: Decodable {
    var template: String?
}

/// A transparency record was kept in the register.
public struct TransparencyRecorded: Event, Hashable {
    public static let topic = "transparency.recorded"
    public var recordID: String
    public var version: Int
    public var name: String
    /// "v3.0".
    public var standardVersion: String
    /// Whether every required field of the standard was answered.
    public var complete: Bool
    /// The impact assessments in the register it lists and cites.
    public var assessments: [String]

    public init(recordID: String, version: Int, name: String, standardVersion: String, complete: Bool, assessments: [String]) {
        self.recordID = recordID
        self.version = version
        self.name = name
        self.standardVersion = standardVersion
        self.complete = complete
        self.assessments = assessments
    }
}
