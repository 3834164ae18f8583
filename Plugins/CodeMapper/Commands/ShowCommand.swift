import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics code-mapper show CODE[.CLAUSE]`
struct ShowCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a code, a section of one, or a single clause with its attributes and links.",
        discussion: "Examples: 'show bcs', 'show bcs.1', 'show bcs.1.a', 'show uksa.T4'.")

    @Argument(help: ArgumentHelp("A code, section or clause id.", valueName: "code[.clause]"))
    var id: String

    @OptionGroup var output: FormatOption

    func run(plugin: CodeMapperPlugin, context: PluginContext) async throws {
        let library = try plugin.library()
        try await output.write(try Self.page(for: id, in: library), to: context)
    }

    /// The page for a code, section or clause id; an id that names none of them is bad input.
    static func page(for id: String, in library: CodeLibrary) throws(DiagnosticError) -> Document {
        if let code = library.code(id) {
            return CodePage(library: library, code: code, section: nil).document
        }
        if let (code, section) = library.section(id) {
            return CodePage(library: library, code: code, section: section).document
        }
        if let clause = library.clause(id), let code = library.code(of: clause) {
            return ClausePage(library: library, code: code, clause: clause).document
        }
        throw .error(
            "no code, section or clause has the id '\(id)'",
            suggestion: Suggestion.didYouMean(id, among: library.allIDs)
                ?? "list the codes with 'ethics code-mapper list'")
    }
}
