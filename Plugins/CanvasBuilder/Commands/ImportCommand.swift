import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsYAML
import Foundation

/// `ethics canvas-builder import FILE.dec.json [--output FILE]`, or a deon checklist YAML.
struct ImportCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import an ODI interactive canvas file (.dec.json) as a canvas, or a deon checklist (.yaml) as a template.",
        discussion: """
            A .dec.json becomes a canvas file of the ODI template; `export --format dec-json` gives the same \
            JSON back, unknown fields and nulls included. A deon checklist becomes a template file; add it to \
            the configuration with `templates+: [FILE]` and start canvases from it with `new --template ID`.
            """)

    static let odiTemplate = "odi-data-ethics-canvas"

    @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the canvas (or template); next to the input by default.", valueName: "file"))
    var output: String?

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        if file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
            try importChecklist(plugin: plugin, context: context)
            return
        }
        let document = try JSONParser.read(file: file)
        let template = try plugin.store.template(Self.odiTemplate)
        let name = URL(fileURLWithPath: file).lastPathComponent
        var base = name.hasSuffix(".dec.json") ? String(name.dropLast(9)) : String(name.split(separator: ".").first ?? "canvas")
        let canvas = try ODIImporter(template: template, today: context.clock.today()).canvas(from: document, fallbackTitle: base)
        // From a pipe (`<(…)`, named /dev/fd/63) the file's name says nothing: the title does.
        let folder = ContentPath.folderBeside(file)
        if folder != ContentPath.directory(of: file) { base = CanvasFile.stem(for: canvas.title) }
        if document.value.objectValue?["title"]?.stringValue.map({ $0.allSatisfy(\.isWhitespace) }) ?? true {
            context.notices.line("The file has no title, so the canvas is titled '\(canvas.title)' after the file name; an export writes that title.")
        }
        let path = output ?? folder + "/" + base + ".canvas.yaml"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticError.error("the file already exists; choose another --output", file: path)
        }
        try CanvasFile.write(canvas, to: path)
        let areas = canvas.areas.count, actions = canvas.actions.count
        context.output.line(
            "\(path): imported '\(canvas.title)' with \(areas) area\(areas == 1 ? "" : "s") and \(actions) action\(actions == 1 ? "" : "s")")
    }

    private func importChecklist(plugin: CanvasBuilderPlugin, context: PluginContext) throws {
        let taken = Set(try plugin.store.templates().map(\.id))
        let (id, yaml) = try DeonImporter(today: context.clock.today()).template(fromFile: file, takenIDs: taken)
        let path = output ?? ContentPath.folderBeside(file) + "/" + id + ".template.yaml"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DiagnosticError.error("the file already exists; choose another --output", file: path)
        }
        let text = try YAMLEmitter.emit(yaml.node(file: path))
        try SafeFile.write(text, to: path, mode: 0o644)
        context.output.line("\(path): template '\(id)' written; \(DeonImporter.advice(forTemplateAt: path, id: id, configFile: context.configFile))")
    }
}
