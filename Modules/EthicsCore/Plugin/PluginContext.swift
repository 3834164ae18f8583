public import Logging

/// The shared services the host hands to each plugin: built once per run, never by plugins.
public struct PluginContext: Sendable {
    public var bus: EventBus
    public var model: DataModel
    public var renderer: any DocumentRenderer
    public var logger: Logger
    /// Where plugins keep records and state for this council (created on first use).
    public var workspace: String
    /// The configuration file the run was started with, for messages that tell users what to edit.
    public var configFile: String
    /// Standard output, as a sink, so tests can capture what a command prints.
    public var output: OutputSink
    /// Where decisions, canvases and assessments are kept, versioned and journalled. The host's
    /// register opens its database on first use; the default keeps records in memory (for tests).
    public var register: any RecordRegister

    public init(
        bus: EventBus, model: DataModel, renderer: any DocumentRenderer, logger: Logger,
        workspace: String, configFile: String, output: OutputSink = .standardOutput,
        register: any RecordRegister = InMemoryRecordRegister()
    ) {
        self.bus = bus
        self.model = model
        self.renderer = renderer
        self.logger = logger
        self.workspace = workspace
        self.configFile = configFile
        self.output = output
        self.register = register
    }
}
