import ArgumentParser
import EthicsCore

/// `ethics glossary search QUERY`: entries for what the user typed, best first.
struct SearchCommand: PluginCommand {
    typealias Plugin = GlossaryPlugin

    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find entries by label, alternative label, a near spelling, or words in their definitions.",
        discussion: """
            Results are ranked: the exact label or id first, then labels that start with the query, \
            alternative labels, labels within a typing mistake or two, and last entries whose \
            definition mentions every word of the query.
            """)

    @Argument(help: "What to look for; several words are searched as one phrase.")
    var query: [String] = []

    @Option(help: "The most results to show.")
    var limit = 10

    static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .odt, .docx]
    @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text, lead: "How to write the results"), valueName: "format"))
    var askedFormat: OutputFormat?
    /// `--format`, else the format the output file's name says, else text.
    var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    func validate() throws {
        guard !query.joined().trimmingBlanks.isEmpty else { throw ValidationError("give something to search for") }
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        try format.require(oneOf: OutputFormat.documentFormats)
    }

    func run(plugin: GlossaryPlugin, context: PluginContext) async throws {
        let text = query.joined(separator: " ")
        let hits = try plugin.glossary().search(text, limit: limit)
        let document = GlossaryDocuments.searchResults(for: text, hits: hits)
        try context.write(document, as: format, to: output)
    }
}
