import Foundation
import EthicsCore
import EthicsRender

/// A form of the plugin contract (``Form``) as the browser shows and submits it: GOV.UK-like
/// fields, each labelled, with its help as a hint, an error summary at the top that links to each
/// field in error, and answers read back through ``FormField/parse(_:)``, so the messages are the
/// command line's own.
///
/// Field names: `f.<id>` for a field; `f.<group>.<n>.<id>` for a field of item n of a repeating
/// group, with `f.<group>.count` saying how many items the page showed.
struct WebForm {
    let form: Form
    /// What the person typed, by field name, to show again beside the errors.
    var typed: [String: [String]] = [:]
    /// Error messages by field name.
    var errors: [String: String] = [:]
    /// Problems not tied to a field the page shows (the operation refused the whole answer).
    var generalErrors: [String] = []
    /// Items shown per repeating group.
    var itemCounts: [String: Int] = [:]

    static let prefix = "f."
    static let maximumItems = 60

    init(form: Form) {
        self.form = form
    }

    /// The answers `body` gives, and every problem with them, in the command line's words.
    static func read(_ form: Form, from body: FormBody) -> (answers: FormAnswers, page: WebForm) {
        var page = WebForm(form: form)
        let answers = read(form.fields, from: body, prefix: prefix, path: "", into: &page)
        for problem in form.missing(in: answers) {
            let name = htmlName(problemField: problem.field)
            if page.errors[name] == nil { page.errors[name] = problem.message }
        }
        return (answers, page)
    }

    private static func read(_ fields: [FormField], from body: FormBody, prefix: String, path: String, into page: inout WebForm) -> FormAnswers {
        var answers = FormAnswers()
        for field in fields {
            let name = prefix + field.id
            switch field.kind {
            case .repeating(let inner, _):
                let count = min(max(Int(body[name + ".count"] ?? "") ?? 1, 0), maximumItems)
                page.itemCounts[name] = count
                var items: [FormAnswers] = []
                for index in 1...max(count, 1) where index <= count {
                    let itemPrefix = "\(name).\(index)."
                    // A blank item (the one left over after "add another") is no item.
                    let blank = inner.allSatisfy { body.all(itemPrefix + $0.id).allSatisfy { $0.allSatisfy(\.isWhitespace) } }
                    if blank { continue }
                    items.append(read(inner, from: body, prefix: itemPrefix, path: "\(path)\(field.id)[\(items.count + 1)].", into: &page))
                }
                if !items.isEmpty { answers[field.id] = .items(items) }
            case .choices:
                let values = body.all(name).filter { !$0.isEmpty }
                page.typed[name] = values
                if values.isEmpty { continue }
                assign(field.parse(values.joined(separator: ",")), to: field, name: name, in: &answers, page: &page)
            default:
                let text = body[name] ?? ""
                page.typed[name] = [text]
                if text.allSatisfy(\.isWhitespace) { continue }
                assign(field.parse(text), to: field, name: name, in: &answers, page: &page)
            }
        }
        return answers
    }

    private static func assign(_ result: Result<FormValue, FormProblem>, to field: FormField, name: String, in answers: inout FormAnswers, page: inout WebForm) {
        switch result {
        case .success(let value): answers[field.id] = value
        case .failure(let problem): page.errors[name] = problem.message
        }
    }

    /// `consequences[2].owner` (as ``Form/missing(in:)`` names it) as the field's name on the page.
    static func htmlName(problemField: String) -> String {
        prefix + problemField.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "].", with: ".")
    }

    /// Shows `answers` (kept from an earlier page) as what was typed.
    mutating func show(_ answers: FormAnswers) {
        show(answers, fields: form.fields, prefix: Self.prefix)
    }

    private mutating func show(_ answers: FormAnswers, fields: [FormField], prefix: String) {
        for field in fields {
            let name = prefix + field.id
            guard let value = answers[field.id] else { continue }
            switch value {
            case .items(let items):
                itemCounts[name] = items.count
                if case .repeating(let inner, _) = field.kind {
                    for (index, item) in items.enumerated() { show(item, fields: inner, prefix: "\(name).\(index + 1).") }
                }
            case .choices(let ids): typed[name] = ids
            case .flag(let flag): typed[name] = [flag ? "yes" : "no"]
            default: typed[name] = [value.displayText]
            }
        }
    }

    // MARK: - HTML

    struct Button {
        /// Sent as the form's `action` field, so a form with several buttons knows which was
        /// pressed; nil for a form's only button, which then sends nothing of its own.
        var action: String?
        var label: String
        var secondary = false

        /// The only button of a form that reads: its URL carries the answers and nothing else.
        static func run(_ label: String) -> Button { Button(action: nil, label: label) }
    }

    /// The form as HTML, posting to `action` with the session's CSRF token and `hidden` fields; or,
    /// for a form that only reads (`reads`), sent by GET without the token, which would otherwise
    /// end up in the address bar and the server's log.
    func html(action: String, csrf: String, hidden: [(String, String)] = [], buttons: [Button], reads: Bool = false) -> String {
        // One element around the summary and the form, so a link to `#form-ID` shows both.
        var html = "<div id=\"form-\(e(form.id))\">\n"
        let allErrors = generalErrors.map { ("", $0) } + orderedErrors()
        if !allErrors.isEmpty {
            html += "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n"
            html += "<h2 id=\"error-summary-title\">There is a problem</h2>\n<ul>\n"
            for (name, message) in allErrors {
                html += name.isEmpty ? "<li>\(e(message))</li>\n" : "<li><a href=\"#\(e(anchor(name)))\">\(e(message))</a></li>\n"
            }
            html += "</ul>\n</div>\n"
        }
        html += "<form class=\"web-form\" method=\"\(reads ? "get" : "post")\" action=\"\(e(action))\" novalidate>\n"
        if !reads { html += "<input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf))\">\n" }
        for (name, value) in hidden {
            html += "<input type=\"hidden\" name=\"\(e(name))\" value=\"\(e(value))\">\n"
        }
        // Enter in a text box sends the form with its first button. A repeating group's "Add
        // another" buttons come before the form's own, so the form's first button is put first
        // too, out of sight and out of the tab order (people reach it where it is shown).
        if let first = buttons.first, form.fields.contains(where: { if case .repeating = $0.kind { true } else { false } }) {
            let sends = first.action.map { " name=\"action\" value=\"\(e($0))\"" } ?? ""
            html += "<button type=\"submit\" class=\"visually-hidden\" tabindex=\"-1\" aria-hidden=\"true\"\(sends)>\(e(first.label))</button>\n"
        }
        if !form.fields.isEmpty && !form.title.isEmpty {
            html += "<h2>\(e(form.title))</h2>\n"
        }
        if !form.fields.isEmpty, let help = form.help { html += paragraphs(help, className: "hint") }
        for field in form.fields { html += self.field(field, prefix: Self.prefix) }
        html += "<div class=\"button-group\">\n"
        for button in buttons {
            let sends = button.action.map { " name=\"action\" value=\"\(e($0))\"" } ?? ""
            html += "<button type=\"submit\" class=\"button\(button.secondary ? " button-secondary" : "")\"\(sends)>\(e(button.label))</button>\n"
        }
        html += "</div>\n</form>\n</div>\n"
        return html
    }

    private func orderedErrors() -> [(String, String)] {
        var names: [String] = []
        func collect(_ fields: [FormField], prefix: String) {
            for field in fields {
                let name = prefix + field.id
                if case .repeating(let inner, _) = field.kind {
                    for index in 0..<max(itemCounts[name] ?? 1, 1) { collect(inner, prefix: "\(name).\(index + 1).") }
                }
                names.append(name)
            }
        }
        collect(form.fields, prefix: Self.prefix)
        var ordered = names.compactMap { name in errors[name].map { (name, $0) } }
        for (name, message) in errors.sorted(by: { $0.key < $1.key }) where !names.contains(name) { ordered.append((name, message)) }
        return ordered
    }

    /// The id of the element an error links to: the input itself, or a choice group's fieldset.
    private func anchor(_ name: String) -> String {
        name
    }

    private func field(_ field: FormField, prefix: String) -> String {
        let name = prefix + field.id
        let error = errors[name]
        let label = field.label + (field.isRequired ? "" : " (optional)")
        var describedBy: [String] = []
        var html = "<div class=\"field\(error == nil ? "" : " field-error")\">\n"
        var hint = ""
        if let help = field.help {
            hint = "<p class=\"hint\" id=\"\(e(name))-hint\">\(e(help))</p>\n"
            describedBy.append(name + "-hint")
        }
        if case .date = field.kind {
            hint += "<p class=\"hint\" id=\"\(e(name))-format\">For example, 2027-03-31</p>\n"
            describedBy.append(name + "-format")
        }
        var errorHTML = ""
        if let error {
            errorHTML = "<p class=\"error-message\" id=\"\(e(name))-error\"><span class=\"visually-hidden\">Error:</span> \(e(error))</p>\n"
            describedBy.append(name + "-error")
        }
        let described = describedBy.isEmpty ? "" : " aria-describedby=\"\(e(describedBy.joined(separator: " ")))\""
        let typed = self.typed[name] ?? []
        switch field.kind {
        case .text, .integer, .date:
            var mode = ""
            if case .integer = field.kind { mode = " inputmode=\"numeric\"" }
            // The input types a phone offers the right keyboard for; the server checks either way.
            var type = "text"
            switch field.format {
            case .email?: (type, mode) = ("email", " autocomplete=\"email\" spellcheck=\"false\"")
            case .url?: (type, mode) = ("url", " spellcheck=\"false\"")
            case .recordID?: mode = " autocapitalize=\"none\" spellcheck=\"false\""
            case nil: break
            }
            html += "<label class=\"label\" for=\"\(e(name))\">\(e(label))</label>\n" + hint + errorHTML
            html += "<input class=\"input\" type=\"\(type)\" id=\"\(e(name))\" name=\"\(e(name))\" value=\"\(e(typed.first ?? ""))\"\(mode)\(described)\(error == nil ? "" : " aria-invalid=\"true\"")>\n"
        case .longText:
            html += "<label class=\"label\" for=\"\(e(name))\">\(e(label))</label>\n" + hint + errorHTML
            html += "<textarea class=\"textarea\" id=\"\(e(name))\" name=\"\(e(name))\" rows=\"5\"\(described)\(error == nil ? "" : " aria-invalid=\"true\"")>\(e(typed.first ?? ""))</textarea>\n"
        case .choice(let choices), .choices(let choices):
            let multiple: Bool = if case .choices = field.kind { true } else { false }
            html += choiceGroup(name: name, legend: label, hint: hint, error: errorHTML, described: described, multiple: multiple,
                                choices: choices.map { (id: $0.id, label: $0.label, help: $0.help) }, typed: typed)
        case .flag:
            html += choiceGroup(name: name, legend: label, hint: hint, error: errorHTML, described: described, multiple: false,
                                choices: [("yes", "Yes", nil), ("no", "No", nil)], typed: typed)
        case .repeating(let inner, let itemLabel):
            let count = max(itemCounts[name] ?? 1, 1)
            html += "<h3 id=\"\(e(name))\">\(e(label))</h3>\n" + hint + errorHTML
            html += "<input type=\"hidden\" name=\"\(e(name)).count\" value=\"\(count)\">\n"
            for index in 1...count {
                html += "<fieldset class=\"fieldset item\">\n<legend>\(e(itemLabel.prefix(1).uppercased() + itemLabel.dropFirst())) \(index)</legend>\n"
                for innerField in inner { html += self.field(innerField, prefix: "\(name).\(index).") }
                html += "</fieldset>\n"
            }
            html += "<button type=\"submit\" class=\"button button-secondary\" name=\"action\" value=\"add:\(e(name))\">Add another \(e(itemLabel))</button>\n"
        }
        html += "</div>\n"
        return html
    }

    private func choiceGroup(
        name: String, legend: String, hint: String, error: String, described: String, multiple: Bool,
        choices: [(id: String, label: String, help: String?)], typed: [String]
    ) -> String {
        var html = "<fieldset class=\"fieldset\" id=\"\(e(name))\"\(described)>\n<legend>\(e(legend))</legend>\n" + hint + error
        for (index, choice) in choices.enumerated() {
            let id = "\(name)-\(index + 1)"
            let checked = typed.contains(choice.id) ? " checked" : ""
            html += "<div class=\"choice\"><input type=\"\(multiple ? "checkbox" : "radio")\" id=\"\(e(id))\" name=\"\(e(name))\" value=\"\(e(choice.id))\"\(checked)"
            if choice.help != nil { html += " aria-describedby=\"\(e(id))-hint\"" }
            html += "> <label for=\"\(e(id))\">\(e(choice.label))</label>"
            if let help = choice.help { html += "<p class=\"hint\" id=\"\(e(id))-hint\">\(e(help))</p>" }
            html += "</div>\n"
        }
        return html + "</fieldset>\n"
    }

    private func paragraphs(_ text: String, className: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { "<p class=\"\(className)\">\(e($0))</p>\n" }.joined()
    }
}

/// Escapes through the renderer's one escaping function.
func e(_ text: some StringProtocol) -> String {
    HTMLText.escaped(text)
}
