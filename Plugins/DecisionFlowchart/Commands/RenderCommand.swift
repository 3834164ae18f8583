import ArgumentParser
import EthicsCore

/// `ethics decision-flowchart render`: a flowchart as a diagram people can read.
struct RenderCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a flowchart: Mermaid or DOT for the diagram alone; Markdown, HTML or text with each node in words.")

    @Option(help: "The flowchart to draw; the configured default when omitted.")
    var flowchart: String?

    static let formats: [OutputFormat] = [.mermaid, .dot, .markdown, .html, .text, .json, .odt, .docx]
    @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .mermaid), valueName: "format"))
    var askedFormat: OutputFormat?
    /// `--format`, else the format the output file's name says, else mermaid.
    var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .mermaid) }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    func validate() throws {
        guard format != .csv else { throw ValidationError("a flowchart has no table; use mermaid, dot, markdown, html, text, json, odt or docx") }
    }

    func run(plugin: DecisionFlowchartPlugin, context: PluginContext) async throws {
        let chart = try plugin.flowchart(flowchart)
        let page = FlowchartDocument(chart: chart, attributes: context.model.attributes)
        try context.write(page.document, as: format, to: output)
    }
}
