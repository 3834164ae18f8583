import EthicsCore
import EthicsDiagnostics
import EthicsHost
import Foundation
import Hummingbird

/// A plugin's operations as pages, from the plugin contract alone: the input form first, then each
/// further form the operation asks, one a page, with Back and "Save and come back later"; the
/// operation's document last. Operations that keep nothing answer GET forms (a search can be
/// bookmarked); operations that write answer POSTed forms, with the session's CSRF token.
extension WebServer {
    func operation(_ context: WebContext) throws -> WebOperation {
        let pluginID = context.parameters.get("plugin") ?? ""
        let name = context.parameters.get("operation") ?? ""
        guard let operation = operations.first(where: { $0.pluginID == pluginID && $0.name == name }) else {
            // Some of a plugin's commands are the command line's alone (a plugin's own list when the
            // register's pages show the same); the home page lists what the browser offers.
            throw HTTPError(.notFound, message: "There is no such page: the browser does not offer '\(pluginID) \(name)'. The home page lists what it does.")
        }
        return operation
    }

    func operationPage(_ request: Request, _ context: WebContext) async throws -> Response {
        let operation = try operation(context)
        guard let account = context.account else { return .redirect(to: "/login", type: .found) }
        let query = FormBody(request.uri.query ?? "")
        if let draftID = query["draft"] {
            guard let draft = try accounts.draft(draftID, of: account.name), draft.operation == "\(operation.pluginID)/\(operation.name)",
                  let data = draft.progress.data(using: .utf8), var progress = try? JSONDecoder().decode(OperationProgress.self, from: data) else {
                throw HTTPError(.notFound, message: "There is no such saved draft.")
            }
            progress.draft = draftID
            let typed = progress.typed
            progress.typed = nil
            return try await advance(
                operation, progress: progress, account: account, context: context, notice: "Carrying on from where you saved.", showing: typed)
        }
        let heading = document(for: operation)
        if !operation.writes {
            // A read: run it when its form is answered, or when it needs no answer (a list whose
            // fields only narrow it is shown whole, with its filters above).
            let asked = operation.input.fields.contains { query.has(WebForm.prefix + $0.id) }
            if !operation.input.fields.contains(where: \.isRequired) || asked {
                let (answers, form) = WebForm.read(operation.input, from: query)
                if !operation.input.fields.isEmpty, !form.errors.isEmpty {
                    return try page(heading, context, status: .badRequest, after: readForm(form, of: operation))
                }
                let (pluginContext, notices) = pluginContext(for: account)
                do {
                    let result = try await operation.run(OperationInput(answers: answers, forms: ReplayForms(steps: [])), pluginContext)
                    let searchForm = operation.input.fields.isEmpty ? "" : readForm(form, of: operation)
                    return try page(result, context, notice: notices().nonEmptyLine, before: searchForm)
                } catch {
                    guard let messages = Self.messages(of: error) else { throw error }
                    var form = form
                    form.generalErrors = messages
                    return try page(heading, context, status: .badRequest, after: readForm(form, of: operation))
                }
            }
            return try page(heading, context, after: readForm(WebForm(form: operation.input), of: operation))
        }
        return try formPage(operation, form: WebForm(form: operation.input), progress: OperationProgress(), account: account, context: context)
    }

    /// The form of an operation that only reads: sent by GET without a CSRF token, since it keeps
    /// nothing, so its answers sit in the address bar and can be bookmarked.
    func readForm(_ form: WebForm, of operation: WebOperation) -> String {
        form.html(action: operation.path, csrf: "", buttons: [.run(operation.name.capitalized)], reads: true)
    }

    func document(for operation: WebOperation, title: String? = nil) -> Document {
        var document = Document(title: title ?? operation.summary, subtitle: operation.pluginName)
        if !operation.discussion.isEmpty, title == nil { document.append(.paragraph(operation.discussion)) }
        return document
    }

    func formPage(
        _ operation: WebOperation, form: WebForm, progress: OperationProgress, account: Account, context: WebContext,
        status: HTTPResponse.Status = .ok, notice: String? = nil, shown: FormAnswers? = nil, before: String = ""
    ) throws -> Response {
        var progress = progress
        progress.shown = shown
        // A run that keeps something is named from its first page, so that the first page sent
        // twice (a refresh after a one-page scan) is known for the same run.
        if operation.writes, progress.run == nil { progress.run = Sessions.randomToken() }
        var buttons: [WebForm.Button] = [.init(action: "continue", label: "Continue")]
        if progress.input != nil { buttons.append(.init(action: "back", label: "Back", secondary: true)) }
        buttons.append(.init(action: "save", label: "Save and come back later", secondary: true))
        let title = progress.input == nil ? operation.summary : form.form.title
        var heading = document(for: operation, title: progress.input == nil ? nil : title)
        if progress.input != nil {
            heading.metadata.append(.init("Step", String(progress.steps.count + 1)))
        }
        var displayed = form
        if progress.input != nil {
            // The form's title is the page's heading; do not repeat it.
            displayed = WebForm(form: Form(id: form.form.id, title: "", help: form.form.help, fields: form.form.fields))
            displayed.typed = form.typed
            displayed.errors = form.errors
            displayed.generalErrors = form.generalErrors
            displayed.itemCounts = form.itemCounts
        }
        let html = displayed.html(action: operation.path, csrf: context.session?.csrf ?? "",
                              hidden: [("progress", seal.seal(progress, for: account.name))], buttons: buttons)
        return try page(heading, context, status: status, notice: notice, before: before, after: html)
    }

    /// Answers as a person reads them, by the form's labels: the other version beside a conflict.
    func answersHTML(_ answers: FormAnswers, of form: Form) -> String {
        var html = "<dl>\n"
        for field in form.fields {
            guard let value = answers[field.id] else { continue }
            var text = value.displayText
            if case .choices(let ids) = value {
                switch field.kind {
                case .choice(let choices), .choices(let choices):
                    text = ids.map { id in choices.first { $0.id == id }?.label ?? id }.joined(separator: ", ")
                default: break
                }
            }
            html += "<dt>\(e(field.label))</dt><dd>\(e(text))</dd>\n"
        }
        return html + "</dl>\n"
    }

    /// Runs the operation with the answers so far: the next form to ask, or its finished document.
    /// `showing` is answers to show on the form asked next when it is theirs: those given before
    /// on a page gone back to, or typed on a page saved to finish later.
    func advance(
        _ operation: WebOperation, progress: OperationProgress, account: Account, context: WebContext, notice: String? = nil,
        showing: OperationProgress.Step? = nil
    ) async throws -> Response {
        var progress = progress
        guard let input = progress.input else {
            var first = WebForm(form: operation.input)
            if let showing, showing.form == operation.input.id { first.show(showing.answers) }
            return try formPage(operation, form: first, progress: progress, account: account, context: context, notice: notice)
        }
        let (pluginContext, notices) = pluginContext(for: account)
        // A run that keeps something finishes once: sent again, it shows what it kept.
        let run = operation.writes ? progress.run : nil
        if let run, !finishedRuns.claim(run) {
            guard let kept = finishedRuns.page(of: run) else {
                throw HTTPError(.conflict, message: "This is being kept already; it is not kept twice.")
            }
            return try page(kept, context, notice: "This was kept already; it is not kept twice. This is what was kept.")
        }
        do {
            let document = try await operation.run(OperationInput(answers: input, forms: ReplayForms(steps: progress.steps)), pluginContext)
            if let run { finishedRuns.finish(run, page: document) }
            if let draft = progress.draft { try accounts.removeDraft(draft, of: account.name) }
            return try page(document, context, notice: notices().nonEmptyLine ?? "Done.")
        } catch let needed as ReplayForms.FormNeeded {
            if let run { finishedRuns.release(run) }
            // Answers past the form now asked belonged to another path (after Back); forget them.
            let later = needed.index < progress.steps.count ? progress.steps[needed.index] : nil
            progress.steps = Array(progress.steps.prefix(needed.index))
            var form = WebForm(form: needed.form)
            let earlier = [later, showing].compactMap { $0 }.first { $0.form == needed.form.id }
            form.show(earlier?.answers ?? needed.current)
            return try formPage(operation, form: form, progress: progress, account: account, context: context, notice: notice, shown: needed.current)
        } catch {
            if let run { finishedRuns.release(run) }
            throw error
        }
    }

    func operationStep(_ request: Request, _ context: WebContext) async throws -> Response {
        let operation = try operation(context)
        guard let account = context.account else { return .redirect(to: "/login", type: .found) }
        let body = context.form
        var progress = OperationProgress()
        if let sealed = body["progress"] {
            // Signed for this person by this server since it started; anything else is refused.
            guard let opened = seal.open(sealed, for: account.name) else {
                throw HTTPError(.badRequest, message: "This page's progress could not be read; start again.")
            }
            progress = opened
        }
        // The form this page showed: the input form, or the one the operation asks next.
        let form: Form
        var current: FormAnswers?
        if progress.input == nil {
            form = operation.input
        } else {
            let (pluginContext, _) = pluginContext(for: account)
            do {
                _ = try await operation.run(OperationInput(answers: progress.input!, forms: ReplayForms(steps: progress.steps)), pluginContext)
                throw HTTPError(.conflict, message: "This operation has already finished; start again.")
            } catch let needed as ReplayForms.FormNeeded {
                progress.steps = Array(progress.steps.prefix(needed.index))
                form = needed.form
                current = needed.current
            }
        }
        let action = body["action"] ?? "continue"
        let (answers, readPage) = WebForm.read(form, from: body)
        var page = readPage

        if action.hasPrefix("add:") {
            let group = String(action.dropFirst(4))
            page.itemCounts[group] = min((page.itemCounts[group] ?? 1) + 1, WebForm.maximumItems)
            page.errors = [:]
            return try formPage(operation, form: page, progress: progress, account: account, context: context, shown: progress.shown)
        }
        switch action {
        case "back":
            // The page gone back to shows the answers it was given.
            if let previous = progress.steps.popLast() {
                return try await advance(operation, progress: progress, account: account, context: context, showing: previous)
            }
            var first = WebForm(form: operation.input)
            if let input = progress.input { first.show(input) }
            progress.input = nil
            return try formPage(operation, form: first, progress: progress, account: account, context: context)
        case "save":
            // Only answers already accepted are kept as answers: resuming (a GET) must never
            // finish the operation, and so never write; the page saved on is asked again, with
            // what was typed on it shown.
            let id = progress.draft ?? Sessions.randomToken().prefix(12).lowercased()
            progress.draft = id
            progress.typed = .init(form: form.id, answers: answers)
            let json = String(decoding: try JSONEncoder().encode(progress), as: UTF8.self)
            let title = progress.input?.text("title").flatMap { $0.isEmpty ? nil : $0 } ?? operation.summary
            try accounts.saveDraft(SavedDraft(
                id: id, owner: account.name, operation: "\(operation.pluginID)/\(operation.name)", title: title, progress: json,
                saved: ISO8601DateFormatter().string(from: Date())))
            var document = Document(title: "Saved", subtitle: operation.pluginName)
            document.append(.paragraph([.text("Your answers so far are saved. Carry on from the home page, under 'Saved to finish later', or here: "),
                                        .link(title, url: "\(operation.path)?draft=\(id)")]))
            return try self.page(document, context, notice: "Saved.")
        default:
            if let shown = progress.shown, let current, shown != current {
                // Someone saved this form's answers since this person opened it: show both
                // versions and save nothing; saving again replaces theirs knowingly.
                let before = "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"conflict-title\" tabindex=\"-1\">\n"
                    + "<h2 id=\"conflict-title\">This changed since you opened it</h2>\n"
                    + "<p>Someone else saved it meanwhile, so nothing of yours was saved yet. Their version, as it is saved now:</p>\n"
                    + answersHTML(current, of: form)
                    + "<p>Your version is in the form below. Save it to replace theirs, or change it first.</p>\n</div>\n"
                page.errors = [:]
                return try formPage(operation, form: page, progress: progress, account: account, context: context, status: .conflict,
                                    shown: current, before: before)
            }
            guard page.errors.isEmpty else {
                return try formPage(operation, form: page, progress: progress, account: account, context: context, status: .badRequest,
                                    shown: progress.shown)
            }
            let answeredInput = progress.input == nil
            if answeredInput {
                progress.input = answers
                progress.run = progress.run ?? Sessions.randomToken()
            } else {
                progress.steps.append(.init(form: form.id, answers: answers))
            }
            do {
                return try await advance(operation, progress: progress, account: account, context: context)
            } catch {
                guard let messages = Self.messages(of: error) else { throw error }
                // The operation refused the answer just given: ask it again, with why.
                if answeredInput { progress.input = nil } else { progress.steps.removeLast() }
                page.generalErrors = messages
                return try formPage(operation, form: page, progress: progress, account: account, context: context, status: .badRequest,
                                    shown: progress.shown)
            }
        }
    }
}

extension String {
    var nonEmptyLine: String? {
        let text = trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
