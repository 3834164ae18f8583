public import ArgumentParser
public import EthicsDiagnostics

/// A toolkit plugin: what it is (its descriptor, generated from `plugin.yaml`), its settings from
/// the council's configuration, the operations it offers, and what it connects to.
///
/// The host creates one instance per run for each enabled plugin, passing the settings decoded
/// strictly from `plugins.<id>` and a context holding the world (``PluginContext``). A plugin never
/// builds its own bus, logger, clock or database, and never imports another plugin.
///
/// The smallest plugin is a descriptor, an initialiser and one operation:
///
/// ```swift
/// public struct HelloPlugin: EthicsPlugin {
///     public init(settings: NoSettings, context: PluginContext) {}
///
///     public static let operations: [PluginOperation<HelloPlugin>] = [
///         PluginOperation("status", summary: "Say hello.") { _, _, context in
///             Document(title: "Hello from \(context.model.council.name)")
///         },
///     ]
/// }
/// ```
public protocol EthicsPlugin: Sendable {
    /// The plugin's section of the configuration; unknown keys are errors.
    associatedtype Settings: Decodable & Sendable = NoSettings

    static var descriptor: PluginDescriptor { get }

    /// What the plugin does, each written once: the command line runs them as
    /// `ethics <id> <operation>`, from options or an answers file, and the browser as pages.
    static var operations: [PluginOperation<Self>] { get }

    /// A hand-written command tree for `ethics <id>`, for plugins whose commands predate
    /// operations. By default the tree is made from ``operations``.
    static var command: any ParsableCommand.Type { get }

    /// Keep this cheap: load content lazily, since every enabled plugin is created on each run.
    init(settings: Settings, context: PluginContext) throws

    /// Connects the plugin to facts, document hooks and capabilities. Called once, after every
    /// enabled plugin has been created and before the command runs.
    func activate(_ activation: PluginActivation) throws

    /// Loads and checks all the content the settings name, reporting every problem at once;
    /// `ethics config check` calls it for each enabled plugin.
    func checkContent() throws(DiagnosticError)

    /// One of this plugin's records as people read it (a decision as its decision record, a
    /// canvas as its canvas), for `records show` and the register's exports; nil for a record it
    /// does not know how to show, which is then shown as its raw content.
    func page(of record: RecordVersion) -> Document?
}

extension EthicsPlugin {
    public static var operations: [PluginOperation<Self>] { [] }

    public static var command: any ParsableCommand.Type { OperationsCommand<Self>.self }

    /// Plugins that connect to nothing need not say so.
    public func activate(_ activation: PluginActivation) throws {}

    /// Plugins without content files have nothing to check.
    public func checkContent() throws(DiagnosticError) {}

    /// Plugins that keep no records have no pages for them.
    public func page(of record: RecordVersion) -> Document? { nil }
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
            // No `version:`: the parser would offer `--version` on every command of the plugin,
            // beside a command's own (`decision-flowchart show --version N`); `ethics plugins`
            // lists each plugin's version.
            subcommands: subcommands,
            defaultSubcommand: defaultSubcommand)
    }
}
