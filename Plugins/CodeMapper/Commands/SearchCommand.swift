import ArgumentParser
import EthicsCore

/// `ethics code-mapper search TEXT`
struct SearchCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find clauses whose id, title or text mention every word given, ignoring case.")

    @Argument(help: ArgumentHelp("The words to look for.", valueName: "text"))
    var words: [String]

    @OptionGroup var output: FormatOption

    private var query: String { words.joined(separator: " ") }

    func validate() throws {
        guard ClauseSearch(query) != nil else { throw ValidationError("give at least one word to search for") }
    }

    func run(plugin: CodeMapperPlugin, context: PluginContext) async throws {
        let library = try plugin.library()
        let results = ClauseSearch(query)?.results(in: library) ?? []
        try await output.write(SearchPage(query: query, results: results).document, to: context)
    }
}
