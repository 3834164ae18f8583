import ArgumentParser
import EthicsCore

/// `--format` for documents without diagrams of their own to export: the decision record and the
/// list of decisions.
struct RecordFormatOption: ParsableArguments {
    static let supported: [OutputFormat] = [.text, .markdown, .html, .json] + OutputFormat.papers

    @Option(help: ArgumentHelp("Output format: \(supported.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: OutputFormat = .text

    func validate() throws {
        guard Self.supported.contains(format) else {
            let graph = format == .mermaid || format == .dot
            throw ValidationError(
                "a decision record is written as \(Self.supported.map(\.rawValue).joined(separator: ", "))"
                    + (graph ? "; use 'render' for the flowchart as \(format.rawValue)" : ", not \(format.rawValue)"))
        }
    }
}
