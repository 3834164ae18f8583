public import EthicsCore
public import EthicsDiagnostics
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
        renderer = Renderer(bus: bus)
    }

    /// The council's data model; loads the attribute packs the configuration names.
    public func loadModel() throws(DiagnosticError) -> DataModel {
        let attributes = try AttributeCatalog.load(files: config.attributeFiles.map(\.path), decoder: config.decoder)
        return DataModel(council: config.council, attributes: attributes)
    }

    public func context(model: DataModel) -> PluginContext {
        PluginContext(
            bus: bus, model: model, renderer: renderer, logger: logger,
            workspace: config.workspace, configFile: config.file, output: output)
    }

    /// Creates every enabled plugin with its settings, then lets each subscribe to the bus.
    /// Every plugin's settings are checked before any problem is reported.
    public func startPlugins(context: PluginContext) throws(DiagnosticError) -> [String: any EthicsPlugin] {
        var problems = DiagnosticCollector()
        var started: [String: any EthicsPlugin] = [:]
        for entry in config.plugins where entry.enabled {
            guard let type = registry.plugin(id: entry.id) else { continue }
            if let plugin = problems.collecting({ () throws(DiagnosticError) in try start(type, entry: entry, context: context) }) {
                started[entry.id] = plugin
            }
        }
        try problems.throwIfErrors()
        for entry in config.plugins where entry.enabled {
            guard let plugin = started[entry.id] else { continue }
            do {
                try plugin.activate(on: bus)
            } catch {
                problems.append(.error("plugin '\(entry.id)' could not start listening: \(error)", at: entry.location))
            }
        }
        try problems.throwIfErrors()
        return started
    }

    private func start<P: EthicsPlugin>(_ type: P.Type, entry: PluginEntry, context: PluginContext) throws(DiagnosticError) -> P {
        var decoder = config.decoder
        decoder.keyPathPrefix = ["plugins", entry.id]
        let settings = try decoder.decode(P.Settings.self, from: entry.settings)
        do {
            return try P(settings: settings, context: context)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw .error("plugin '\(entry.id)' could not start: \(error)", at: entry.location)
        }
    }
}
