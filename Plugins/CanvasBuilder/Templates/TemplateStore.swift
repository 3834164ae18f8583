import EthicsCore
import EthicsDiagnostics

/// Loads the templates the first time a command needs them: the host creates every enabled
/// plugin on every run, so reading files up front would slow down every other plugin's commands.
final class TemplateStore: Sendable {
    private let files: [ContentPath]
    private let loader: TemplateLoader
    private let loaded = LoadOnce<[CanvasTemplate]>()

    init(files: [ContentPath], loader: TemplateLoader) {
        self.files = files
        self.loader = loader
    }

    func templates() throws(DiagnosticError) -> [CanvasTemplate] {
        try loaded.value { () throws(DiagnosticError) in try loader.load(paths: files) }
    }

    /// The template with `id`; an unknown id is reported with a did-you-mean, at `location` when
    /// the id came from a file.
    func template(_ id: String, at location: SourceLocation? = nil, file: String? = nil) throws(DiagnosticError) -> CanvasTemplate {
        let templates = try templates()
        if let template = templates.first(where: { $0.id == id }) { return template }
        let ids = templates.map(\.id)
        throw .error(
            "unknown template '\(id)'", at: location, file: file, keyPath: location == nil ? nil : "template",
            suggestion: Suggestion.didYouMean(id, among: ids) ?? "known templates: \(ids.joined(separator: ", "))")
    }
}
