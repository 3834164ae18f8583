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
            templates = try ContentPath.list(in: container, forKey: .templates, keyPath: "plugins.canvas-builder.templates")
            defaultTemplate = try container.decodeIfPresent(String.self, forKey: .defaultTemplate) ?? "odi-data-ethics-canvas"
        }
    }

    public static var command: any ParsableCommand.Type { CanvasBuilderPluginCommand.self }

    let settings: Settings
    let store: TemplateStore

    public init(settings: Settings, context: PluginContext) throws {
        self.settings = settings
        store = TemplateStore(files: settings.templates, loader: TemplateLoader(attributes: context.model.attributes))
    }

    /// A canvas or self-assessment as it was kept: its completeness, and each area's status,
    /// score, notes and answers under the template's questions.
    public func page(of record: RecordVersion) -> Document? {
        guard [Self.canvasKind.id, Self.assessmentKind.id].contains(record.kind),
              let body = try? record.decodeBody(as: CanvasRecordBody.self) else { return nil }
        let template = try? store.template(body.template)
        var document = Document(
            title: record.title, subtitle: template?.title ?? body.template,
            metadata: [.init("Template", "\(body.template) \(body.templateVersion)"), .init("Canvas updated", body.updated),
                       .init("Complete", body.complete ? "yes" : "no, \(Self.areasToFinish(body.areas.filter { !$0.complete }.count))")])
        document.record = record.reference
        for area in body.areas {
            let known = template?.area(area.id)
            document.append(.heading(level: 2, known?.title ?? area.id))
            var facts = [Block.Definition("Status", area.status ?? "not started")]
            if let score = area.score { facts.append(Block.Definition("Score", String(score))) }
            if let notes = area.notes { facts.append(Block.Definition("Notes", notes)) }
            for (question, answer) in area.answers.sorted(by: { $0.key < $1.key }) {
                facts.append(Block.Definition(known?.questions.first { $0.id == question }?.text ?? question, answer))
            }
            document.append(.definitions(facts))
        }
        return document
    }

    static func areasToFinish(_ count: Int) -> String {
        "\(count) area\(count == 1 ? "" : "s") to finish"
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
