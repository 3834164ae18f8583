import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics glossary lint`: editorial problems in the glossary's content, one per line, in the
/// `file:line:column: warning: ...` form editors and CI annotate; exit status 1 when any.
struct LintCommand: PluginCommand {
    typealias Plugin = GlossaryPlugin

    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the glossary for dangling see-also links, labels used twice and terms without a source.",
        discussion: "Exits with status 1 when it finds a problem, so it can guard a council's content in CI.")

    func run(plugin: GlossaryPlugin, context: PluginContext) async throws {
        let glossary = try plugin.glossary()
        let findings = GlossaryLinter(glossary: glossary).findings()
        for finding in findings {
            context.output.line(finding.description)
        }
        let entries = glossary.entries.count
        let files = glossary.packs.count
        let summary = "\(entries) \(entries == 1 ? "entry" : "entries") in \(files) \(files == 1 ? "file" : "files")"
        guard findings.isEmpty else {
            context.output.line("\(summary): \(findings.count) \(findings.count == 1 ? "problem" : "problems")")
            throw ExitCode(1)
        }
        context.output.line("\(summary): no problems")
    }
}
