import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics glossary list`: every entry, or those with given attributes, tags or kind.
struct ListCommand: PluginCommand {
    typealias Plugin = GlossaryPlugin

    /// Which entries `--kind` keeps: all terms, all resources, or one type of resource.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case term, resource, standard, guidance, tool, code, legislation, publication

        func includes(_ kind: EntryKind) -> Bool {
            switch (self, kind) {
            case (.term, .term), (.resource, .resource): true
            case (_, .resource(let type)): type.rawValue == rawValue
            default: false
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entries, alphabetically; filter by attribute, tag or kind.",
        discussion: """
            Repeating an option widens it (--tag ai --tag data: entries tagged either); different \
            options narrow each other (--attribute justice --kind term: terms about justice).
            """)

    @Option(name: .customLong("attribute"), help: "Only entries bearing on this attribute of ethical practice.")
    var attributes: [String] = []

    @Option(name: .customLong("tag"), help: "Only entries with this tag.")
    var tags: [String] = []

    @Option(help: "Only terms, only resources, or one type of resource.")
    var kind: Kind?

    @Option(help: "How to write the list: text, markdown, html, json, csv, odt or docx.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    func validate() throws {
        try format.require(oneOf: OutputFormat.documentFormats + [.csv])
    }

    func run(plugin: GlossaryPlugin, context: PluginContext) async throws {
        let glossary = try plugin.glossary()
        try checkFilters(glossary: glossary, catalog: context.model.attributes)
        let entries = glossary.entries.filter { entry in
            (attributes.isEmpty || entry.attributes.contains(where: attributes.contains))
                && (tags.isEmpty || entry.tags.contains(where: tags.contains))
                && (kind?.includes(entry.kind) ?? true)
        }
        var filters: [String] = []
        if !attributes.isEmpty { filters.append("attribute: " + attributes.joined(separator: " or ")) }
        if !tags.isEmpty { filters.append("tag: " + tags.joined(separator: " or ")) }
        if let kind { filters.append("kind: \(kind.rawValue)") }
        let document = GlossaryDocuments.entryList(entries, filters: filters, attributes: context.model.attributes)
        try context.write(document, as: format, to: output)
    }

    /// An attribute the council does not have, or a tag no entry carries, is almost always a
    /// typing mistake; saying so beats printing an empty list.
    private func checkFilters(glossary: Glossary, catalog: AttributeCatalog) throws(DiagnosticError) {
        var problems = DiagnosticCollector()
        for attribute in attributes where catalog[attribute] == nil {
            problems.append(.error(
                "there is no attribute '\(attribute)'",
                suggestion: Suggestion.didYouMean(attribute, among: catalog.ids)
                    ?? "the attributes are: \(catalog.ids.joined(separator: ", "))"))
        }
        let known = glossary.tags
        for tag in tags where !known.contains(tag) {
            problems.append(.error(
                "no entry has the tag '\(tag)'",
                suggestion: Suggestion.didYouMean(tag, among: known) ?? "the tags are: \(known.joined(separator: ", "))"))
        }
        try problems.throwIfErrors()
    }
}
