import ArgumentParser
import EthicsCore
import EthicsDiagnostics

/// `ethics plugins`: every plugin compiled into this binary and whether the configuration
/// enables it, so a council can see what it could switch on.
struct PluginsCommand: HostCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the plugins compiled into this toolkit and whether the configuration enables them.")

    static let formats: [OutputFormat] = [.text, .markdown, .html, .json, .csv, .odt, .docx]
    @Option(name: .customLong("format"), help: ArgumentHelp(OutputFormat.optionHelp(Self.formats, otherwise: .text), valueName: "format"))
    var askedFormat: OutputFormat?
    /// `--format`, else the format the output file's name says, else text.
    var format: OutputFormat { .chosen(askedFormat, output: output, supported: Self.formats, otherwise: .text) }

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (needed for odt and docx on a terminal).", valueName: "file"))
    var output: String?

    func run(session: HostSession) async throws {
        let rows = session.registry.plugins.map { plugin -> [Table.Cell] in
            let descriptor = plugin.descriptor
            return [
                Table.Cell([.code(descriptor.id)]), Table.Cell(stringLiteral: descriptor.version),
                Table.Cell(stringLiteral: status(of: descriptor.id, in: session.config)),
                Table.Cell(stringLiteral: descriptor.summary),
            ]
        }
        var document = Document(title: "Plugins", metadata: [.init("Configuration", session.config.file)])
        if rows.isEmpty {
            document.append(.paragraph("No plugins are compiled in. Create one with Tools/new-plugin <id>."))
        } else {
            document.append(.table(Table(
                caption: [.text("Plugins compiled into ethics \(ToolkitVersion.current)")],
                header: ["Plugin", "Version", "Enabled", "Summary"],
                rows: rows, hasRowHeaders: true)))
        }
        try session.write(document, as: format, to: output)
    }

    private func status(of id: String, in config: LoadedConfig) -> String {
        guard let entry = config.entry(for: id) else { return "no" }
        return entry.enabled ? "yes" : "no (switched off at \(entry.location))"
    }
}
