import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics code-mapper gaps CODE [--against ...]`
struct GapsCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Show the attributes and reference clauses that a code leaves uncovered.",
        discussion: """
            Exits with status 1 when there are gaps, so a council can check its own code in a script; \
            the report is written either way.
            """)

    @Argument(help: ArgumentHelp("The code to examine, such as a council's own.", valueName: "code"))
    var code: String

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "The reference codes (space- or comma-separated); every other code by default.", valueName: "code"))
    var against: [String] = []

    @OptionGroup var output: FormatOption

    func run(plugin: CodeMapperPlugin, context: PluginContext) async throws {
        let library = try plugin.library()
        let examined = try library.code(named: code)
        let references = try library.codes(named: against).filter { $0.id != examined.id }
        if !against.isEmpty, references.isEmpty {
            throw DiagnosticError.error(
                "--against names only '\(examined.id)', the code being examined, which has no gaps against itself",
                suggestion: "name other codes, or leave --against out to compare it with every other code")
        }
        let report = GapReport(for: examined, against: references, in: library)
        try await output.write(GapsPage(report: report, library: library).document, to: context)
        if report.hasGaps { throw ExitCode(1) }
    }
}
