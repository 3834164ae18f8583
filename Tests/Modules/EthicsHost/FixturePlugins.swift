import ArgumentParser
import EthicsCore
import EthicsTestSupport
import EthicsDiagnostics
import EthicsYAML

/// A plugin with settings, a content file list and a command, for exercising the host.
struct FixturePlugin: EthicsPlugin {
    struct Settings: Decodable, Sendable {
        var greeting: String
        var files: [ContentPath]?
    }

    static let descriptor = PluginDescriptor(
        id: "fixture", name: "Fixture", summary: "Greets, and checks the files it is given.", version: "1.2.3",
        publishes: ["fixture.greeted"], recordKinds: [.decision, .canvas, .assessment])
    static var command: any ParsableCommand.Type { Root.self }

    let settings: Settings

    init(settings: Settings, context: PluginContext) throws {
        self.settings = settings
    }

    func checkContent() throws(DiagnosticError) {
        var problems = DiagnosticCollector()
        for file in settings.files ?? [] {
            problems.collecting { () throws(DiagnosticError) in _ = try YAMLParser.parse(file: file.path) }
        }
        try problems.throwIfErrors()
    }

    struct Root: ParsableCommand {
        static let configuration = CommandConfiguration.plugin(FixturePlugin.self, subcommands: [Greet.self])
    }

    struct Greet: PluginCommand {
        static let configuration = CommandConfiguration(commandName: "greet", abstract: "Say the configured greeting.")

        @Argument var name: String = "council"

        func run(plugin: FixturePlugin, context: PluginContext) async throws {
            context.output.line("\(plugin.settings.greeting), \(name) (\(context.model.council.name))")
            for file in plugin.settings.files ?? [] {
                context.output.line("file: \(file.path)")
            }
        }
    }
}

/// A plugin without settings, left off in most fixture configurations.
struct QuietPlugin: EthicsPlugin {
    static let descriptor = PluginDescriptor(id: "quiet", name: "Quiet", summary: "Says nothing.", version: "0.0.1")
    static var command: any ParsableCommand.Type { Root.self }

    init(settings: NoSettings, context: PluginContext) throws {}

    struct Root: ParsableCommand {
        static let configuration = CommandConfiguration.plugin(QuietPlugin.self)
    }
}
