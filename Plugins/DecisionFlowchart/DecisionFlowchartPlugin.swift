public import ArgumentParser
public import EthicsCore
public import EthicsDiagnostics
import EthicsYAML

/// Decision flowchart: walks a proposal through the ethical decision-making flow (recognise the
/// issue, get the facts, weigh the options through the ethical lenses, choose and test, act and
/// reflect) and keeps the decision record in the register.
///
/// Flowcharts are content (`Configs/content/flowcharts/*.yaml`, plus any a council adds), read
/// only when a command needs them, since the host creates every enabled plugin on each run.
public struct DecisionFlowchartPlugin: EthicsPlugin {
    public static var command: any ParsableCommand.Type { DecisionFlowchartCommand.self }

    let settings: Settings
    let context: PluginContext

    public init(settings: Settings, context: PluginContext) throws {
        self.settings = settings
        self.context = context
    }

    var loader: FlowchartLoader { FlowchartLoader(attributes: context.model.attributes) }

    /// The configured charts as read, with their problems (for `validate`).
    func loadConfigured() throws(DiagnosticError) -> FlowchartSet {
        guard !settings.flowcharts.isEmpty else {
            throw .error(
                "no flowchart files are configured for decision-flowchart",
                file: context.configFile,
                suggestion: "list them under 'plugins.decision-flowchart.flowcharts', or extend the default configuration")
        }
        return try loader.load(settings.flowcharts)
    }

    /// The configured charts, every one valid; any problem is bad content (exit status 2).
    func flowcharts() throws(DiagnosticError) -> [Flowchart] {
        try loadConfigured().requireValid()
    }

    /// The chart with id `id`, or the default chart (the setting, else the first configured).
    func flowchart(_ id: String?) throws(DiagnosticError) -> Flowchart {
        let charts = try flowcharts()
        if let id {
            guard let chart = charts.first(where: { $0.id.value == id }) else {
                throw .error(
                    "no flowchart has the id '\(id)'",
                    suggestion: Suggestion.didYouMean(id, among: charts.map(\.id.value))
                        ?? "the flowcharts are: \(charts.map(\.id.value).joined(separator: ", "))")
            }
            return chart
        }
        if let wanted = settings.defaultFlowchart {
            guard let chart = charts.first(where: { $0.id.value == wanted.value }) else {
                throw .error(
                    "default-flowchart names '\(wanted.value)', which no configured flowchart has", at: wanted.location,
                    suggestion: Suggestion.didYouMean(wanted.value, among: charts.map(\.id.value)))
            }
            return chart
        }
        guard let first = charts.first else {
            throw .error("no flowchart is configured", file: context.configFile)
        }
        return first
    }

    /// A decision as its decision record, with the path drawn when its chart is still configured.
    public func page(of record: RecordVersion) -> Document? {
        guard record.kind == Self.decisionKind.id, let content = try? record.decodeBody(as: DecisionRecordContent.self) else {
            return nil
        }
        let chart = (try? flowcharts())?.first {
            $0.id.value == content.flowchart.id && $0.version == content.flowchart.version
        }
        return DecisionDocument(
            id: record.id, version: record.version, content: content, attributes: context.model.attributes, chart: chart,
            standing: record).document
    }

    /// Reads and checks every flowchart, and the default chart's id, for `ethics config check`.
    public func checkContent() throws(DiagnosticError) {
        _ = try flowchart(nil)
    }
}

/// `ethics decision-flowchart`: the plugin's command tree.
struct DecisionFlowchartCommand: ParsableCommand {
    static let configuration = CommandConfiguration.plugin(
        DecisionFlowchartPlugin.self,
        discussion: """
            Walk a proposal with 'run --title TEXT' (interactively on a terminal, or from an answers \
            file with --answers); the decision record is kept in the register. 'list' and 'show ID' \
            give past decisions; 'validate' and 'render' check and draw the flowcharts.
            """,
        subcommands: [RunCommand.self, ListCommand.self, ShowCommand.self, ValidateCommand.self, RenderCommand.self])
}
