/// One thing a plugin does, written once: a name, the questions it needs answered (its input
/// form), and the work, which returns a document or writes through the register and returns the
/// page of what it kept.
///
/// Front ends are adapters over operations: the command line runs `ethics <plugin> <name>`, taking
/// answers from options (`--<field> VALUE`), an answers file or the terminal; the browser shows
/// the same form as a page. Neither needs code of the plugin's own.
///
/// ```swift
/// PluginOperation("show", summary: "Show a consequence scan.", input: [
///     FormField(id: "id", label: "The scan's record id", kind: .text),
/// ], positional: ["id"]) { plugin, input, context in
///     try await plugin.scanPage(id: input.answers.text("id") ?? "")
/// }
/// ```
public struct PluginOperation<Plugin: EthicsPlugin>: Sendable {
    /// What users type after the plugin's id: `show`.
    public var name: String
    /// One line, shown in help and as the page's heading.
    public var summary: String
    /// More about it, shown by `--help`.
    public var discussion: String
    /// The questions it needs answered before it starts.
    public var input: Form
    /// Input fields that may also be given as plain words on the command line, in order.
    public var positional: [String]
    /// Whether it keeps anything (front ends ask for confirmation or a signed-in user for these).
    public var writes: Bool
    /// Whether it reads or writes files the person names (a record file, a JSON file to write).
    /// The command line runs it on the person's own machine; the browser does not offer it, since
    /// nobody in a browser may name files on the server.
    public var usesFiles: Bool
    /// The formats its document makes sense in; the first is the default.
    public var formats: [OutputFormat]
    /// The ids of further forms it asks through its form driver while it runs (``OperationInput/forms``),
    /// whose content is known only then (a standard's fields, loaded from a content pack). An
    /// answers file answers each under its own key beside the operation's own fields.
    public var asks: [String]
    public var run: @Sendable (Plugin, OperationInput, PluginContext) async throws -> Document

    public init(
        _ name: String, summary: String, discussion: String = "", input fields: [FormField] = [],
        positional: [String] = [], writes: Bool = false, usesFiles: Bool = false,
        formats: [OutputFormat] = [.text, .markdown, .html, .json, .odt, .docx], asks: [String] = [],
        run: @escaping @Sendable (Plugin, OperationInput, PluginContext) async throws -> Document
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        input = Form(id: name, title: summary, fields: fields)
        self.positional = positional
        self.writes = writes
        self.usesFiles = usesFiles
        self.formats = formats
        self.asks = asks
        self.run = run
    }
}

/// What an operation is given: the answers to its input form, and a way to ask further forms in
/// whatever way the front end asks (a terminal, an answers file, a browser).
public struct OperationInput: Sendable {
    public var answers: FormAnswers
    public var forms: any FormDriver

    public init(answers: FormAnswers, forms: any FormDriver) {
        self.answers = answers
        self.forms = forms
    }
}

/// How a front end gets a form answered during an operation.
public protocol FormDriver: Sendable {
    /// The answers to `form`, checked against it. Starts from `current` where the front end
    /// shows current answers.
    func answers(to form: Form, current: FormAnswers) async throws -> FormAnswers
}

/// Thrown by an operation whose check ran and found problems (an incomplete record): the front
/// end shows `document`, the report, as it shows any result, and then says the check failed (the
/// command line exits with status 1).
public struct CheckFailure: Error, Sendable {
    public var document: Document

    public init(document: Document) {
        self.document = document
    }
}
