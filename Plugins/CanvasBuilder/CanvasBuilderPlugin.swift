public import ArgumentParser
public import EthicsCore

/// Canvas builder: Build, fill, check and render a Data Ethics Canvas and the UK Data Ethics Framework self-assessment
///
/// The host creates one instance per run with the settings from `plugins.canvas-builder` in the
/// configuration and the shared services in `context`.
public struct CanvasBuilderPlugin: EthicsPlugin {
    /// The plugin's section of the configuration. Unknown keys are reported as errors.
    public struct Settings: Decodable, Sendable {
        /// A heading for the status page; defaults to the plugin's name.
        public var heading: String?
    }

    public static var command: any ParsableCommand.Type { CanvasBuilderPluginCommand.self }

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

/// `ethics canvas-builder`: the plugin's command tree.
struct CanvasBuilderPluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration.plugin(CanvasBuilderPlugin.self, subcommands: [StatusCommand.self])
}
