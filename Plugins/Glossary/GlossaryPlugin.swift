public import ArgumentParser
public import EthicsCore
public import EthicsDiagnostics

/// The glossary plugin: terms and resources from the council's content files, looked up with
/// `ethics glossary ...` and linked in every HTML and Markdown document any plugin renders.
public struct GlossaryPlugin: EthicsPlugin {
    public static var command: any ParsableCommand.Type { GlossaryCommand.self }

    /// What the browser (`ethics serve`) offers, from the same documents as the hand-written
    /// commands: search, one entry in full, and the list. The command line keeps its own tree.
    public static let operations: [PluginOperation<GlossaryPlugin>] = [
        PluginOperation(
            "search", summary: "Search the glossary",
            input: [FormField(id: "query", label: "What to look for", help: "A term, an alternative label, a near spelling, or words from a definition.", kind: .text)],
            positional: ["query"]
        ) { plugin, input, _ in
            let text = input.answers.text("query") ?? ""
            guard !text.trimmingBlanks.isEmpty else { throw DiagnosticError.error("give something to search for") }
            return GlossaryDocuments.searchResults(for: text, hits: try plugin.glossary().search(text, limit: 10))
        },
        PluginOperation(
            "show", summary: "Show a glossary entry",
            input: [FormField(id: "term", label: "The entry's id, label or alternative label", kind: .text)],
            positional: ["term"]
        ) { plugin, input, context in
            let glossary = try plugin.glossary()
            let name = input.answers.text("term") ?? ""
            guard let entry = glossary.resolve(name) else {
                let near = glossary.search(name, limit: 3).map { "'\($0.entry.label)' (\($0.entry.id))" }
                throw DiagnosticError.error(
                    "the glossary has no entry called '\(name)'",
                    suggestion: near.isEmpty ? "try 'ethics glossary search'" : "did you mean \(near.joined(separator: ", or "))?")
            }
            return GlossaryDocuments.entry(entry, in: glossary, attributes: context.model.attributes)
        },
        PluginOperation(
            "list", summary: "List the glossary's entries",
            input: [
                FormField(
                    id: "kind", label: "Only",
                    kind: .choice([FormChoice(id: "any", label: "Every kind")] + ListCommand.Kind.allCases.map { FormChoice(id: $0.rawValue, label: $0.label) }),
                    isRequired: false),
                FormField(id: "attribute", label: "Bearing on the attribute", help: "Its id, such as justice or autonomy.", kind: .text, isRequired: false),
                FormField(id: "tag", label: "With the tag", help: "Such as ai or law.", kind: .text, isRequired: false),
            ],
            formats: OutputFormat.documentFormats + [.csv]
        ) { plugin, input, context in
            func words(_ id: String) -> [String] { (input.answers.text(id)?.trimmingBlanks).map { $0.isEmpty ? [] : [$0] } ?? [] }
            return try plugin.list(
                // "Every kind" is a choice of its own, so a browser's radio buttons can go back to it.
                attributes: words("attribute"), tags: words("tag"), kind: input.answers.choice("kind").flatMap(ListCommand.Kind.init(rawValue:)),
                catalog: context.model.attributes)
        },
    ]

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

    /// The entries bearing on any of `attributes`, with any of `tags`, of `kind` (each filter
    /// left out when empty), alphabetically. An attribute the council does not have, or a tag no
    /// entry carries, is almost always a typing mistake; saying so beats an empty list.
    func list(attributes: [String], tags: [String], kind: ListCommand.Kind?, catalog: AttributeCatalog) throws(DiagnosticError) -> Document {
        let glossary = try glossary()
        // Case aside: `Justice` or `AI` typed means the attribute `justice` or the tag `ai`.
        let known = glossary.tags
        let attributes = attributes.map { $0.lowercased() }
        let tags = tags.map { typed in known.first { $0.lowercased() == typed.lowercased() } ?? typed }
        var problems = DiagnosticCollector()
        for attribute in attributes where catalog[attribute] == nil {
            problems.append(.error(
                "there is no attribute '\(attribute)'",
                suggestion: Suggestion.didYouMean(attribute, among: catalog.ids) ?? "the attributes are: \(catalog.ids.joined(separator: ", "))"))
        }
        for tag in tags where !known.contains(tag) {
            problems.append(.error(
                "no entry has the tag '\(tag)'",
                suggestion: Suggestion.didYouMean(tag, among: known) ?? "the tags are: \(known.joined(separator: ", "))"))
        }
        try problems.throwIfErrors()
        let entries = glossary.entries.filter { entry in
            (attributes.isEmpty || entry.attributes.contains(where: attributes.contains))
                && (tags.isEmpty || entry.tags.contains(where: tags.contains))
                && (kind?.includes(entry.kind) ?? true)
        }
        var filters: [String] = []
        if !attributes.isEmpty { filters.append("attribute: " + attributes.joined(separator: " or ")) }
        if !tags.isEmpty { filters.append("tag: " + tags.joined(separator: " or ")) }
        if let kind { filters.append("kind: \(kind.rawValue)") }
        return GlossaryDocuments.entryList(entries, filters: filters, attributes: catalog)
    }

    public func checkContent() throws(DiagnosticError) {
        _ = try store.glossary()
    }
}
