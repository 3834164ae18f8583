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
        # Facts it publishes (journalled with the writes they describe), and topics or patterns (decision.*) it listens to.
        publishes: []
        listens: []
        # The kinds of record it keeps in the register, e.g. {kind: scan, prefix: csc, title: Consequence scan}.
        records: []

        """
    }

    private var plugin: String {
        """
        public import EthicsCore

        /// \(name): \(summary)
        ///
        /// The host creates one instance per run with the settings from `plugins.\(id)` in the
        /// configuration and the world (council, register, clock, terminal) in `context`. Each
        /// operation is served as `ethics \(id) <operation>` on the command line, from an answers
        /// file, and as a page in the browser.
        public struct \(type): EthicsPlugin {
            /// The plugin's section of the configuration. Unknown keys are reported as errors.
            public struct Settings: Decodable, Sendable {
                /// A heading for the status page; defaults to the plugin's name.
                public var heading: String?
            }

            let settings: Settings

            public init(settings: Settings, context: PluginContext) {
                self.settings = settings
            }

            public static let operations: [PluginOperation<\(type)>] = [
                PluginOperation("status", summary: "Show the council and the attributes this plugin works with.") { plugin, _, context in
                    plugin.status(of: context.model)
                },
            ]

            /// What the plugin sees of the council: a starting point to replace with real work.
            func status(of model: DataModel) -> Document {
                var document = Document(
                    title: settings.heading ?? Self.descriptor.name,
                    metadata: [.init("Council", model.council.name), .init("Plugin version", Self.descriptor.version)])
                document.append(.paragraph(Self.descriptor.summary))
                document.append(.heading(level: 2, "Attributes of ethical practice"))
                document.append(.list(.unordered, model.attributes.attributes.map { "\\($0.name): \\($0.summary)" }))
                return document
            }
        }

        """
    }

    private var test: String {
        """
        import EthicsCore
        import EthicsTestSupport
        import Testing
        @testable import \(folder)

        @Suite struct \(type)Tests {
            @Test func descriptorComesFromTheManifest() {
                #expect(\(type).descriptor.id == "\(id)")
            }

            @Test func statusShowsTheCouncilAndItsAttributes() async throws {
                let context = TestContext.make(council: Council(id: "testshire", name: "Testshire Council"))
                let plugin = \(type)(settings: .init(heading: "Status"), context: context.plugin)
                let status = try #require(\(type).operations.first { $0.name == "status" })
                let document = try await status.run(plugin, OperationInput(answers: FormAnswers(), forms: NoForms()), context.plugin)
                let markdown = try context.plugin.renderer.render(document, as: .markdown)
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
