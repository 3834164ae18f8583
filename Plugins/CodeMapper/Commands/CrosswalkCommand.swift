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
        guard source != target else { throw ValidationError("a crosswalk needs two different codes") }
    }

    func run(plugin: CodeMapperPlugin, context: PluginContext) async throws {
        let library = try plugin.library()
        let (from, to) = try Self.codes(source, target, in: library)
        let crosswalk = Crosswalk(from: from, to: to, in: library, limit: limit)
        try await output.write(CrosswalkPage(crosswalk: crosswalk, library: library, limit: limit).document, to: context)
    }

    /// Both codes, or every unknown id reported at once.
    private static func codes(_ source: String, _ target: String, in library: CodeLibrary) throws(DiagnosticError) -> (ProfessionalCode, ProfessionalCode) {
        var problems = DiagnosticCollector()
        let from = problems.collecting { () throws(DiagnosticError) in try library.code(named: source) }
        let to = problems.collecting { () throws(DiagnosticError) in try library.code(named: target) }
        guard let from, let to else { throw DiagnosticError(problems.diagnostics) }
        return (from, to)
    }
}
