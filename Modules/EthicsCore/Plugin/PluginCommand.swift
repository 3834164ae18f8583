public import ArgumentParser

/// A command in a plugin's tree that does work. The host parses the arguments, creates the
/// enabled plugins, and calls `run(plugin:context:)` on the command that was chosen.
///
/// Commands that only group others (`ethics glossary`) need not conform.
public protocol PluginCommand: ParsableCommand {
    associatedtype Plugin: EthicsPlugin

    func run(plugin: Plugin, context: PluginContext) async throws
}
