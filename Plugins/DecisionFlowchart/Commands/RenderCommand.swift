import ArgumentParser
import EthicsCore

/// `ethics decision-flowchart render`: a flowchart as a diagram people can read.
struct RenderCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a flowchart: Mermaid or DOT for the diagram alone; Markdown, HTML or text with each node in words.")

    @Option(help: "The flowchart to draw; the configured default when omitted.")
    var flowchart: String?

    @Option(help: ArgumentHelp("Output format: mermaid, dot, markdown, html, text or json.", valueName: "format"))
    var format: OutputFormat = .mermaid

    func validate() throws {
        guard format != .csv else { throw ValidationError("a flowchart has no table; use mermaid, dot, markdown, html, text or json") }
    }

    func run(plugin: DecisionFlowchartPlugin, context: PluginContext) async throws {
        let chart = try plugin.flowchart(flowchart)
        let page = FlowchartDocument(chart: chart, attributes: context.model.attributes)
        context.output.write(try context.renderer.render(page.document, as: format))
    }
}
