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

    /// Links terms in each document about to be written as HTML or Markdown, unless the
    /// configuration says `link-terms: false`. If the glossary cannot be loaded the listener
    /// fails, the host logs why, and the document is written unlinked.
    public func activate(on bus: EventBus) throws {
        guard settings.linkTerms else { return }
        let store = store
        bus.subscribe(to: DocumentRendering.self, name: "glossary.link-terms") { event in
            let linker = TermLinker(glossary: try store.glossary())
            event.draft.update { $0 = linker.link($0) }
        }
    }

    public func checkContent() throws(DiagnosticError) {
        _ = try store.glossary()
    }
}
