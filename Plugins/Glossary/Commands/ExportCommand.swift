import ArgumentParser
import EthicsCore

/// `ethics glossary export`: the whole glossary in a form to publish or to feed other tools.
struct ExportCommand: PluginCommand {
    typealias Plugin = GlossaryPlugin

    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole glossary as Markdown, HTML, ODT, DOCX, CSV, JSON or SKOS (Turtle or JSON-LD).")

    @Option(name: .customLong("format"), help: "What to write (default: markdown, or the format the output file's name says).")
    var askedFormat: ExportFormat?

    /// `--format`, else the format the output file's name says (`-o glossary.docx`), else Markdown.
    var format: ExportFormat {
        askedFormat ?? output.flatMap(OutputFormat.init(fileName:)).flatMap { ExportFormat(rawValue: $0.rawValue) } ?? .markdown
    }

    @Option(help: "The RDF syntax of a SKOS export.")
    var syntax: SKOSSyntax?

    @Option(name: .customLong("base-iri"), help: ArgumentHelp(
        "For SKOS: the address the glossary will be published at, which concept names (#id) are resolved against; without it they are relative.",
        valueName: "iri"))
    var baseIRI: String?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if format != .skos, syntax != nil || baseIRI != nil {
            throw ValidationError("--syntax and --base-iri apply only to --format skos")
        }
        // As for every document (DocumentDelivery): a file named for one format is not written in
        // another. SKOS has its own names (.ttl, .jsonld), and JSON-LD is JSON.
        if let output, let named = OutputFormat(fileName: output), named.rawValue != format.rawValue,
           !(format == .skos && named == .json && syntax == .jsonLD) {
            throw ValidationError("\(output): the file's name says \(named.rawValue), but the format is \(format.rawValue); "
                + "add --format \(named.rawValue), or name the file for \(format.rawValue)")
        }
    }

    func run(plugin: GlossaryPlugin, context: PluginContext) async throws {
        let glossary = try plugin.glossary()
        if let paper = format.paper {
            // A glossary export is meant to be published, so it is readable by everyone.
            let document = GlossaryDocuments.export(glossary, council: context.model.council, attributes: context.model.attributes)
            try context.write(document, as: paper, to: output, mode: 0o644)
            return
        }
        let text = try render(glossary, context: context)
        if let output {
            // A glossary export is meant to be published, so it is readable by everyone.
            try SafeFile.writeOutput(text, to: output, mode: 0o644)
            context.notices.line("Written to \(output).")
        } else {
            context.output.write(text)
        }
    }

    private func render(_ glossary: Glossary, context: PluginContext) throws -> String {
        let title = "Glossary of \(context.model.council.name)"
        switch format {
        case .markdown, .html, .odt, .docx:
            let document = GlossaryDocuments.export(glossary, council: context.model.council, attributes: context.model.attributes)
            return try context.renderer.render(document, as: format.paper ?? (format == .html ? .html : .markdown))
        case .csv:
            return try context.renderer.render(GlossaryDocuments.exportTable(glossary), as: .csv)
        case .json:
            return try GlossaryJSON(glossary).encoded()
        case .skos:
            let vocabulary = SKOSVocabulary(glossary: glossary, title: title, baseIRI: baseIRI)
            switch syntax ?? .turtle {
            case .turtle: return SKOSTurtleWriter.write(vocabulary)
            case .jsonLD: return try SKOSJSONLDWriter.write(vocabulary)
            }
        }
    }
}

extension ExportFormat {
    /// The renderer's format for a paper, written as a file (or down a pipe); nil for text exports.
    var paper: OutputFormat? {
        switch self {
        case .odt: .odt
        case .docx: .docx
        default: nil
        }
    }
}
