import Foundation

/// The files of a new plugin: small, but a working plugin with a command, settings and a test,
/// written the way the shipped plugins are, so it is a good place to start.
struct PluginScaffold {
    var id: String
    var folder: String
    var type: String
    var name: String
    var summary: String

    func files() -> [(String, String)] {
        [
            ("Plugins/\(folder)/plugin.yaml", manifest),
            ("Plugins/\(folder)/\(type).swift", plugin),
            ("Plugins/\(folder)/StatusCommand.swift", command),
            ("Tests/Plugins/\(folder)/\(type)Tests.swift", test),
        ]
    }

    private var manifest: String {
        """
        # The plugin's manifest: Tools/register-plugins generates the plugin's descriptor
        # (Descriptor.generated.swift) and its entry in Package.swift from this file.
        id: \(id)
        name: \(yamlQuoted(name))
        summary: \(yamlQuoted(summary))
        version: 0.1.0
        # The Swift type in this folder that conforms to EthicsPlugin.
        type: \(type)
        # Topics this plugin publishes, and topics or patterns (decision.*) it listens to.
        publishes: []
        listens: []

        """
    }

    private var plugin: String {
        """
        public import ArgumentParser
        public import EthicsCore

        /// \(name): \(summary)
        ///
        /// The host creates one instance per run with the settings from `plugins.\(id)` in the
        /// configuration and the shared services in `context`.
        public struct \(type): EthicsPlugin {
            /// The plugin's section of the configuration. Unknown keys are reported as errors.
            public struct Settings: Decodable, Sendable {
                /// A heading for the status page; defaults to the plugin's name.
                public var heading: String?
            }

            public static var command: any ParsableCommand.Type { \(type)Command.self }

            let settings: Settings
            let model: DataModel

            public init(settings: Settings, context: PluginContext) throws {
                self.settings = settings
                model = context.model
            }

            /// What the plugin sees of the council: a starting point to replace with real work.
            func statusDocument() -> Document {
                var document = Document(
                    title: settings.heading ?? Self.descriptor.name,
                    metadata: [.init("Council", model.council.name), .init("Plugin version", Self.descriptor.version)])
                document.append(.paragraph(Self.descriptor.summary))
                document.append(.heading(level: 2, "Attributes of ethical practice"))
                document.append(.list(.unordered, items: model.attributes.attributes.map { attribute in
                    [.paragraph([.strong(attribute.name), .text(": \\(attribute.summary)")])]
                }))
                return document
            }
        }

        /// `ethics \(id)`: the plugin's command tree.
        struct \(type)Command: ParsableCommand {
            static let configuration = CommandConfiguration.plugin(\(type).self, subcommands: [StatusCommand.self])
        }

        """
    }

    private var command: String {
        """
        import ArgumentParser
        import EthicsCore

        /// `ethics \(id) status`: shows the council and the attributes the plugin works with.
        struct StatusCommand: PluginCommand {
            static let configuration = CommandConfiguration(
                commandName: "status", abstract: "Show the council and the attributes this plugin works with.")

            @Option(help: "Output format: text, markdown, html or json.")
            var format: OutputFormat = .text

            func run(plugin: \(type), context: PluginContext) async throws {
                context.output.write(try context.renderer.render(plugin.statusDocument(), as: format))
            }
        }

        """
    }

    private var test: String {
        """
        import EthicsCore
        import EthicsRender
        import EthicsTestSupport
        import Testing
        @testable import \(folder)

        @Suite struct \(type)Tests {
            @Test func descriptorComesFromTheManifest() {
                #expect(\(type).descriptor.id == "\(id)")
            }

            @Test func statusShowsTheCouncilAndItsAttributes() throws {
                let context = TestContext.make(council: Council(id: "testshire", name: "Testshire Council"))
                let plugin = try \(type)(settings: .init(heading: "Status"), context: context.plugin)
                let markdown = try Renderer().render(plugin.statusDocument(), as: .markdown)
                #expect(markdown.contains("Testshire Council"))
                #expect(markdown.contains("Explicability"))
                #expect(markdown.contains("# Status"))
            }
        }

        """
    }

    private func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
