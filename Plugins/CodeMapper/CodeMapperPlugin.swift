public import ArgumentParser
public import EthicsCore
public import EthicsDiagnostics

/// Code mapper: shows how the professional codes that bind a council's staff line up with each
/// other and with the attributes of ethical practice, finds what a council's own code misses,
/// and annotates each recorded decision with the duties it touches.
///
/// The codes are content (`Configs/content/codes/*.yaml`, plus any local code a council adds),
/// read only when a command or an event needs them, since the host creates every enabled plugin
/// on each run.
public struct CodeMapperPlugin: EthicsPlugin {
    public static var command: any ParsableCommand.Type { CodeMapperCommand.self }

    let settings: Settings
    let context: PluginContext
    private let loaded = LoadOnce<CodeLibrary>()

    public init(settings: Settings, context: PluginContext) throws {
        self.settings = settings
        self.context = context
    }

    /// The codes the settings name, read and checked on first use and kept for the rest of the run.
    func library() throws(DiagnosticError) -> CodeLibrary {
        try loaded.value { () throws(DiagnosticError) in
            guard !settings.codes.isEmpty else {
                throw .error(
                    "no code files are configured for code-mapper",
                    file: context.configFile,
                    suggestion: "list them under 'plugins.code-mapper.codes', or extend the default configuration")
            }
            return try CodeLibraryLoader(attributes: context.model.attributes).load(settings.codes)
        }
    }

    /// Answers, for any plugin that asks, which professional duties a decision engages.
    public func activate(_ activation: PluginActivation) throws {
        try activation.provide((any EngagedDutiesFinder).self, DutiesFinder(plugin: self))
    }

    /// The capability: the codes, loaded on first use, read by the annotator.
    struct DutiesFinder: EngagedDutiesFinder {
        let plugin: CodeMapperPlugin

        func duties(attributes: [String], citedClauses: [String]) throws -> (duties: [EngagedDuty], unknownClauses: [String]) {
            let annotator = DecisionAnnotator(library: try plugin.library(), clausesPerCode: plugin.settings.clausesPerCode)
            return annotator.annotate(attributes: attributes, citedClauses: citedClauses)
        }
    }

    /// Reads and checks every code file, reporting every problem with its position.
    public func checkContent() throws(DiagnosticError) {
        _ = try library()
    }
}
