public import ArgumentParser
public import EthicsCore

/// Decision flowchart: Walk a proposal through the ethical decision-making flow and keep the decision record
///
/// The host creates one instance per run with the settings from `plugins.decision-flowchart` in the
/// configuration and the shared services in `context`.
public struct DecisionFlowchartPlugin: EthicsPlugin {
    /// The plugin's section of the configuration. Unknown keys are reported as errors.
    public struct Settings: Decodable, Sendable {
        /// A heading for the status page; defaults to the plugin's name.
        public var heading: String?
    }

    public static var command: any ParsableCommand.Type { DecisionFlowchartPluginCommand.self }

    let settings: Settings
    let model: DataModel

    public init(settings: Settings, context: PluginContext) throws {
        self.settings = settings
        model = context.model
    }

    /// What the plugin sees of the council: a starting point to replace with real work.
    func statusDocument() -> Document {
        var document = Document(
            title: settings.heading ?? Self.descriptor.name,
            metadata: [.init("Council", model.council.name), .init("Plugin version", Self.descriptor.version)])
        document.append(.paragraph(Self.descriptor.summary))
        document.append(.heading(level: 2, "Attributes of ethical practice"))
        document.append(.list(.unordered, items: model.attributes.attributes.map { attribute in
            [.paragraph([.strong(attribute.name), .text(": \(attribute.summary)")])]
        }))
        return document
    }
}

/// `ethics decision-flowchart`: the plugin's command tree.
struct DecisionFlowchartPluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration.plugin(DecisionFlowchartPlugin.self, subcommands: [StatusCommand.self])
}
