import ArgumentParser
import EthicsCore

/// `--format`, shared by every command of the plugin. Every page the plugin writes has a table,
/// so CSV always has something to carry; the graph formats have nothing to draw.
struct FormatOption: ParsableArguments {
    static let supported: [OutputFormat] = [.text, .markdown, .html, .csv, .json]

    @Option(help: ArgumentHelp(
        "Output format: \(supported.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        guard Self.supported.contains(format) else {
            throw ValidationError(
                "code-mapper writes \(Self.supported.map(\.rawValue).joined(separator: ", ")); '\(format.rawValue)' is for documents with diagrams")
        }
    }

    /// Renders `document` as asked and writes it to the command's output.
    func write(_ document: Document, to context: PluginContext) throws {
        context.output.write(try context.renderer.render(document, as: format))
    }
}
