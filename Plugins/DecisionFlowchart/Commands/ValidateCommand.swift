import ArgumentParser
import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// `ethics decision-flowchart validate [FILE]`: checks the configured flowcharts, or one file.
struct ValidateCommand: PluginCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check flowcharts: unknown targets, unreachable nodes, dead ends, cycles with no exit, duplicate ids.",
        discussion: """
            Checks the configured flowcharts, or FILE when given. Every problem is printed as \
            file:line:column. Exit status 1 when a chart has problems; 2 when a file is not a \
            flowchart at all (bad YAML, unknown keys, wrong types).
            """)

    @Argument(help: ArgumentHelp("A flowchart file to check instead of the configured ones.", valueName: "file"))
    var file: String?

    func run(plugin: DecisionFlowchartPlugin, context: PluginContext) async throws {
        let set = try file.map { file throws(DiagnosticError) in try plugin.loader.load(file: file) } ?? plugin.loadConfigured()
        for diagnostic in DiagnosticError(set.problems).diagnostics {
            OutputSink.standardError.line(diagnostic.description)
        }
        for chart in set.charts {
            let outcomes = chart.outcomeCount
            context.output.line(
                "\(chart.id.value) \(chart.version) (\(chart.file)): \(chart.nodeCount) nodes, \(outcomes) \(outcomes == 1 ? "outcome" : "outcomes")")
        }
        guard set.problems.isEmpty else {
            context.output.line("\(set.problems.count) \(set.problems.count == 1 ? "problem" : "problems")")
            throw ExitCode(1)
        }
        context.output.line("valid")
    }
}
