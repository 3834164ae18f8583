public import ArgumentParser
public import EthicsDiagnostics

/// A toolkit plugin: a set of commands under `ethics <id>`, its settings from the council's
/// configuration, and the events it listens to.
///
/// The host creates one instance per run for each enabled plugin, passing the settings decoded
/// strictly from `plugins.<id>` in the configuration and a context holding the shared services.
/// A plugin never builds its own bus, logger or database, and never imports another plugin.
public protocol EthicsPlugin: Sendable {
    /// The plugin's section of the configuration; unknown keys are errors.
    associatedtype Settings: Decodable & Sendable = NoSettings

    static var descriptor: PluginDescriptor { get }

    /// The root of the plugin's command tree. Its configuration should come from
    /// `CommandConfiguration.plugin(_:)` so its name and abstract match the descriptor.
    static var command: any ParsableCommand.Type { get }

    /// Keep this cheap: load content lazily, since every enabled plugin is created on each run
    /// so that it can listen to the others' events.
    init(settings: Settings, context: PluginContext) throws

    /// Subscribes to the events the plugin listens to. Called once, after every enabled plugin
    /// has been created and before the command runs.
    func activate(on bus: EventBus) throws

    /// Loads and checks all the content the settings name, reporting every problem at once;
    /// `ethics config check` calls it for each enabled plugin.
    func checkContent() throws(DiagnosticError)
}

extension EthicsPlugin {
    /// Plugins that listen to nothing need not say so.
    public func activate(on bus: EventBus) throws {}

    /// Plugins without content files have nothing to check.
    public func checkContent() throws(DiagnosticError) {}
}

extension CommandConfiguration {
    /// The configuration of a plugin's root command: named by the plugin's id, described by its
    /// summary, versioned by its version, so `ethics --help` shows the descriptor's words.
    public static func plugin<P: EthicsPlugin>(
        _ plugin: P.Type, discussion: String = "", subcommands: [any ParsableCommand.Type] = [],
        defaultSubcommand: (any ParsableCommand.Type)? = nil
    ) -> CommandConfiguration {
        CommandConfiguration(
            commandName: P.descriptor.id,
            abstract: P.descriptor.summary,
            discussion: discussion,
            version: P.descriptor.version,
            subcommands: subcommands,
            defaultSubcommand: defaultSubcommand)
    }
}
