import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics code-mapper crosswalk A B`
struct CrosswalkCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosswalk",
        abstract: "Pair each clause of one code with its closest counterparts in another, with the reason.")

    @Argument(help: ArgumentHelp("The code whose clauses are listed.", valueName: "from"))
    var source: String

    @Argument(help: ArgumentHelp("The code to find counterparts in.", valueName: "to"))
    var target: String

    @Option(help: "How many counterparts to show for each clause.")
    var limit = 3

    @OptionGroup var output: FormatOption

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run(plugin: CodeMapperPlugin, context: PluginContext) async throws {
        let library = try plugin.library()
        let (from, to) = try library.crosswalkCodes(from: source, to: target)
        let crosswalk = Crosswalk(from: from, to: to, in: library, limit: limit)
        try await output.write(CrosswalkPage(crosswalk: crosswalk, library: library, limit: limit).document, to: context)
    }
}
