public import ArgumentParser
import EthicsDiagnostics
import EthicsYAML

/// The command line's adapter over a plugin's operations: `ethics <plugin> <operation> [options]`.
///
/// Every field of an operation's input form is an option, `--<field> VALUE` (a flag field is
/// `--<field>` alone; a field of several choices may repeat); fields the operation names as
/// positional may be plain words. Fields not given come from `--answers FILE`, or are asked on the
/// terminal, or are reported missing. `--format` and `--output FILE` say how and where the
/// operation's document is written; `--report-number`, `--meeting`, `--meeting-date` and
/// `--paper-author` make it a committee paper. The help is made from the same descriptions.
///
/// A plugin gets this command tree by default; nothing in it is specific to any plugin.
public struct OperationsCommand<Plugin: EthicsPlugin>: PluginCommand {
    public static var configuration: CommandConfiguration {
        .plugin(Plugin.self, discussion: OperationHelp<Plugin>.overview)
    }

    /// The operation's name and its options, read by ``OperationArguments`` rather than by the
    /// argument parser, since the options come from the operation's form.
    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The operation and its options.", valueName: "operation"))
    var words: [String] = []

    public init() {}

    public func run(plugin: Plugin, context: PluginContext) async throws {
        guard let name = words.first, !["-h", "--help", "help"].contains(name) else {
            context.output.write(OperationHelp<Plugin>.usage)
            return
        }
        let operations = Plugin.operations
        let operationNames = operations.map { $0.name }
        if name.hasPrefix("-") {
            // `ethics consequence-scanning --version`, or an operation's option before the
            // operation: said so, rather than answered with the usage as if all were well.
            throw DiagnosticError.error(
                "'\(name)' comes before any operation of \(Plugin.descriptor.id)",
                suggestion: "name the operation first, then its options (\(operationNames.joined(separator: ", ")))"
                    + (name == "--version" ? "; 'ethics --version' shows the toolkit's version" : ""))
        }
        guard let operation = operations.first(where: { $0.name == name }) else {
            throw DiagnosticError.error(
                "'\(name)' is not an operation of \(Plugin.descriptor.id)",
                suggestion: Suggestion.didYouMean(name, among: operationNames)
                    ?? "the operations are: \(operationNames.joined(separator: ", "))")
        }
        let arguments = try OperationArguments(Array(words.dropFirst()), for: operation)
        if arguments.wantsHelp {
            context.output.write(OperationHelp<Plugin>.help(for: operation))
            return
        }
        // `-o` is where the command's report goes; given alone to an operation that writes a file
        // of its own (`transparency-record new -o x.atrs.yaml`), it was surely meant as that file.
        if arguments.output != nil, operation.usesFiles, let file = operation.input.field("file"), arguments.answers[file.id] == nil {
            throw DiagnosticError.error(
                "-o names where the report of '\(operation.name)' goes, not \(file.label.prefix(1).lowercased() + file.label.dropFirst())",
                suggestion: "name that with --file FILE\(operation.positional.first == file.id ? " (or as the first argument)" : ""), and -o as well if the report is wanted in a file")
        }
        let forms = CommandLineForms(
            answersFile: arguments.answersFile, terminal: context.terminal, furtherForms: Set(operation.asks), positional: operation.positional)
        let answers = try forms.complete(operation.input, given: arguments.answers, options: true)
        let delivery = DocumentDelivery(
            format: .chosen(arguments.format, output: arguments.output, supported: operation.formats, otherwise: operation.formats[0]),
            path: arguments.output)
        try delivery.check(output: context.output)
        var document: Document
        var checkFailed = false
        do {
            document = try await operation.run(plugin, OperationInput(answers: answers, forms: forms), context)
        } catch let failure as CheckFailure {
            document = failure.document
            checkFailed = true
        }
        document = try await context.framed(document, as: arguments.paper)
        try delivery.write(document, with: context.renderer, output: context.output, notices: context.notices)
        if checkFailed { throw ExitCode(1) }
    }
}

/// Where the command line's forms get their answers: the answers file when one is given, else
/// the person at the terminal, else nowhere (and the missing answers are reported).
struct CommandLineForms: FormDriver {
    let answersFile: FormAnswersFile?
    let terminal: (any Terminal)?
    /// The keys of the answers file that belong to forms the operation asks as it runs, not to its input.
    var furtherForms: Set<String> = []
    /// The input's fields that may be given as bare words, in order (`link-assessment FILE ID`).
    var positional: [String] = []

    func answers(to form: Form, current: FormAnswers) async throws -> FormAnswers {
        if let answersFile {
            guard let node = answersFile.root[form.id] else {
                throw DiagnosticError.error(
                    "no answers for '\(form.id)' (\(form.title))", file: answersFile.file,
                    suggestion: "add '\(form.id):' with a mapping of its answers")
            }
            return try answersFile.answers(to: form, in: node)
        }
        // A further form is asked on the terminal for every field it has no answer to yet, since
        // its fields may all be optional (a record filled over several sittings).
        let unanswered = form.fields.filter { current[$0.id] == nil }
        if let terminal, !unanswered.isEmpty {
            let rest = Form(id: form.id, title: form.title, help: form.help, fields: unanswered)
            guard case .answered(let asked) = try FormConversation(terminal: terminal).ask(rest, current: current) else { return current }
            return asked
        }
        // With neither an answers file nor a terminal, a form of optional questions would be
        // answered with nothing, and the command would report its work done having asked nothing.
        if !unanswered.isEmpty, !form.fields.contains(where: \.isRequired) {
            throw DiagnosticError.error(
                "'\(form.title)' is answered at a terminal or from an answers file, and there is neither",
                suggestion: "pass --answers FILE with '\(form.id):' mapping its answers, or run it at a terminal")
        }
        return try complete(form, given: current, options: false)
    }

    private static let ordinals = ["first", "second", "third", "fourth", "next"]

    /// `given` completed from the answers file or the terminal; every problem at once.
    /// - Parameter options: whether the given answers came from options, so that the message for
    ///   one left out names its option.
    func complete(_ form: Form, given: FormAnswers, options: Bool) throws(DiagnosticError) -> FormAnswers {
        var answers = given
        let rest = Form(id: form.id, title: form.title, help: form.help, fields: form.fields.filter { given[$0.id] == nil })
        if let answersFile {
            let fromFile = try answersFile.answers(to: rest, ignoring: furtherForms, givenAsOptions: options ? Set(given.values.keys) : [])
            for (id, value) in fromFile.values { answers[id] = value }
        } else if let terminal, !form.missing(in: answers).isEmpty {
            let missing = Form(id: form.id, title: form.title, help: form.help, fields: rest.fields)
            if case .answered(let asked) = try FormConversation(terminal: terminal).ask(missing, current: answers) {
                answers = asked
            }
        }
        let problems = form.missing(in: answers)
        guard problems.isEmpty else {
            throw DiagnosticError(problems.map { problem in
                let field = form.field(problem.field)
                let isList: Bool = if case .repeating? = field?.kind { true } else { false }
                let place = positional.firstIndex(of: problem.field)
                let option = options && field != nil && !isList && place == nil ? "--\(problem.field): " : ""
                let suggestion = isList
                    ? "list them in an answers file (--answers FILE), or run it at a terminal to be asked"
                    : place.map { "give it as the \(Self.ordinals[min($0, Self.ordinals.count - 1)]) argument (or --\(problem.field)), or pass --answers FILE" }
                        ?? "give it as an option, or pass --answers FILE, or run it at a terminal to be asked"
                return Diagnostic.error(option + problem.message, suggestion: answersFile == nil ? suggestion : nil)
            })
        }
        return answers
    }
}
