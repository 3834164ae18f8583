import ArgumentParser
import EthicsCore

/// `--format` for the commands that write a document.
struct FormatOption: ParsableArguments {
    static let supported: [OutputFormat] = [.text, .markdown, .html, .json]

    @Option(help: ArgumentHelp("Output format: \(supported.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        guard Self.supported.contains(format) else {
            throw ValidationError("canvas-builder writes \(Self.supported.map(\.rawValue).joined(separator: ", ")), not '\(format.rawValue)'")
        }
    }

    func write(_ document: Document, to context: PluginContext) throws {
        context.output.write(try context.renderer.render(document, as: format))
    }
}
