public import ArgumentParser
public import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import EthicsRender

/// The `ethics` command's whole life: find and load the configuration, parse the arguments
/// against the enabled plugins, run the chosen command, and turn the outcome into an exit status.
///
/// Everything the process touches comes in as a parameter, so tests can run the host in-process.
public enum EthicsMain {
    /// - Parameter hostCommands: commands that front ends linked into the executable add to the
    ///   host's own (`serve`, `users`); the host itself knows nothing of them.
    public static func run(
        plugins: [any EthicsPlugin.Type],
        hostCommands: [any ParsableCommand.Type] = [],
        arguments: [String],
        environment: [String: String],
        output: OutputSink = .standardOutput,
        errors: OutputSink = .standardError
    ) async -> Int32 {
        var arguments = arguments
        let explicitConfig: String?
        let actingAs: String?
        do {
            explicitConfig = try extractOption("--config", valueName: "FILE", from: &arguments)
            actingAs = try extractOption("--as", valueName: "NAME", from: &arguments)
        } catch {
            errors.line("error: \(error.message)")
            return ExitStatus.badInput.rawValue
        }
        for (name, source) in [(actingAs, "--as"), (environment["ETHICS_AUTHOR"].flatMap { $0.isEmpty ? nil : $0 }, "ETHICS_AUTHOR")] {
            if let name, let problem = Person.problem(with: name) {
                errors.line("error: \(source) \(problem): give the name records, reviews and sign-offs are to be kept under")
                return ExitStatus.badInput.rawValue
            }
        }
        if arguments == ["--version"] {
            output.line(ToolkitVersion.current)
            return ExitStatus.success.rawValue
        }

        let registry = PluginRegistry(plugins)
        let config: LoadedConfig
        do {
            let home = ToolkitHome.locate(environment: environment)
            let (path, source) = try ConfigDiscovery(explicitPath: explicitConfig, environment: environment, toolkitHome: home).locate()
            if source == .toolkitDefault, let above = ConfigDiscovery.configurationAbove() {
                errors.line("note: using the toolkit's default configuration, not \(above), which is read only from its own folder "
                    + "(run from there, or pass --config \(above))")
            }
            let loader = ConfigLoader(environment: environment, toolkitHome: home, compiledPluginIDs: registry.ids)
            config = try loader.load(path)
        } catch {
            report(error, to: errors)
            return ExitStatus.badInput.rawValue
        }
        let isConfigCheck = arguments.prefix(2) == ["config", "check"]
        if !config.problems.isEmpty && !isConfigCheck {
            report(DiagnosticError(config.problems), to: errors)
            return ExitStatus.badInput.rawValue
        }
        if let refusal = disabledPluginRefusal(arguments: arguments, registry: registry, config: config) {
            errors.line(refusal)
            return ExitStatus.badInput.rawValue
        }

        let environmentForHelp = HostEnvironment(
            pluginCommands: config.enabledPluginIDs.compactMap { registry.plugin(id: $0)?.command },
            configFile: config.file,
            hostCommands: hostCommands)
        // The help generator reads the root command's configuration, which reads this run's
        // enabled plugins from the task-local; it is bound only around the synchronous steps that
        // reach the generator (a binding around an `await` would move the run off the main thread
        // for nothing).
        func describing<R>(_ body: () -> R) -> R {
            HostEnvironment.$current.withValue(environmentForHelp, operation: body)
        }
        if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            // The toolkit's front page, without parsing (two trial parses for completion
            // scripts, then the root's options) and without the parser's help generator: see
            // FrontPage for why, and for the test that holds it equal to the parser's page.
            let columns = FrontPage.columns(environment: environment, outputIsTerminal: output.isTerminal)
            output.line(describing { FrontPage.text(columns: columns) })
            return ExitStatus.success.rawValue
        }
        // `ethics help WORDS` is answered by swift-argument-parser with the nearest help it has,
        // exit 0, whatever the words: a misspelt command is named instead, as it is without `help`,
        // and words past the last command (`ethics help consequence-scanning scan`, an operation)
        // are asked for their help as `WORDS --help` would, rather than given the plugin's.
        if arguments.first == "help" {
            let words = Array(arguments.dropFirst())
            let helpWalk = describing { CommandWalk(words) }
            if let unknown = helpWalk.unknownCommand {
                errors.line(unknown)
                return ExitStatus.badInput.rawValue
            }
            if words.count > helpWalk.path.count, !words[helpWalk.path.count].hasPrefix("-") {
                arguments = words + ["--help"]
            }
        }
        let walk = describing { CommandWalk(arguments) }
        let parsed: Result<any ParsableCommand, any Error> = describing {
            // Most runs name a command with no subcommands of its own: the rest of the line is
            // parsed against that command alone, which skips building the tree of every command
            // and the trial parses for completion scripts over it (a fifth of `decision-flowchart
            // show`). Anything that does not parse so (a help request, a mistake) is parsed again
            // from the root, so every message and help screen is the one the whole tree gives.
            if !walk.path.isEmpty, CommandWalk.subcommands(of: walk.command).isEmpty,
               let command = walk.parseCommandAlone(Array(arguments.dropFirst(walk.path.count))) {
                return .success(command)
            }
            return Result { try EthicsCommand.parseAsRoot(arguments) }
        }
        let command: any ParsableCommand
        switch parsed {
        case .success(let parsedCommand):
            command = parsedCommand
        case .failure(let error):
            if let unknown = walk.unknownCommand {
                errors.line(unknown)
                return ExitStatus.badInput.rawValue
            }
            return describing { finish(with: error, output: output, errors: errors) }
        }
        let session = HostSession(
            config: config, registry: registry, output: output, errors: errors, environment: environment, actingAs: actingAs)
        do {
            switch command {
            case let command as any HostCommand:
                try await command.run(session: session)
            case let command as any PluginCommand:
                try await runPluginCommand(command, session: session)
            default:
                // `help`, and commands that only group others (`ethics`, `ethics config`):
                // their default run asks for the help screen, which `finish` prints.
                var command = command
                try command.run()
            }
        } catch let error as ValidationError {
            // Found by a command as it ran, after parsing: the usage the parser would print with
            // it is the root command's, so the message names the command's own help instead.
            errors.line("error: \(error.message)")
            errors.line("See '\((["ethics"] + walk.path).joined(separator: " ")) --help' for its options.")
            return ExitStatus.badInput.rawValue
        } catch {
            return describing { finish(with: error, output: output, errors: errors, registerPath: session.records.path) }
        }
        if let head = session.records.lastWrittenHead {
            // Every write shows where the journal now stands, so it can be noted and checked later.
            errors.line("Register journal head: \(head) (check it later with 'ethics records verify --expect-head \(head)')")
        }
        return ExitStatus.success.rawValue
    }

    private static func runPluginCommand<C: PluginCommand>(_ command: C, session: HostSession) async throws {
        let model = try session.loadModel()
        let context = session.context(model: model)
        let plugins = try session.startPlugins(context: context)
        guard let plugin = plugins[C.Plugin.descriptor.id] as? C.Plugin else {
            throw DiagnosticError.error("plugin '\(C.Plugin.descriptor.id)' is not enabled", file: session.config.file)
        }
        try await command.run(plugin: plugin, context: context.forPlugin(C.Plugin.descriptor))
    }

    /// Exit status and message for whatever ended the run.
    private static func finish(with error: any Error, output: OutputSink, errors: OutputSink, registerPath: String? = nil) -> Int32 {
        if let registerPath, let failure = RegisterFailure.explain(error, path: registerPath) {
            report(DiagnosticError(failure.diagnostics), to: errors)
            return ExitStatus.badInput.rawValue
        }
        switch error {
        case let error as any UserFacingError:
            // The one place user-facing errors become messages: every module's error type that is
            // the user's to fix conforms to UserFacingError and says what to print.
            report(DiagnosticError(error.diagnostics), to: errors)
            return ExitStatus.badInput.rawValue
        case let error as ExitCode:
            return error.rawValue
        default:
            let code = EthicsCommand.exitCode(for: error)
            let message = EthicsCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { output.line(message) }
                return ExitStatus.success.rawValue
            }
            if isArgumentError(code) {
                errors.line(lowercasingItsLabel(message))
                if message.hasPrefix("Error: Unknown option '--version'") {
                    // Only the root answers --version; say where the versions are.
                    errors.line("  'ethics --version' shows the toolkit's version, and 'ethics plugins' each plugin's.")
                }
                return ExitStatus.badInput.rawValue
            }
            errors.line("error: \(message.isEmpty ? String(describing: error) : message)")
            return ExitStatus.internalFailure.rawValue
        }
    }

    /// swift-argument-parser's message with its "Error: " written "error: ", as every other
    /// message of the toolkit (and of compilers and git) begins.
    static func lowercasingItsLabel(_ message: String) -> String {
        message.hasPrefix("Error: ") ? "error: " + message.dropFirst("Error: ".count) : message
    }

    /// swift-argument-parser reports bad usage as EX_USAGE (64); the toolkit promises 2.
    private static func isArgumentError(_ code: ExitCode) -> Bool {
        code == .validationFailure
    }

    private static func report(_ error: DiagnosticError, to errors: OutputSink) {
        for diagnostic in error.diagnostics {
            errors.line(diagnostic.description)
        }
    }

    // MARK: - Before parsing

    struct OptionError: Error { let message: String }

    /// Takes `--config FILE` or `--config=FILE` out of the arguments wherever it appears (before
    /// `--`), since the configuration decides which subcommands exist at all.
    static func extractConfigOption(from arguments: inout [String]) throws(OptionError) -> String? {
        try extractOption("--config", valueName: "FILE", from: &arguments)
    }

    /// Takes a host-wide option (`--config FILE`, `--as NAME`) out of the arguments wherever it
    /// appears before `--`: the configuration decides which subcommands exist, and the acting
    /// person belongs to the whole run rather than to one command.
    static func extractOption(_ name: String, valueName: String, from arguments: inout [String]) throws(OptionError) -> String? {
        var found: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == name {
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else {
                    throw OptionError(message: "\(name) needs a value: \(name) \(valueName)")
                }
                found = arguments[index + 1]
                arguments.removeSubrange(index...index + 1)
                continue
            }
            if argument.hasPrefix(name + "=") {
                found = String(argument.dropFirst(name.count + 1))
                arguments.remove(at: index)
                continue
            }
            index += 1
        }
        return found
    }

    /// The message for `ethics <id>` when `<id>` is compiled in but the configuration leaves it
    /// off: it names the file and the key to add, rather than calling the plugin unknown.
    static func disabledPluginRefusal(arguments: [String], registry: PluginRegistry, config: LoadedConfig) -> String? {
        guard let name = arguments.first, !name.hasPrefix("-"), registry.plugin(id: name) != nil,
              !config.enabledPluginIDs.contains(name) else { return nil }
        if let entry = config.entry(for: name) {
            return "\(entry.location): error: the plugin '\(name)' is switched off here; set 'plugins.\(name)' to true (or remove 'enabled: false') to use it"
        }
        return "\(config.file): error: the plugin '\(name)' is compiled in but not enabled by this configuration; add it under 'plugins:' in \(config.file), e.g.\n  plugins:\n    \(name): {}"
    }
}

/// The words before the first option of a command line, followed down the command tree (read
/// while the enabled plugins are bound, as every look at the tree is).
struct CommandWalk {
    /// The commands the words name, after `ethics`: `["canvas-builder", "new"]`.
    private(set) var path: [String] = []
    /// The last of them (`EthicsCommand` when none).
    private(set) var command: any ParsableCommand.Type = EthicsCommand.self
    /// A misspelt command (`ethics glosary search`, `ethics records lst`) named as such, with the
    /// nearest command, rather than as "unexpected arguments"; nil when every word before the
    /// first option is a command.
    private(set) var unknownCommand: String?

    init(_ arguments: [String]) {
        for word in arguments {
            if word.hasPrefix("-") { break }
            let subcommands = Self.subcommands(of: command)
            if subcommands.isEmpty { break }
            guard let next = subcommands.first(where: { $0.configuration.commandName == word }) else {
                let names = subcommands.compactMap { $0.configuration.commandName }
                unknownCommand = "error: '\(word)' is not a command of '\((["ethics"] + path).joined(separator: " "))'"
                    + (Suggestion.didYouMean(word, among: names).map { "; \($0)" } ?? "; its commands are \(names.joined(separator: ", "))")
                break
            }
            command = next
            path.append(word)
        }
    }

    /// The rest of the line (after ``path``) parsed against ``command`` alone; nil when it does
    /// not parse to that command (a mistake, or a request for help, whose screen must name the
    /// whole path, as the real root's parse gives it).
    func parseCommandAlone(_ rest: [String]) -> (any ParsableCommand)? {
        guard let parsed = try? command.parseAsRoot(rest), ObjectIdentifier(type(of: parsed)) == ObjectIdentifier(command) else {
            return nil
        }
        return parsed
    }

    /// Grouped and ungrouped alike (swift-argument-parser's `subcommands` already holds both).
    static func subcommands(of command: any ParsableCommand.Type) -> [any ParsableCommand.Type] {
        command.configuration.subcommands
    }
}
