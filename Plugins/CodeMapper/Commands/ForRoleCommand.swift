import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics code-mapper for ROLE`
struct ForRoleCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "for",
        abstract: "List the codes that apply to a role, such as data-scientist or senior-manager.")

    @Argument(help: ArgumentHelp("A role named in the codes' audiences.", valueName: "role"))
    var role: String

    @OptionGroup var output: FormatOption

    func run(plugin: CodeMapperPlugin, context: PluginContext) async throws {
        let library = try plugin.library()
        let codes = library.codes(forRole: role)
        guard !codes.isEmpty else {
            throw DiagnosticError.error(
                "no code names the role '\(role)' in its audience",
                suggestion: Suggestion.didYouMean(role, among: library.roles)
                    ?? "the roles are: \(library.roles.joined(separator: ", "))")
        }
        try await output.write(RolePage(role: role, codes: codes).document, to: context)
    }
}
