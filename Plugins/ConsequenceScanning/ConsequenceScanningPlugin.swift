public import EthicsCore

/// Consequence scanning: a team lists what a proposal could lead to, intended or not, good or
/// harmful, and sorts each consequence into act, influence or monitor, with an owner; the scan is
/// kept in the register, linked to the decision it responds to.
///
/// The toolkit's worked example of a plugin: a content file (the guide), operations served on the
/// command line, from an answers file and in the browser, one form driven by every front end, a
/// kind of record, a fact it publishes and a fact it listens to.
public struct ConsequenceScanningPlugin: EthicsPlugin {
    /// The plugin's section of the configuration:
    ///
    /// ```yaml
    /// plugins:
    ///   consequence-scanning:
    ///     guide: content/consequence-scanning/doteveryone.yaml
    /// ```
    public struct Settings: Decodable, Sendable {
        /// The guide the sessions follow.
        public var guide: ContentPath
    }

    let settings: Settings
    let context: PluginContext
    private let guide = LoadOnce<Guide>()

    public init(settings: Settings, context: PluginContext) {
        self.settings = settings
        self.context = context
    }

    public static let operations: [PluginOperation<ConsequenceScanningPlugin>] = [
        PluginOperation(
            "scan", summary: "Run a consequence scan and keep it in the register.",
            discussion: """
                Asks for each consequence in turn: what it is, whether it was intended, whether it is \
                positive or negative, and whether the team acts on it, influences it or monitors it, with \
                an owner. A scan may name the decision it responds to, and is linked to it.
                """,
            input: ScanForm.fields, writes: true
        ) { plugin, input, context in
            try await plugin.scan(input.answers, context: context)
        },
        PluginOperation("list", summary: "List the consequence scans in the register.", formats: [.text, .markdown, .html, .json, .csv] + OutputFormat.papers) { plugin, _, context in
            let scans = try await context.register.latestVersions(kind: scanKind)
            return ScanPages.list(scans.map { ($0, try? $0.decodeBody(as: Scan.self)) })
        },
        PluginOperation(
            "show", summary: "Show a consequence scan from the register.",
            input: [FormField(id: "id", label: "The scan's record id, such as csc-2026-0001", kind: .text)],
            positional: ["id"]
        ) { plugin, input, context in
            try await plugin.page(of: input.answers.text("id") ?? "", context: context)
        },
        PluginOperation("guide", summary: "Show the guide and a worksheet to print for a session.") { plugin, _, _ in
            ScanPages.guide(try plugin.loadGuide())
        },
    ]

    /// A decision that escalates, or proceeds only with mitigations, deserves a look at its
    /// consequences: say so to the person who recorded it.
    public func activate(_ activation: PluginActivation) throws {
        let notices = context.notices
        try activation.listen(to: DecisionRecorded.self) { decision in
            guard ["escalate", "proceed-with-mitigations"].contains(decision.verdict) else { return }
            notices.line("""
                Suggestion: scan the consequences of '\(decision.title)' before it goes further:
                  ethics consequence-scanning scan --decision \(decision.recordID) --title "\(decision.title)"
                """)
        }
    }

    public func page(of record: RecordVersion) -> Document? {
        guard record.kind == Self.scanKind.id, let scan = try? record.decodeBody(as: Scan.self) else { return nil }
        return ScanPages.scan(scan, id: record.id, version: record.version, guide: try? loadGuide())
    }

    public func checkContent() throws(DiagnosticError) {
        _ = try loadGuide()
    }

    func loadGuide() throws(DiagnosticError) -> Guide {
        try guide.value { () throws(DiagnosticError) in
            try ContentPack<Guide>.load([settings.guide], kind: "guide file", holding: "one guide, its 'questions:' and 'prompts:'", check: Guide.problems)[0].file
        }
    }

    /// Keeps a scan: the decision it names must be a decision in the register; the record, its
    /// link and `scan.recorded` are one transaction.
    func scan(_ answers: FormAnswers, context: PluginContext) async throws -> Document {
        let guide = try loadGuide()
        let author = try answers.text("author").flatMap { $0.isEmpty ? nil : $0 }
            ?? context.actingPerson(for: "this scan").name
        let scan = ScanForm.scan(from: answers, author: author, date: context.clock.today(), guide: guide.id)
        if let decision = scan.decision {
            guard let record = try await context.register.fetch(decision) else {
                throw DiagnosticError.error(
                    "the decision the scan is for, '\(decision)', is not a record in the register",
                    suggestion: "list the decisions with 'ethics decision-flowchart list'")
            }
            guard record.kind == "decision" else {
                throw DiagnosticError.error("the decision the scan is for, '\(decision)', is a \(record.kind), not a decision")
            }
        }
        let responses = Set(scan.consequences.map(\.response.rawValue))
        let draft = try RecordDraft(
            kind: Self.scanKind, title: scan.title, author: scan.author, status: "recorded", reviewBy: scan.reviewBy,
            tags: Scan.Response.allCases.map(\.rawValue).filter(responses.contains), content: scan)
        let version = try await context.register.write { write in
            let version = try write.record(draft)
            if let decision = scan.decision {
                try write.link(from: version.id, to: decision, .cites)
            }
            func count(_ response: Scan.Response) -> Int { scan.consequences.filter { $0.response == response }.count }
            try write.publish(ScanRecorded(
                recordID: version.id, title: scan.title, decision: scan.decision,
                act: count(.act), influence: count(.influence), monitor: count(.monitor)))
            return version
        }
        context.notices.line("Kept as \(version.id).")
        return ScanPages.scan(scan, id: version.id, version: version.version, guide: guide)
    }

    func page(of id: String, context: PluginContext) async throws -> Document {
        guard let record = try await context.register.fetch(id) else {
            let known = try await context.register.latestVersions(kind: Self.scanKind).map(\.id)
            throw DiagnosticError.error(
                "there is no consequence scan '\(id)' in the register",
                suggestion: Suggestion.didYouMean(id, among: known) ?? "list them with 'ethics consequence-scanning list'")
        }
        guard record.kind == Self.scanKind.id, let scan = try? record.decodeBody(as: Scan.self) else {
            throw DiagnosticError.error("'\(id)' is a \(record.kind), not a consequence scan", suggestion: "show it with 'ethics records show \(id)'")
        }
        return ScanPages.scan(scan, id: record.id, version: record.version, guide: try? loadGuide())
    }
}
