import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics glossary show TERM`: one entry in full.
struct ShowCommand: PluginCommand {
    typealias Plugin = GlossaryPlugin

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one entry in full: definition, alternative labels, related entries and sources.")

    @Argument(help: "The entry's id, label or alternative label, in any case.")
    var term: [String] = []

    static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .odt, .docx]
    @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text, lead: "How to write the entry"), valueName: "format"))
    var askedFormat: OutputFormat?
    /// `--format`, else the format the output file's name says, else text.
    var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    func validate() throws {
        guard !term.joined().trimmingBlanks.isEmpty else { throw ValidationError("name the entry to show") }
        try format.require(oneOf: OutputFormat.documentFormats)
    }

    func run(plugin: GlossaryPlugin, context: PluginContext) async throws {
        let glossary = try plugin.glossary()
        let name = term.joined(separator: " ")
        guard let entry = glossary.resolve(name) else {
            let near = glossary.search(name, limit: 3).map { "'\($0.entry.label)' (\($0.entry.id))" }
            throw DiagnosticError.error(
                "the glossary has no entry called '\(name)'",
                suggestion: near.isEmpty ? "try 'ethics glossary search'" : "did you mean \(near.joined(separator: ", or "))?")
        }
        let document = GlossaryDocuments.entry(entry, in: glossary, attributes: context.model.attributes)
        try context.write(document, as: format, to: output)
    }
}
