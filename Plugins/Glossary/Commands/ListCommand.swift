import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics glossary list`: every entry, or those with given attributes, tags or kind.
struct ListCommand: PluginCommand {
    typealias Plugin = GlossaryPlugin

    /// Which entries `--kind` keeps: all terms, all resources, or one type of resource.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case term, resource, standard, guidance, tool, code, legislation, publication

        /// As a choice in a form: "Terms", "Tools".
        var label: String {
            switch self {
            case .term: "Terms"
            case .resource: "Resources of every type"
            default: rawValue.prefix(1).uppercased() + rawValue.dropFirst() + (self == .legislation ? "" : "s")
            }
        }

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

    static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .csv, .odt, .docx]
    @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text, lead: "How to write the list"), valueName: "format"))
    var askedFormat: OutputFormat?
    /// `--format`, else the format the output file's name says, else text.
    var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    func validate() throws {
        try format.require(oneOf: OutputFormat.documentFormats + [.csv])
    }

    func run(plugin: GlossaryPlugin, context: PluginContext) async throws {
        let document = try plugin.list(attributes: attributes, tags: tags, kind: kind, catalog: context.model.attributes)
        try context.write(document, as: format, to: output)
    }
}
