import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import Foundation

/// `ethics canvas-builder export FILE --format dec-json [--output FILE]`
struct ExportCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a canvas in the ODI interactive canvas's file format (.dec.json).",
        discussion: "Only canvases of the ODI template can be exported. The JSON goes to standard output unless --output names a file.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case decJSON = "dec-json"
    }

    @Argument(help: ArgumentHelp("The canvas file.", valueName: "file"))
    var file: String

    @Option(help: "The export format: dec-json.")
    var format: Format = .decJSON

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run(plugin: CanvasBuilderPlugin, context: PluginContext) async throws {
        let (canvas, template) = try CanvasFile.read(file, templates: plugin.store)
        guard template.areas.contains(where: { $0.odi != nil }) else {
            throw DiagnosticError.error(
                "the template '\(template.id)' has no ODI canvas layout, so it cannot be exported as dec-json; only ODI canvases can", file: file)
        }
        let json = JSONWriter.write(ODIExporter(template: template, now: context.clock.now()).export(canvas))
        if let output {
            try SafeFile.writeOutput(json, to: output, mode: CanvasFile.mode)
            // As every command that writes a document says where it went.
            context.notices.line("Written to \(output).")
        } else {
            context.output.write(json)
        }
    }
}
