import CanvasBuilder
import CodeMapper
import DecisionFlowchart
import EthicsCore
import EthicsDiagnostics
import EthicsHost
import EthicsYAML
import Foundation
import Glossary

/// One kind of input a user hands to `ethics`, and how a fuzz input is read as that kind.
///
/// Everything but `yaml` goes through the real host in-process (`EthicsMain.run`) exactly as the
/// command line would, with a configuration that names only what the target exercises, so each
/// run is quick. The oracle is the one the project promises: whatever the bytes, the command ends
/// with status 0, 1 or 2 (never an internal failure) and never traps.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The YAML layer alone: parse, then visit every node.
    case yaml
    /// The input is a council's configuration (`config check`).
    case config
    /// The input is a professional code added to the toolkit (`config check`).
    case code
    /// The input is a glossary file added to the toolkit (`config check`).
    case glossary
    /// The input is a flowchart (`decision-flowchart validate FILE`).
    case flowchart
    /// The input is a canvas file (`canvas-builder check FILE`).
    case canvas
    /// The input is an ODI interactive canvas file (`canvas-builder import FILE.dec.json`).
    case decJSON = "dec-json"
    /// The input is a decision log saved from a spreadsheet (`records import FILE.csv --dry-run`:
    /// read and checked in full, never kept, so the register does not grow with every run).
    case recordsImport = "records-import"

    /// The plugins the target's configuration enables.
    var plugins: [any EthicsPlugin.Type] {
        switch self {
        case .yaml: []
        case .config: [CodeMapperPlugin.self, GlossaryPlugin.self, DecisionFlowchartPlugin.self, CanvasBuilderPlugin.self]
        case .code: [CodeMapperPlugin.self]
        case .glossary: [GlossaryPlugin.self]
        case .flowchart: [DecisionFlowchartPlugin.self]
        case .canvas, .decJSON: [CanvasBuilderPlugin.self]
        // Kinds of record come from the compiled-in plugins, switched on or not: without these
        // every row would be refused as of no kind, and the reading never reached.
        case .recordsImport: [DecisionFlowchartPlugin.self, CanvasBuilderPlugin.self]
        }
    }

    /// The name the input is written under in the workspace.
    var inputName: String {
        switch self {
        case .decJSON: "input.dec.json"
        case .recordsImport: "input.csv"
        default: "input.yaml"
        }
    }

    /// The configuration beside the input, when the input is not itself the configuration.
    func configuration(pluginSettings: String) -> String {
        """
        council: {id: fuzz, name: Fuzzing}
        attributes: [attributes.yaml]
        plugins:
        \(pluginSettings)
        """
    }

    var pluginSettings: String {
        switch self {
        case .yaml, .config: ""
        case .code: "  code-mapper: {codes: [\(inputName)]}"
        case .glossary: "  glossary: {files: [\(inputName)]}"
        case .flowchart: "  decision-flowchart: {}"
        case .canvas, .decJSON: "  canvas-builder: {}"
        case .recordsImport: "  {}"
        }
    }

    func arguments(in workspace: FuzzWorkspace) -> [String] {
        let input = workspace.path(inputName)
        switch self {
        case .yaml: return []
        case .config: return ["--config", input, "config", "check"]
        case .code, .glossary: return ["--config", workspace.path("ethics.yaml"), "config", "check"]
        case .flowchart: return ["--config", workspace.path("ethics.yaml"), "decision-flowchart", "validate", input]
        case .canvas: return ["--config", workspace.path("ethics.yaml"), "canvas-builder", "check", input]
        case .decJSON:
            return ["--config", workspace.path("ethics.yaml"), "canvas-builder", "import", input,
                    "--output", workspace.path("imported.yaml")]
        case .recordsImport:
            return ["--config", workspace.path("ethics.yaml"), "records", "import", input, "--dry-run"]
        }
    }
}
