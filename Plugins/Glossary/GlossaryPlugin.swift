public import ArgumentParser
public import EthicsCore
public import EthicsDiagnostics

/// The glossary plugin: terms and resources from the council's content files, looked up with
/// `ethics glossary ...` and linked in every HTML and Markdown document any plugin renders.
public struct GlossaryPlugin: EthicsPlugin {
    public static var command: any ParsableCommand.Type { GlossaryCommand.self }

    public let settings: GlossarySettings
    private let store: GlossaryStore

    public init(settings: GlossarySettings, context: PluginContext) {
        self.settings = settings
        let loader = GlossaryLoader(attributes: context.model.attributes)
        store = GlossaryStore(files: settings.files, loader: loader)
    }

    /// The council's glossary, loaded on first use.
    public func glossary() throws(DiagnosticError) -> Glossary {
        try store.glossary()
    }

    /// Links terms in each document written as HTML or Markdown, unless the configuration says
    /// `link-terms: false`: a document hook, run late so that the appendix it adds comes last. If
    /// the glossary cannot be loaded the hook fails, the host logs why, and the document is
    /// written unlinked.
    public func activate(_ activation: PluginActivation) throws {
        guard settings.linkTerms else { return }
        let store = store
        activation.hook(DocumentHook(name: "link-terms", order: 100) { document in
            TermLinker(glossary: try store.glossary()).link(document)
        })
    }

    public func checkContent() throws(DiagnosticError) {
        _ = try store.glossary()
    }
}
