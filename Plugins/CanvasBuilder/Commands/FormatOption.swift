import ArgumentParser
import EthicsCore

/// `--format` for the commands that write a document.
struct FormatOption: ParsableArguments {
    static let supported: [OutputFormat] = [.text, .markdown, .html, .json] + OutputFormat.papers

    @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(supported, otherwise: .text), valueName: "format"))
    var askedFormat: OutputFormat?
    /// `--format`, else the format the output file's name says, else text.
    var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.supported, otherwise: .text) }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    @OptionGroup(title: "Committee paper") var paper: CommitteePaperOptions

    func validate() throws {
        guard Self.supported.contains(format) else {
            throw ValidationError("canvas-builder writes \(Self.supported.map(\.rawValue).joined(separator: ", ")), not '\(format.rawValue)'")
        }
    }

    /// Renders `document` as asked, as a committee paper when a paper option is given, and writes
    /// it to the command's output.
    func write(_ document: Document, to context: PluginContext) async throws {
        try context.write(try await context.framed(document, as: paper.asked), as: format, to: output)
    }
}
