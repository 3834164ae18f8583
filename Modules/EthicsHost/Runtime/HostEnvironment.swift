import ArgumentParser

/// What the root command's help needs to know about this run: the enabled plugins' command
/// trees. swift-argument-parser reads a command's configuration statically, so the host binds
/// this value for the duration of parsing (a task-local, not a global) and the root command's
/// configuration reads it.
struct HostEnvironment: Sendable {
    var pluginCommands: [any ParsableCommand.Type]
    var configFile: String
    /// Host commands that front ends add (`serve`, `users`), listed with the host's own.
    var hostCommands: [any ParsableCommand.Type] = []

    @TaskLocal static var current = HostEnvironment(pluginCommands: [], configFile: "")
}
