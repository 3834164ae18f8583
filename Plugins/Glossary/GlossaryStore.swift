import EthicsCore
import EthicsDiagnostics

/// Loads the glossary the first time something needs it, then hands out the same one.
///
/// The host creates every enabled plugin on every run, so the plugin must not read its files
/// up front: `ethics code-mapper ...` should not pay for the glossary unless it renders a
/// document that the glossary links. A failed load is kept too, so its problems are reported
/// the same way to every caller.
final class GlossaryStore: Sendable {
    private let files: [ContentPath]
    private let loader: GlossaryLoader
    private let loaded = LoadOnce<Glossary>()

    init(files: [ContentPath], loader: GlossaryLoader) {
        self.files = files
        self.loader = loader
    }

    func glossary() throws(DiagnosticError) -> Glossary {
        try loaded.value { () throws(DiagnosticError) in try loader.load(paths: files) }
    }
}
