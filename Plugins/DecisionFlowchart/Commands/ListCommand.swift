import ArgumentParser
import EthicsCore

/// `ethics decision-flowchart list`: past decisions, and sessions saved to finish later.
struct ListCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the decisions in the register and any saved sessions.")

    @Option(help: ArgumentHelp("Output format: text, markdown, html, json or csv.", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        guard format.content != .graphsOnly else {
            throw ValidationError("the list of decisions has no diagram; use text, markdown, html, json or csv")
        }
    }

    func run(plugin: DecisionFlowchartPlugin, context: PluginContext) async throws {
        let decisions = try await context.register.latestVersions(kind: DecisionFlowchartPlugin.decisionKind).map { version in
            (version: version, content: try? version.decodeBody(as: DecisionRecordContent.self))
        }
        let sessions = SessionStore(workspace: context.workspace).all()
        let page = DecisionListDocument(decisions: decisions, sessions: sessions)
        context.output.write(try context.renderer.render(page.document, as: format))
    }
}
