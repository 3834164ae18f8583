import ArgumentParser
import EthicsCore

/// `--format` for documents without diagrams of their own to export: the decision record and the
/// list of decisions.
struct RecordFormatOption: ParsableArguments {
    static let supported: [OutputFormat] = [.text, .markdown, .html, .json] + OutputFormat.papers

    @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(supported, otherwise: .text), valueName: "format"))
    var asked: OutputFormat?

    /// `--format`, else the format the file `output` names says, else text.
    func format(writing output: String?) -> OutputFormat {
        .chosen(asked, output: output, supported: Self.supported, otherwise: .text)
    }

    func validate() throws {
        guard let format = asked, !Self.supported.contains(format) else { return }
        let graph = format == .mermaid || format == .dot
        throw ValidationError(
            "a decision record is written as \(Self.supported.map(\.rawValue).joined(separator: ", "))"
                + (graph ? "; use 'render' for the flowchart as \(format.rawValue)" : ", not \(format.rawValue)"))
    }
}
