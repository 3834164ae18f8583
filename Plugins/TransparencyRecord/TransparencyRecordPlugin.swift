public import EthicsCore

/// Algorithmic transparency record: Build, check and publish an Algorithmic Transparency Recording Standard record of a tool the council uses, with its impact assessments.
///
/// The host creates one instance per run with the settings from `plugins.transparency-record` in the
/// configuration and the world (council, register, clock, terminal) in `context`. Each
/// operation is served as `ethics transparency-record <operation>` on the command line, from an answers
/// file, and as a page in the browser.
public struct TransparencyRecordPlugin: EthicsPlugin {
    /// The plugin's section of the configuration. Unknown keys are reported as errors.
    public struct Settings: Decodable, Sendable {
        /// A heading for the status page; defaults to the plugin's name.
        public var heading: String?
    }

    let settings: Settings

    public init(settings: Settings, context: PluginContext) {
        self.settings = settings
    }

    public static let operations: [PluginOperation<TransparencyRecordPlugin>] = [
        PluginOperation("status", summary: "Show the council and the attributes this plugin works with.") { plugin, _, context in
            plugin.status(of: context.model)
        },
    ]

    /// What the plugin sees of the council: a starting point to replace with real work.
    func status(of model: DataModel) -> Document {
        var document = Document(
            title: settings.heading ?? Self.descriptor.name,
            metadata: [.init("Council", model.council.name), .init("Plugin version", Self.descriptor.version)])
        document.append(.paragraph(Self.descriptor.summary))
        document.append(.heading(level: 2, "Attributes of ethical practice"))
        document.append(.list(.unordered, model.attributes.attributes.map { "\($0.name): \($0.summary)" }))
        return document
    }
}
