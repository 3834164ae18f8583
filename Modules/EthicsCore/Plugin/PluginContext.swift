public import EthicsDiagnostics
public import Logging

/// The world as a plugin sees it, built by the host once per run: the council's data model, the
/// renderer, the register, the clock, the terminal, the environment and the person acting.
///
/// Plugins take all of these from here and never build their own, call `Date()`, read the
/// terminal or the environment, or open a database; so the same plugin runs on the command line,
/// from an answers file, in a browser and in a test, and only the context changes.
public struct PluginContext: Sendable {
    public var model: DataModel
    public var renderer: any DocumentRenderer
    public var logger: Logger
    /// Where decisions, canvases and the rest are kept, versioned and journalled; writes here are
    /// the only way to publish a fact on the bus.
    public var register: Register
    /// Answers to questions other plugins can answer (see ``Capabilities``).
    public var capabilities: Capabilities
    /// Today and now, in the council's time zone.
    public var clock: CouncilClock
    /// The person at the terminal, or nil when standard input or output is not one.
    public var terminal: (any Terminal)?
    /// The process's environment variables.
    public var environment: [String: String]
    /// Who is acting (`--as`, `$ETHICS_AUTHOR`, the login name); nil when nothing names anyone.
    public var actor: Person?
    /// Where plugins keep working files for this council, such as saved sessions (created on first use).
    public var workspace: String
    /// The configuration file the run was started with, for messages that tell users what to edit.
    public var configFile: String
    /// Standard output: results, so they can be piped.
    public var output: OutputSink
    /// Standard error: notes for the person running the command, never part of the results.
    public var notices: OutputSink

    public init(
        model: DataModel, renderer: any DocumentRenderer, logger: Logger, register: Register,
        capabilities: Capabilities = Capabilities(), clock: CouncilClock = .system, terminal: (any Terminal)? = nil,
        environment: [String: String] = [:], actor: Person? = nil, workspace: String, configFile: String,
        output: OutputSink = .standardOutput, notices: OutputSink = .standardError
    ) {
        self.model = model
        self.renderer = renderer
        self.logger = logger
        self.register = register
        self.capabilities = capabilities
        self.clock = clock
        self.terminal = terminal
        self.environment = environment
        self.actor = actor
        self.workspace = workspace
        self.configFile = configFile
        self.output = output
        self.notices = notices
    }

    /// This context as `plugin` receives it: its writes may publish what its manifest declares.
    public func forPlugin(_ plugin: PluginDescriptor) -> PluginContext {
        var context = self
        context.register = register.publishing(as: plugin)
        return context
    }

    /// The person acting, or an error that says how to name one.
    public func actingPerson(for purpose: String = "this record") throws(DiagnosticError) -> Person {
        guard let actor else {
            throw .error(
                "who is accountable for \(purpose)? Nobody is named",
                suggestion: "pass --as NAME (or --author NAME), or set ETHICS_AUTHOR")
        }
        return actor
    }
}
