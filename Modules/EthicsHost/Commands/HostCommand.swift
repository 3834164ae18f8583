public import ArgumentParser

/// A command of the host itself (`plugins`, `config check`), run with the session.
///
/// Public so that front ends in modules of their own (`ethics serve`, `ethics users` in EthicsWeb)
/// can add host commands that the executable hands to ``EthicsMain/run(plugins:hostCommands:arguments:environment:output:errors:)``.
public protocol HostCommand: ParsableCommand {
    func run(session: HostSession) async throws
}
