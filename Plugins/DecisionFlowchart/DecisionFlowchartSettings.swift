public import EthicsCore
import EthicsDiagnostics
public import EthicsYAML

extension DecisionFlowchartPlugin {
    /// The plugin's section of the configuration:
    ///
    /// ```yaml
    /// plugins:
    ///   decision-flowchart:
    ///     flowcharts: [content/flowcharts/ethical-decision.yaml]
    ///     default-flowchart: ethical-decision
    /// ```
    ///
    /// A council adds its own chart with `flowcharts+: [local/our-flow.yaml]`, or replaces the
    /// shipped ones by giving the list.
    public struct Settings: Decodable, Sendable {
        /// The flowchart files, each resolved against the configuration file that lists it.
        public var flowcharts: [ContentPath]
        /// The chart `run` walks without `--flowchart`; the first chart listed when absent.
        public var defaultFlowchart: Located<String>?

        public init(flowcharts: [ContentPath], defaultFlowchart: Located<String>? = nil) {
            self.flowcharts = flowcharts
            self.defaultFlowchart = defaultFlowchart
        }

        private enum CodingKeys: String, CodingKey {
            case flowcharts
            case defaultFlowchart = "default-flowchart"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            flowcharts = try ContentPath.list(in: container, forKey: .flowcharts, keyPath: "plugins.decision-flowchart.flowcharts")
            defaultFlowchart = try container.decodeIfPresent(Located<String>.self, forKey: .defaultFlowchart)
        }
    }
}
