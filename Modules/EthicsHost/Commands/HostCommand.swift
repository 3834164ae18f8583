import ArgumentParser

/// A command of the host itself (`plugins`, `config check`), run with the session.
protocol HostCommand: ParsableCommand {
    func run(session: HostSession) async throws
}
