public import EthicsCore
public import EthicsDiagnostics
import EthicsRecords
import EthicsRender
import EthicsYAML
public import Logging

/// One run of `ethics`: the loaded configuration and the shared services built from it once,
/// then handed to the plugins.
public final class HostSession: Sendable {
    public let config: LoadedConfig
    public let registry: PluginRegistry
    public let logger: Logger
    public let bus: EventBus
    public let renderer: any DocumentRenderer
    public let output: OutputSink
    public let errors: OutputSink
    /// The council's register, opened on first use: by a record write or by the first event
    /// published, which the journal sink appends. A run that does neither creates no database.
    let records: LazyRecordStore

    public init(config: LoadedConfig, registry: PluginRegistry, output: OutputSink, errors: OutputSink) {
        self.config = config
        self.registry = registry
        self.output = output
        self.errors = errors
        var logger = Logger(label: "ethics") { label in
            StreamLogHandler.standardError(label: label)
        }
        logger.logLevel = config.logLevel.loggerLevel
        self.logger = logger
        let busLogger = logger
        bus = EventBus { failure in
            busLogger.error("a listener failed", metadata: [
                "subscriber": .string(failure.subscriber), "topic": .string(failure.topic),
                "error": .string(String(describing: failure.error)),
            ])
        }
        renderer = Renderer(bus: bus, branding: config.branding)
        records = LazyRecordStore(workspace: config.workspace)
        bus.attach(RegisterJournalSink(register: records), name: "register.journal")
    }

    /// The council's data model; loads the attribute packs the configuration names.
    public func loadModel() throws(DiagnosticError) -> DataModel {
        let attributes = try AttributeCatalog.load(files: config.attributeFiles, decoder: config.decoder)
        return DataModel(council: config.council, attributes: attributes)
    }

    public func context(model: DataModel) -> PluginContext {
        PluginContext(
            bus: bus, model: model, renderer: renderer, logger: logger,
            workspace: config.workspace, configFile: config.file, output: output, register: records)
    }

    /// Creates every enabled plugin with its settings, then lets each subscribe to the bus.
    /// Every plugin's settings are checked before any problem is reported. A plugin that fails
    /// to start for a reason other than its input is rethrown as it is: an internal failure.
    public func startPlugins(context: PluginContext) throws -> [String: any EthicsPlugin] {
        var problems = DiagnosticCollector()
        var started: [String: any EthicsPlugin] = [:]
        for entry in config.plugins where entry.enabled {
            guard let type = registry.plugin(id: entry.id) else { continue }
            do {
                started[entry.id] = try start(type, entry: entry, context: context)
            } catch let error as DiagnosticError {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        try problems.throwIfErrors()
        for entry in config.plugins where entry.enabled {
            try started[entry.id]?.activate(on: bus)
        }
        return started
    }

    /// Everything `ethics config check` reports about plugins, all at once: the settings of every
    /// plugin the configuration names (switched on or off, since a council switching one back on
    /// expects them to work), then the content of each enabled plugin whose settings are sound.
    /// `context` is nil when the shared data model could not be loaded; content is not checked then.
    public func checkPlugins(context: PluginContext?) -> [Diagnostic] {
        var problems = DiagnosticCollector()
        for entry in config.plugins {
            guard let type = registry.plugin(id: entry.id) else { continue }
            if let context, entry.enabled {
                do {
                    try start(type, entry: entry, context: context).checkContent()
                } catch let error as DiagnosticError {
                    problems.append(contentsOf: error.diagnostics)
                } catch {
                    problems.append(.error("plugin '\(entry.id)' could not start: \(error)", at: entry.location))
                }
            } else {
                problems.collecting { () throws(DiagnosticError) in _ = try settings(type, entry: entry) }
            }
        }
        return problems.diagnostics
    }

    private func settings<P: EthicsPlugin>(_ type: P.Type, entry: PluginEntry) throws(DiagnosticError) -> P.Settings {
        var decoder = config.decoder
        decoder.keyPathPrefix = ["plugins", entry.id]
        return try decoder.decode(P.Settings.self, from: entry.settings)
    }

    private func start<P: EthicsPlugin>(_ type: P.Type, entry: PluginEntry, context: PluginContext) throws -> P {
        try P(settings: settings(type, entry: entry), context: context)
    }
}
