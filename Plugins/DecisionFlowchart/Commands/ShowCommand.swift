import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// `ethics decision-flowchart show ID`: a past decision record, as it was kept.
struct ShowCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a decision record from the register.")

    @Argument(help: ArgumentHelp("The decision's id, such as dec-2026-0001.", valueName: "id"))
    var id: String

    // `.unconditional`: `--version -1` is a value out of range, not a missing value.
    @Option(parsing: .unconditional, help: "A version of the record other than the latest.")
    var version: Int?

    @OptionGroup var format: RecordFormatOption

    func validate() throws {
        if let version, version < 1 {
            throw ValidationError("--version takes a version number from 1 up; \(version) is out of range")
        }
    }

    @OptionGroup(title: "Committee paper") var paper: CommitteePaperOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the record to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    func run(plugin: DecisionFlowchartPlugin, context: PluginContext) async throws {
        let asked = try paper.asked
        try context.checkDestination(format.format(writing: output), path: output)
        guard let record = try await context.register.fetch(id, version: version) else {
            let known = try await context.register.latestVersions(kind: DecisionFlowchartPlugin.decisionKind).map(\.id)
            throw DiagnosticError.error(
                version == nil ? "there is no decision '\(id)' in the register" : "decision '\(id)' has no version \(version ?? 0)",
                suggestion: version == nil
                    ? Suggestion.didYouMean(id, among: known) ?? "list the decisions with 'ethics decision-flowchart list'"
                    : "see its versions with 'ethics records history \(id)'")
        }
        guard record.kind == DecisionFlowchartPlugin.decisionKind.id else {
            throw DiagnosticError.error(
                "'\(id)' is a \(record.kind), not a decision", suggestion: "show it with 'ethics records show \(id)'")
        }
        let content: DecisionRecordContent
        do {
            content = try record.decodeBody(as: DecisionRecordContent.self)
        } catch {
            throw DiagnosticError.error(
                "'\(id)' was not recorded by decision-flowchart", suggestion: "show it with 'ethics records show \(id)'")
        }
        // The path is drawn only on the chart it was walked on: same id, same version.
        let chart = (try? plugin.flowcharts())?.first {
            $0.id.value == content.flowchart.id && $0.version == content.flowchart.version
        }
        let document = DecisionDocument(
            id: record.id, version: record.version, content: content, attributes: context.model.attributes, chart: chart,
            standing: record).document
        try context.write(try await context.framed(document, as: asked), as: format.format(writing: output), to: output)
    }
}
