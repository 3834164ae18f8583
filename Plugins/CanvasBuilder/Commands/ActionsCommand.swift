import ArgumentParser
import EthicsCore

/// `ethics canvas-builder actions FILE`
struct ActionsCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions", abstract: "List a canvas's actions and decisions with priority, owner and area.")

    @Argument(help: ArgumentHelp("The canvas file.", valueName: "file"))
    var file: String

    @OptionGroup var output: FormatOption

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        let (canvas, template) = try CanvasFile.read(file, templates: plugin.store)
        let order: [CanvasAction.Priority?] = [.high, .medium, .low, nil]
        let sorted = canvas.actions.enumerated().sorted { a, b in
            let (left, right) = (order.firstIndex(of: a.element.priority) ?? 3, order.firstIndex(of: b.element.priority) ?? 3)
            return left == right ? a.offset < b.offset : left < right
        }.map(\.element)
        var document = Document(title: "Actions: \(canvas.title)", subtitle: template.title)
        let (actions, decisions) = (canvas.actions.filter { $0.type == .action }.count, canvas.actions.filter { $0.type == .decision }.count)
        document.append(.paragraph(
            "\(actions) action\(actions == 1 ? "" : "s") and \(decisions) decision\(decisions == 1 ? "" : "s"), highest priority first."))
        document.append(contentsOf: ActionsTable.blocks(sorted, template: template))
        try await output.write(document, to: context)
    }
}
