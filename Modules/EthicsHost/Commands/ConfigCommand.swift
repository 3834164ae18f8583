import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsRecords
import EthicsYAML

/// `ethics config`: check or show the configuration.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration and its content, or show the effective configuration.",
        subcommands: [Check.self, Show.self])

    /// `ethics config check`: every problem in the configuration, the files it extends and
    /// every content file it names, each with its position; exit 2 when there are any.
    struct Check: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a configuration and all the content it names; report every problem at once.",
            discussion: "Checks the file given with --config (before or after the subcommand), or the one ethics would use.")

        func run(session: HostSession) async throws {
            var problems = DiagnosticCollector()
            problems.append(contentsOf: session.config.problems)
            let model = problems.collecting { () throws(DiagnosticError) in try session.loadModel() }
            problems.append(contentsOf: await session.checkPlugins(context: model.map(session.context(model:))))
            try problems.throwIfErrors()
            let enabled = session.config.enabledPluginIDs
            session.output.line("\(session.config.file): ok: council '\(session.config.council.id)', "
                + "\(model?.attributes.attributes.count ?? 0) attributes, "
                + "\(enabled.count) plugin\(enabled.count == 1 ? "" : "s") enabled\(enabled.isEmpty ? "" : " (\(enabled.joined(separator: ", ")))")")
            session.output.line("register: \(registerInUse(session))")
        }

        /// Which register the commands would use, and why: `ETHICS_REGISTER_URL` wins over the
        /// configuration's `register:`, so a check says so rather than leave it to be found out.
        func registerInUse(_ session: HostSession) -> String {
            switch session.config.register {
            case .sqlite:
                return session.config.workspace.isEmpty
                    ? "SQLite, nowhere: neither XDG_DATA_HOME nor HOME is set, and the configuration names no 'workspace:'"
                    : "SQLite, \(session.records.path)"
            case .postgres:
                let fromEnvironment = !(session.environment["ETHICS_REGISTER_URL"] ?? "").isEmpty
                let configured = session.config.merged["register"].map { !$0.isNull } ?? false
                let reason = !fromEnvironment ? ""
                    : configured ? " (from ETHICS_REGISTER_URL, which wins over the configuration's 'register:')" : " (from ETHICS_REGISTER_URL)"
                return "PostgreSQL, \(session.records.path)\(reason)"
            }
        }
    }

    /// `ethics config show`: the configuration after `extends:` was applied.
    struct Show: HostCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the effective configuration, after 'extends:' has been applied.")

        @Flag(help: "Instead of the YAML, list each setting with the file, line and column it comes from.")
        var origins = false

        func run(session: HostSession) async throws {
            if origins {
                for (path, node) in Self.leaves(of: session.config.merged, path: "") {
                    let value = node.text ?? (node.kind == .mapping ? "{}" : "[]")
                    session.output.line("\(path) = \(value)    # \(node.location)")
                }
            } else {
                session.output.line("# Effective configuration of \(session.config.file)")
                if session.config.chain.count > 1 {
                    session.output.line("# composed from: \(session.config.chain.joined(separator: " <- "))")
                }
                session.output.write(try YAMLEmitter.emit(session.config.merged))
            }
        }

        static func leaves(of node: YAMLNode, path: String) -> [(String, YAMLNode)] {
            switch node.kind {
            case .scalar:
                return [(path, node)]
            case .sequence:
                if node.count == 0 { return [(path, node)] }
                return node.elements.enumerated().flatMap { leaves(of: $1, path: "\(path)[\($0)]") }
            case .mapping:
                if node.count == 0 { return [(path, node)] }
                return node.entries.flatMap { key, value in
                    leaves(of: value, path: path.isEmpty ? (key.text ?? "") : "\(path).\(key.text ?? "")")
                }
            }
        }
    }
}
