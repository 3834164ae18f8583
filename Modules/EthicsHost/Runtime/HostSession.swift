public import EthicsCore
public import EthicsDiagnostics
public import EthicsRecords
import EthicsRecordsPostgres
import EthicsRender
import EthicsYAML
import Foundation
import Glibc
public import Logging

/// One run of `ethics`: the loaded configuration and the shared services built from it once,
/// then handed to the plugins.
public final class HostSession: Sendable {
    public let config: LoadedConfig
    public let registry: PluginRegistry
    public let logger: Logger
    public let bus: EventBus
    public let hooks: DocumentHooks
    public let capabilities: Capabilities
    public let renderer: any DocumentRenderer
    public let output: OutputSink
    public let errors: OutputSink
    public let environment: [String: String]
    /// The person named by `--as`, taken off the command line before parsing.
    public let actingAs: String?
    /// The council's register, opened on first use and created only by a write.
    public let records: LazyRecordStore

    public init(
        config: LoadedConfig, registry: PluginRegistry, output: OutputSink, errors: OutputSink,
        environment: [String: String] = [:], actingAs: String? = nil
    ) {
        self.config = config
        self.registry = registry
        self.output = output
        self.errors = errors
        self.environment = environment
        self.actingAs = actingAs
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
        hooks = DocumentHooks()
        capabilities = Capabilities()
        renderer = Renderer(hooks: hooks, branding: config.branding) { hook, error in
            busLogger.warning("a document hook failed; the document is written without it", metadata: [
                "hook": .string(hook.name), "error": .string(String(describing: error)),
            ])
        }
        switch config.register {
        case .sqlite:
            records = LazyRecordStore(workspace: config.workspace)
        case .postgres(let url):
            records = LazyRecordStore(location: url.description) { try PostgresRecordStore(url: url) }
        }
    }

    /// The register as the host's own commands use it: writes publish nothing a plugin declares.
    public var register: Register {
        Register(engine: records, bus: bus)
    }

    /// Every kind of record the compiled-in plugins keep, switched on or not: a register may hold
    /// records of a plugin the council has since switched off.
    public var recordKinds: [RecordKind] {
        registry.plugins.flatMap { $0.descriptor.recordKinds }
    }

    /// The council's data model; loads the attribute packs the configuration names.
    public func loadModel() throws(DiagnosticError) -> DataModel {
        let attributes = try AttributeCatalog.load(files: config.attributeFiles, decoder: config.decoder)
        return DataModel(council: config.council, attributes: attributes, paperDefaults: config.committeePaper)
    }

    /// The council's clock: the real time, in its time zone.
    public var clock: CouncilClock {
        let zone = config.council.timeZone.flatMap(TimeZone.init(identifier:)) ?? CouncilClock.defaultTimeZone
        return CouncilClock(timeZone: zone)
    }

    public func context(model: DataModel) -> PluginContext {
        let interactive = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        return PluginContext(
            model: model, renderer: renderer, logger: logger, register: register, capabilities: capabilities,
            clock: clock, terminal: interactive ? StandardTerminal() : nil, environment: environment,
            actor: actor,
            workspace: config.workspace, configFile: config.file, output: output, notices: errors)
    }

    /// Who is acting: `--as`, then `$ETHICS_AUTHOR`, then the login name.
    public var actor: Person? {
        Person.resolve(explicit: actingAs, environment: environment) ?? Self.loginPerson()
    }

    /// The account the process runs as, when the environment names nobody (a scheduled job).
    private static func loginPerson() -> Person? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        let login = String(cString: name)
        return login.isEmpty ? nil : Person(name: login, source: "login name")
    }

    /// Creates every enabled plugin with its settings, then activates each: its listeners, hooks
    /// and capabilities. Every plugin's settings are checked before any problem is reported. A
    /// plugin that fails to start for a reason other than its input is rethrown as it is: an
    /// internal failure.
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
            guard let plugin = started[entry.id] else { continue }
            try plugin.activate(PluginActivation(
                plugin: type(of: plugin).descriptor, bus: bus, hooks: hooks, capabilities: capabilities))
        }
        return started
    }

    /// Everything `ethics config check` reports about plugins, all at once: the settings of every
    /// plugin the configuration names (switched on or off, since a council switching one back on
    /// expects them to work), then the content of each enabled plugin whose settings are sound.
    /// `context` is nil when the shared data model could not be loaded; content is not checked then.
    ///
    /// The plugins are checked side by side, each started on its own (not activated: no bus, no
    /// capabilities) and reading its own files, and their problems are gathered by plugin, so the
    /// report is the same whichever finishes first. The reads block a thread of the cooperative
    /// pool, which a one-off command can afford; the server never calls this.
    public func checkPlugins(context: PluginContext?) async -> [Diagnostic] {
        let entries = config.plugins
        var found = [[Diagnostic]](repeating: [], count: entries.count)
        await withTaskGroup(of: (Int, [Diagnostic]).self) { group in
            for (index, entry) in entries.enumerated() {
                group.addTask { (index, self.check(entry, context: context)) }
            }
            for await (index, diagnostics) in group { found[index] = diagnostics }
        }
        return found.flatMap { $0 }
    }

    private func check(_ entry: PluginEntry, context: PluginContext?) -> [Diagnostic] {
        guard let type = registry.plugin(id: entry.id) else { return [] }
        var problems = DiagnosticCollector()
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
        return problems.diagnostics
    }

    private func settings<P: EthicsPlugin>(_ type: P.Type, entry: PluginEntry) throws(DiagnosticError) -> P.Settings {
        var decoder = config.decoder
        decoder.keyPathPrefix = ["plugins", entry.id]
        return try decoder.decode(P.Settings.self, from: entry.settings)
    }

    private func start<P: EthicsPlugin>(_ type: P.Type, entry: PluginEntry, context: PluginContext) throws -> P {
        try P(settings: settings(type, entry: entry), context: context.forPlugin(P.descriptor))
    }
}

extension HostSession {
    /// Renders `document` as `format` and writes it to `path`, or to standard output when there is
    /// none; a binary paper never goes to a terminal (see ``DocumentDelivery``).
    func write(_ document: Document, as format: OutputFormat, to path: String?) throws {
        try DocumentDelivery(format: format, path: path).write(document, with: renderer, output: output, notices: errors)
    }
}

/// The process's own terminal: standard input and output, used only when both are a terminal.
struct StandardTerminal: Terminal {
    func write(_ text: String) {
        OutputSink.standardOutput.write(text)
    }

    func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }
}
