import ArgumentParser
import EthicsCore

/// `ethics code-mapper matrix [--codes ...]`
struct MatrixCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Count each code's clauses against the attributes of ethical practice, as a heatmap.",
        discussion: "With --format csv, writes one row per code and attribute, ready for a spreadsheet.")

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "The codes to include, in order (space- or comma-separated); all by default.", valueName: "code"))
    var codes: [String] = []

    @OptionGroup var output: FormatOption

    func run(plugin: CodeMapperPlugin, context: PluginContext) async throws {
        let library = try plugin.library()
        let matrix = AttributeMatrix(codes: try library.codes(named: codes), attributes: library.attributes.attributes)
        let page = MatrixPage(matrix: matrix, library: library)
        try await output.write(output.format == .csv ? page.spreadsheet : page.document, to: context)
    }
}
