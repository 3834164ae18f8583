import ArgumentParser
import EthicsCore

/// `ethics glossary`: groups the glossary's commands.
struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration.plugin(
        GlossaryPlugin.self,
        discussion: """
            Terms and resources come from the files listed under plugins.glossary.files in the \
            configuration; a council adds its own file there. Every HTML and Markdown document the \
            toolkit writes has the first mention of each term linked to a definition.
            """,
        subcommands: [
            SearchCommand.self, ShowCommand.self, ListCommand.self, ExportCommand.self, LintCommand.self,
        ])
}

extension OutputFormat {
    /// The formats that can carry a whole document, for commands whose output is not a table.
    static let documentFormats: [OutputFormat] = allCases.filter { $0.content == .wholeDocument }

    /// Refuses a format the command cannot write, naming those it can.
    func require(oneOf formats: [OutputFormat]) throws(ValidationError) {
        guard formats.contains(self) else {
            throw ValidationError(
                "this command cannot write \(rawValue); use one of: \(formats.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
