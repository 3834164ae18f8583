import ArgumentParser
import EthicsCore

/// `ethics decision-flowchart list`: past decisions, and sessions saved to finish later.
struct ListCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the decisions in the register and any saved sessions.")

    static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .csv, .odt, .docx]
    @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text), valueName: "format"))
    var askedFormat: OutputFormat?
    /// `--format`, else the format the output file's name says, else text.
    var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    func validate() throws {
        guard format.content != .graphsOnly else {
            throw ValidationError("the list of decisions has no diagram; use text, markdown, html, json, csv, odt or docx")
        }
    }

    func run(plugin: DecisionFlowchartPlugin, context: PluginContext) async throws {
        let decisions = try await context.register.latestVersions(kind: DecisionFlowchartPlugin.decisionKind).map { version in
            (version: version, content: try? version.decodeBody(as: DecisionRecordContent.self))
        }
        let sessions = SessionStore(workspace: context.workspace).all()
        let page = DecisionListDocument(decisions: decisions, sessions: sessions)
        try context.write(page.document, as: format, to: output)
    }
}
