import ArgumentParser
import EthicsCore

/// `ethics canvas-builder templates`: the templates a team can start a canvas from.
struct TemplatesCommand: PluginCommand {
    static let configuration = CommandConfiguration(commandName: "templates", abstract: "List the canvas templates this configuration provides.")

    @OptionGroup var output: FormatOption

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        let templates = try plugin.store.templates()
        var document = Document(title: "Canvas templates")
        document.append(.table(Table(
            caption: [.text("Templates, with their groups and areas")], header: ["Id", "Title", "Kind", "Version", "Groups", "Areas"],
            rows: templates.map { template in
                ["\(template.id)", "\(template.title)", "\(template.kind.rawValue)", "\(template.version)", "\(template.groups.count)", "\(template.areas.count)"]
            }, hasRowHeaders: true)))
        try await output.write(document, to: context)
    }
}
