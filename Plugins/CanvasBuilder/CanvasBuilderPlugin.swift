public import ArgumentParser
public import EthicsCore
public import EthicsDiagnostics
import EthicsYAML

/// Canvas builder: a project team's Data Ethics Canvas or UK Data Ethics Framework
/// self-assessment, kept as a YAML file with the project, checked, rendered for the ethics board,
/// exchanged with the ODI's interactive canvas and kept in the register.
public struct CanvasBuilderPlugin: EthicsPlugin {
    /// The plugin's section of the configuration:
    ///
    /// ```yaml
    /// plugins:
    ///   canvas-builder:
    ///     templates:
    ///       - content/canvases/odi-data-ethics-canvas.yaml
    ///       - content/canvases/uk-data-ethics-framework.yaml
    ///     default-template: odi-data-ethics-canvas
    /// ```
    ///
    /// A council adds its own template with `templates+: [local/our-template.yaml]`.
    public struct Settings: Decodable, Sendable {
        public var templates: [ContentPath]
        /// The template `new` uses without `--template`.
        public var defaultTemplate: String

        public init(templates: [ContentPath], defaultTemplate: String = "odi-data-ethics-canvas") {
            self.templates = templates
            self.defaultTemplate = defaultTemplate
        }

        private enum CodingKeys: String, CodingKey {
            case templates, defaultTemplate = "default-template"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            templates = try container.decode([ContentPath].self, forKey: .templates)
            defaultTemplate = try container.decodeIfPresent(String.self, forKey: .defaultTemplate) ?? "odi-data-ethics-canvas"
            var seen: [String: ContentPath] = [:]
            for file in templates {
                if let first = seen[file.path] {
                    throw DiagnosticError.error(
                        "'\(file.written)' is listed twice; it is already loaded from \(first.location)",
                        at: file.location, keyPath: "plugins.canvas-builder.templates")
                }
                seen[file.path] = file
            }
        }
    }

    public static var command: any ParsableCommand.Type { CanvasBuilderPluginCommand.self }

    let settings: Settings
    let store: TemplateStore

    public init(settings: Settings, context: PluginContext) throws {
        self.settings = settings
        store = TemplateStore(files: settings.templates, loader: TemplateLoader(attributes: context.model.attributes))
    }

    public func checkContent() throws(DiagnosticError) {
        let templates = try store.templates()
        if !templates.contains(where: { $0.id == settings.defaultTemplate }) {
            throw .error(
                "default-template '\(settings.defaultTemplate)' is not one of the templates",
                suggestion: Suggestion.didYouMean(settings.defaultTemplate, among: templates.map(\.id)))
        }
    }
}

/// `ethics canvas-builder`: the plugin's command tree.
struct CanvasBuilderPluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration.plugin(
        CanvasBuilderPlugin.self,
        discussion: """
            A canvas is a YAML file the project team keeps with its project. Start one with `new`, \
            fill it in with `fill`, see what is left with `check`, and bring it to the ethics board \
            with `render`. `import` and `export` move it to and from the ODI's interactive canvas.
            """,
        subcommands: [
            TemplatesCommand.self, NewCommand.self, FillCommand.self, CheckCommand.self, RenderCommand.self,
            ActionsCommand.self, ImportCommand.self, ExportCommand.self, RecordCommand.self,
        ])
}
