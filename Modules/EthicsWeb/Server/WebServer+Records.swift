import EthicsCore
import EthicsDiagnostics
import EthicsHost
import EthicsRecords
import Foundation
import Hummingbird

/// The register as pages: the list (with search), one record with its history and links, what is
/// due for review; and on a record's page, its review, sign-off and supersession as forms, each
/// kept under the signed-in person. Only an approver holding a sign-off role may sign in it.
extension WebServer {
    static func recordLink(_ id: String) -> Inline {
        .link([.code(id)], url: "/records/" + pathComponent(id))
    }

    /// `id` fit for a URL's path: record ids (`dec-2026-0001`) are kept as they are; anything
    /// else is percent-encoded. The check is by bytes because this runs for every row of a list.
    static func pathComponent(_ id: String) -> String {
        let plain = id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        if plain && id != "." && id != ".." { return id }
        return id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    static func stamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    func recordList(_ request: Request, _ context: WebContext) async throws -> Response {
        let query = FormBody(request.uri.query ?? "")
        let text = query["text"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let kind = query["kind"] ?? ""
        // The register reads one page, not the whole list: a council's register grows for years.
        let pageNumber = max(1, Int(query["page"] ?? "") ?? 1)
        let selection = RecordQuery(kind: kind.isEmpty ? nil : kind, text: text.isEmpty ? nil : text)
        let found = try await session.register.latestVersions(selection, offset: (pageNumber - 1) * Self.recordsPerPage, limit: Self.recordsPerPage)
        let records = found.versions
        let pages = max(1, (found.total + Self.recordsPerPage - 1) / Self.recordsPerPage)
        var document = Document(title: "Records")
        let kinds = session.recordKinds
        let search = """
            <form class="web-form" method="get" action="/records">
            <div class="field"><label class="label" for="text">Search the register</label>
            <p class="hint" id="text-hint">Words in a record's title, author, status, tags or content.</p>
            <input class="input" type="text" id="text" name="text" value="\(e(text))" aria-describedby="text-hint"></div>
            <div class="field"><label class="label" for="kind">Kind of record</label>
            <select class="input" id="kind" name="kind"><option value="">Any kind</option>
            \(kinds.map { "<option value=\"\(e($0.id))\"\($0.id == kind ? " selected" : "")>\(e($0.title))</option>" }.joined())
            </select></div>
            <div class="button-group"><button type="submit" class="button">Search</button></div>
            </form>

            """
        if records.isEmpty, found.total > 0 {
            // Past the last page (an old link, a hand-typed address): say so, and lead to the last.
            document.append(.paragraph([
                .text("There is no page \(pageNumber): the list has \(pages). "),
                .link([.text("Go to page \(pages)")], url: Self.pageURL(pages, text: text, kind: kind)),
            ]))
            return try page(document, context, status: .notFound, before: search)
        } else if records.isEmpty {
            document.append(.paragraph(text.isEmpty && kind.isEmpty ? "The register holds no records yet." : "No records match."))
        } else {
            let shown = pages == 1 ? "" : ", \((pageNumber - 1) * Self.recordsPerPage + 1) to \((pageNumber - 1) * Self.recordsPerPage + records.count) shown"
            document.append(.table(Table(
                caption: [.text("\(found.total) record\(found.total == 1 ? "" : "s"), latest version each\(shown)")],
                header: ["Record", "Kind", "Version", "Title", "Status", "Review by", "Updated"],
                rows: records.map { record in
                    [Table.Cell([Self.recordLink(record.id)]), Table.Cell(stringLiteral: record.kind),
                     Table.Cell(stringLiteral: String(record.version)), Table.Cell(stringLiteral: record.title),
                     Table.Cell(stringLiteral: record.status), Table.Cell(stringLiteral: record.reviewBy?.description ?? ""),
                     Table.Cell(stringLiteral: Self.stamp(record.updated))]
                },
                alignments: [.left, .left, .right], hasRowHeaders: true)))
        }
        if pages > 1 {
            document.append(.paragraph(Self.pageLinks(page: pageNumber, of: pages, text: text, kind: kind)))
        }
        return try page(document, context, before: search)
    }

    /// The address of page `number` of the register list, keeping the search.
    static func pageURL(_ number: Int, text: String, kind: String) -> String {
        var parameters: [String] = []
        if !text.isEmpty { parameters.append("text=" + (text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        if !kind.isEmpty { parameters.append("kind=" + (kind.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        parameters.append("page=\(number)")
        return "/records?" + parameters.joined(separator: "&")
    }

    /// How many records the register list shows on a page.
    static let recordsPerPage = 50

    /// "Page 2 of 5", with links to the pages before and after that keep the search.
    static func pageLinks(page: Int, of pages: Int, text: String, kind: String) -> [Inline] {
        func url(_ number: Int) -> String { pageURL(number, text: text, kind: kind) }
        var inlines: [Inline] = []
        if page > 1 { inlines += [.link([.text("Previous page")], url: url(min(page - 1, pages))), .text(" · ")] }
        inlines.append(.text("Page \(min(page, pages)) of \(pages)"))
        if page < pages { inlines += [.text(" · "), .link([.text("Next page")], url: url(page + 1))] }
        return inlines
    }

    static let dueForm = Form(id: "due", title: "", fields: [
        FormField(id: "within", label: "Days to look ahead", help: "30 when left out; 0 for only those overdue or due today.",
                  kind: .integer(0...3650), isRequired: false),
    ])

    /// The reviews overdue or due within `?f.within=DAYS` (30 by default), as `ethics records due
    /// --within DAYS` lists them.
    func duePage(_ request: Request, _ context: WebContext) async throws -> Response {
        let (answers, form) = WebForm.read(Self.dueForm, from: FormBody(request.uri.query ?? ""))
        func choose(_ form: WebForm) -> String { form.html(action: "/records/due", csrf: "", buttons: [.run("Show")], reads: true) }
        guard form.errors.isEmpty else {
            return try page(Document(title: "Reviews due"), context, status: .badRequest, after: choose(form))
        }
        let days = answers.integer("within") ?? 30
        let today = session.clock.today()
        let cutoff = session.clock.adding(days: days, to: today)
        // The register's own query, as `ethics records due` asks it: in force, soonest first.
        var records: [RecordVersion] = []
        if let store = try session.records.existingStore() { records = try await store.run { try store.due(by: cutoff) } }
        var document = Document(title: "Reviews due", metadata: [
            .init("Today", today.description), .init("Looking ahead", "\(days) day\(days == 1 ? "" : "s"), to \(cutoff)"),
        ])
        if records.isEmpty {
            document.append(.paragraph("No reviews are overdue or due by \(cutoff)."))
        } else {
            document.append(.table(Table(
                caption: [.text("Records to review by \(cutoff), soonest first")],
                header: ["Record", "Kind", "Title", "Review by", "Status"],
                rows: records.map { record in
                    [Table.Cell([Self.recordLink(record.id)]), Table.Cell(stringLiteral: record.kind),
                     Table.Cell(stringLiteral: record.title), Table.Cell(stringLiteral: record.reviewBy?.description ?? ""),
                     Table.Cell(stringLiteral: record.status)]
                },
                hasRowHeaders: true)))
            document.append(.paragraph("Open a record to record its review."))
        }
        var shown = form
        if answers.integer("within") == nil { shown.show(FormAnswers(["within": .integer(days)])) }
        return try page(document, context, after: choose(shown))
    }

    func record(_ context: WebContext) async throws -> RecordVersion {
        let id = context.parameters.get("id") ?? ""
        guard let record = try await session.register.fetch(id) else {
            throw HTTPError(.notFound, message: "There is no record '\(id)' in the register.")
        }
        return record
    }

    /// A record's page: its latest version with the steps that may be taken on it, or (with
    /// `?version=N`, linked from its history) an earlier version as it was kept, to read only.
    func recordPage(_ request: Request, _ context: WebContext, notice: String? = nil, problems: [String: [String]] = [:],
                    typedPaper: FormBody? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let latest = try await record(context)
        let history = try await session.register.history(of: latest.id)
        var record = latest
        var notice = notice
        if request.method == .get, let asked = FormBody(request.uri.query ?? "")["version"] {
            guard let number = Int(asked), let kept = history.first(where: { $0.version == number }) else {
                throw HTTPError(.notFound, message: "\(latest.id) has no version '\(asked)': it has versions 1 to \(latest.version).")
            }
            record = kept
            if kept.version != latest.version {
                notice = "This is version \(kept.version) of \(latest.id), as it was kept. The latest is version \(latest.version)."
            }
        }
        let isLatest = record.version == latest.version
        var document = try await recordDocument(
            record, history: Array(history.prefix { $0.version <= record.version }), latestVersion: latest.version)
        document.append(.paragraph(isLatest
            ? [.link("Every version of \(record.id)", url: "/records/\(record.id)/history")]
            : [.link("The latest version", url: "/records/\(record.id)"), " · ", .link("Every version", url: "/records/\(record.id)/history")]))
        let forms = isLatest
            ? lifecycleForms(record, history: history, context, problems: problems) + paperForm(record, problems: problems, typed: typedPaper)
            : ""
        return try self.page(document, context, status: status, notice: notice, after: forms)
    }

    /// A record as `ethics records show` shows it: its page by the plugin that keeps its kind,
    /// its links with their titles, and its `history` (every version of it).
    func recordDocument(_ record: RecordVersion, history: [RecordVersion], latestVersion: Int? = nil) async throws -> Document {
        let register = session.register
        let links = try await register.links(of: record.id)
        var titles: [String: String] = [:]
        for link in links {
            for other in [link.from, link.to] where other != record.id { titles[other] = try await register.fetch(other)?.title }
        }
        let page = plugins.values.first { type(of: $0).descriptor.recordKinds.contains { $0.id == record.kind } }?.page(of: record)
        return RecordsDocument.record(
            record, latestVersion: latestVersion ?? record.version, links: links, history: history, titles: titles, page: page)
    }

    // MARK: - Committee paper

    /// The committee paper's details, as `--report-number`, `--meeting`, `--meeting-date` and
    /// `--paper-author` give them on the command line; each left empty comes from the council's
    /// configuration.
    static let paperForm = Form(
        id: "paper", title: "Download as a committee paper",
        help: "The record with a sign-off table from the register, as a Word (DOCX) or OpenDocument (ODT) file. Details left empty come from the council's settings.",
        fields: [
            FormField(id: CommitteePaperOption.reportNumber.rawValue, label: "Report number", kind: .text, isRequired: false),
            FormField(id: CommitteePaperOption.meeting.rawValue, label: "Meeting", kind: .text, isRequired: false),
            FormField(id: CommitteePaperOption.meetingDate.rawValue, label: "Meeting date", kind: .date, isRequired: false),
            FormField(id: CommitteePaperOption.author.rawValue, label: "Report author", kind: .text, isRequired: false),
        ])

    func paperForm(_ record: RecordVersion, problems: [String: [String]], typed: FormBody?) -> String {
        var web = WebForm(form: Self.paperForm)
        if let messages = problems[Self.paperForm.id], let typed {
            web = WebForm.read(Self.paperForm, from: typed).page
            web.generalErrors = messages.filter { message in !web.errors.values.contains(message) }
        }
        // The form's own anchor in the action: a problem found comes back on the page scrolled to
        // the form, where the person pressed the button (a download leaves the page where it is).
        return web.html(action: "/records/\(record.id)/paper#form-\(Self.paperForm.id)", csrf: "", buttons: [
            .init(action: OutputFormat.docx.rawValue, label: "Download as Word (DOCX)"),
            .init(action: OutputFormat.odt.rawValue, label: "Download as OpenDocument (ODT)", secondary: true),
        ], reads: true)
    }

    /// The record as a committee paper to download: the details asked, completed from the
    /// council's configuration, and the sign-offs the register keeps up to this version. Reads only.
    func paper(_ request: Request, _ context: WebContext) async throws -> Response {
        let record = try await record(context)
        let query = FormBody(request.uri.query ?? "")
        guard let format = OutputFormat(rawValue: query["action"] ?? ""), OutputFormat.papers.contains(format) else {
            throw HTTPError(.badRequest, message: "A committee paper is downloaded as docx or odt, not '\(query["action"] ?? "")'.")
        }
        let (answers, read) = WebForm.read(Self.paperForm, from: query)
        guard read.errors.isEmpty else {
            return try await recordPage(request, context, problems: [Self.paperForm.id: Array(read.errors.values)], typedPaper: query, status: .badRequest)
        }
        var asked = CommitteePaper()
        for option in CommitteePaperOption.allCases {
            let value = option == .meetingDate ? answers.date(option.rawValue)?.description : answers.text(option.rawValue)
            if let value, !value.isEmpty { try option.set(value, in: &asked) }
        }
        let history = try await session.register.history(of: record.id)
        var document = try await recordDocument(record, history: history)
        document.paper = asked.completed(by: session.config.committeePaper, history: history, through: record.version, clock: session.clock)
        if let store = try session.records.existingStore() {
            document.paper?.registerHead = try await store.run { try store.head()?.description }
        }
        let bytes = try session.renderer.renderBytes(document, as: format)
        return Response(
            status: .ok,
            headers: [.contentType: format.mediaType, .contentDisposition: "attachment; filename=\"\(record.id).\(format.fileExtension)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    func historyPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let record = try await record(context)
        let versions = try await session.register.history(of: record.id)
        let document = Document(
            title: "History of \(record.id)", subtitle: record.title,
            blocks: [.table(Table(
                caption: [.text("\(versions.count) version\(versions.count == 1 ? "" : "s") of \(record.id)")],
                header: ["Version", "Kept", "Author", "Status", "Review by", "Step", "Title"],
                rows: versions.map { version in
                    [Table.Cell([.link(String(version.version), url: "/records/\(record.id)?version=\(version.version)")]),
                     Table.Cell(stringLiteral: Self.stamp(version.updated)),
                     Table.Cell(stringLiteral: version.author), Table.Cell(stringLiteral: version.status),
                     Table.Cell(stringLiteral: version.reviewBy?.description ?? ""),
                     Table.Cell(stringLiteral: version.step.map { step in
                         [step.action.rawValue, step.by, step.role, step.outcome].compactMap { $0 }.joined(separator: ", ")
                     } ?? ""),
                     Table.Cell(stringLiteral: version.title)]
                },
                alignments: [.right], hasRowHeaders: true)),
                     .paragraph([.link("Back to \(record.id)", url: "/records/\(record.id)")])])
        return try page(document, context)
    }

    // MARK: - Lifecycle

    static let reviewForm = Form(id: "review", title: "Record a review", fields: [
        FormField(id: "outcome", label: "What the review found", kind: .choice([
            FormChoice(id: "no-change", label: "No change needed"), FormChoice(id: "update-needed", label: "An update is needed"),
            FormChoice(id: "escalate", label: "Escalate"),
        ])),
        FormField(id: "note", label: "What was looked at and why this outcome", kind: .longText),
        FormField(id: "next-review", label: "When to review it next", help: "When left out: 12 months from today after no change, a month after the others, so the record stays in sight until the work is done.", kind: .date, isRequired: false),
    ])

    func approveForm(roles: [String]) -> Form {
        Form(id: "approve", title: "Sign off", fields: [
            FormField(id: "role", label: "The role you sign in", kind: .choice(roles.map { FormChoice(id: $0, label: $0) })),
            FormField(id: "approve-note", label: "Anything the sign-off depends on", kind: .text, isRequired: false),
        ])
    }

    static let supersedeForm = Form(id: "supersede", title: "Mark as replaced by a newer record", fields: [
        FormField(id: "by", label: "The record that replaces it", help: "Its id, such as dec-2026-0002.", kind: .text),
        FormField(id: "supersede-note", label: "Why it is replaced", kind: .text, isRequired: false),
    ])

    func lifecycleForms(
        _ record: RecordVersion, history: [RecordVersion], _ context: WebContext, problems: [String: [String]], typed: FormBody? = nil
    ) -> String {
        guard let account = context.account, !LifecycleStep.finalStatuses.contains(record.status) else {
            // No step is offered any more (superseded, withdrawn): a refused one still says why.
            return problems.isEmpty ? "" : Self.errorSummary(problems.values.flatMap { $0 })
        }
        let csrf = context.session?.csrf ?? ""
        func render(_ form: Form, _ label: String) -> String {
            var web = WebForm(form: form)
            if let messages = problems[form.id] {
                let read = WebForm.read(form, from: typed ?? context.form)
                web = read.page
                web.generalErrors = messages.filter { message in !read.page.errors.values.contains(message) }
            }
            // The version the person saw: a step sent again (a refresh, Back then send) or from a
            // page left open while someone else took one is refused rather than kept twice.
            return web.html(action: "/records/\(record.id)/\(form.id)", csrf: csrf, hidden: [("version", String(record.version))],
                            buttons: [.init(action: form.id, label: label)])
        }
        var html = render(Self.reviewForm, "Record the review")
        // Each role the person holds that has not signed this content yet; a role already signed
        // is not offered again, though other roles still may sign.
        let roles = account.mayApprove(in: session.config.signOffRoles).filter { LifecycleStep.signOff(as: $0, in: history) == nil }
        if !roles.isEmpty {
            html += render(approveForm(roles: roles), "Sign off")
        } else if let messages = problems["approve"] {
            // The sign-off was refused and no role is left to offer: say why all the same.
            html += Self.errorSummary(messages)
        }
        html += render(Self.supersedeForm, "Mark as replaced")
        return html
    }

    func lifecycleStep(_ request: Request, _ context: WebContext) async throws -> Response {
        guard let account = context.account else { return .redirect(to: "/login", type: .found) }
        let record = try await record(context)
        let step = context.parameters.get("step") ?? ""
        let form: Form
        switch step {
        case "review": form = Self.reviewForm
        case "approve":
            let roles = account.mayApprove(in: session.config.signOffRoles)
            // Asked by role: only an approver holding the role may sign in it.
            let asked = context.form[WebForm.prefix + "role"] ?? ""
            if asked.isEmpty, !roles.isEmpty {
                return try await recordPage(request, context, problems: ["approve": ["Choose the role you sign off in."]], status: .badRequest)
            }
            guard roles.contains(asked) else {
                throw HTTPError(.forbidden, message: roles.isEmpty
                    ? "\(account.name) holds no sign-off role, so cannot sign records off."
                    : "\(account.name) may not sign off as '\(asked)'; their roles are: \(roles.joined(separator: "; ")).")
            }
            form = approveForm(roles: roles)
        case "supersede": form = Self.supersedeForm
        default: throw HTTPError(.notFound, message: "There is no such step.")
        }
        // The version the page was opened at: a number from 1 up to the record's; anything else
        // is a form the page never sent, not a record that changed meanwhile.
        guard let opened = context.form["version"].flatMap({ Int($0) }), (1...record.version).contains(opened) else {
            throw HTTPError(.badRequest, message: "The form does not say which version of \(record.id) it was opened at; open the record again and take the step from its page.")
        }
        guard opened == record.version else {
            return try await recordPage(request, context, problems: [form.id: [
                "\(record.id) has changed since this page was opened (it is at version \(record.version) now), so nothing was kept. "
                    + "Look at it again below, then take the step if it is still needed.",
            ]], status: .conflict)
        }
        let (answers, page) = WebForm.read(form, from: context.form)
        guard page.errors.isEmpty else {
            return try await recordPage(request, context, problems: [form.id: Array(page.errors.values)], status: .badRequest)
        }
        do {
            let version = try await keep(step, answers: answers, of: record, by: account)
            var notice: String
            switch step {
            case "review": notice = "Review recorded (version \(version.version)); next review \(version.reviewBy?.description ?? "not set")."
            case "approve": notice = "Signed off as \(answers.choice("role") ?? "") (version \(version.version))."
            default: notice = "Marked as replaced by \(answers.text("by") ?? "") (version \(version.version))."
            }
            return try await recordPage(request, context, notice: notice)
        } catch {
            guard let messages = Self.messages(of: error) else { throw error }
            return try await recordPage(request, context, problems: [form.id: messages], status: .badRequest)
        }
    }

    /// Keeps the step as the next version of the record, under the signed-in person, in one
    /// transaction with its fact, exactly as `ethics records review|approve|supersede` do.
    func keep(_ step: String, answers: FormAnswers, of record: RecordVersion, by account: Account) async throws -> RecordVersion {
        let store = try session.records.store()
        let name = account.name
        let id = record.id
        switch step {
        case "review":
            let outcome = answers.choice("outcome") ?? ""
            let next = try LifecycleStep.nextReview(
                outcome: outcome, asked: answers.date("next-review"), field: "'When to review it next'", clock: session.clock)
            let lifecycle = LifecycleStep(action: .review, by: name, note: answers.text("note"), outcome: outcome)
            return try await store.run {
                try store.keep(lifecycle, of: id, reviewBy: .some(next)) { version in
                    RecordReviewed(recordID: version.id, version: version.version, by: name, outcome: outcome, nextReview: next)
                }
            }
        case "approve":
            let role = answers.choice("role") ?? ""
            try LifecycleStep.checkNotSigned(role: role, of: id, history: try await store.run { try store.history(of: id) })
            let lifecycle = LifecycleStep(action: .approve, by: name, role: role, note: answers.text("approve-note").flatMap { $0.isEmpty ? nil : $0 })
            return try await store.run {
                try store.keep(lifecycle, of: id) { version in
                    RecordApproved(recordID: version.id, version: version.version, by: name, role: role)
                }
            }
        default:
            let by = answers.text("by") ?? ""
            let replacement = try await store.run({ try store.fetch(by) })
            try LifecycleStep.checkReplacement(replacement, named: by, for: id, kind: record.kind, option: "'The record that replaces it'")
            let lifecycle = LifecycleStep(action: .supersede, by: name, note: answers.text("supersede-note").flatMap { $0.isEmpty ? nil : $0 }, replacedBy: by)
            return try await store.run {
                try store.keep(lifecycle, of: id, link: RecordLink(from: by, to: id, relation: .supersedes)) { version in
                    RecordSuperseded(recordID: version.id, version: version.version, by: name, replacedBy: by)
                }
            }
        }
    }
}
