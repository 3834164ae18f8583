import ArgumentParser
import Glibc

/// `ethics --help`: the toolkit's front page, written in swift-argument-parser's own layout
/// (label column 26, two-space indent, its word wrapping) from the root command's
/// configuration.
///
/// Why not `EthicsCommand.helpMessage()`: the help generator reflects over the root command
/// with `Mirror` to find its options, and on a binary of this size each first-time protocol
/// lookup behind that reflection scans every conformance record linked in (about 11,500).
/// Counted with callgrind on a stripped release build, that was 12 of the 20 million
/// instructions `ethics --help` took, against a target of 8 ms for the whole command. Only the
/// root page (`ethics --help`, `-h` and `help`) is written here; every other help screen (a
/// command's `--help`, a usage error) is the parser's. `theFrontPageIsTheParsersHelp` holds the
/// two pages equal at several widths, but for the `--version` row the parser does not write, so
/// the parser's layout stays the one source of truth.
enum FrontPage {
    /// The root's own options, documented on its front page: the two the host takes out of the
    /// line before parsing (declared on ``EthicsCommand`` with these helps), `--version`, which the
    /// host answers before parsing (the parser's own would be offered on every command's help),
    /// and the parser's help.
    static let options: [(label: String, abstract: String)] = [
        (configLabel, EthicsCommand.configHelp.abstract),
        (actingAsLabel, EthicsCommand.actingAsHelp.abstract),
        ("--version", "Show the version."),
        ("-h, --help", "Show help information."),
    ]
    private static let configLabel = "--config <\(EthicsCommand.configHelp.valueName ?? "file")>"
    private static let actingAsLabel = "--as <\(EthicsCommand.actingAsHelp.valueName ?? "name")>"

    /// The page for the bound ``HostEnvironment`` (read through `EthicsCommand.configuration`),
    /// wrapped to `columns`.
    static func text(columns: Int) -> String {
        let configuration = EthicsCommand.configuration
        var overview = configuration.abstract
        if !configuration.discussion.isEmpty {
            overview += (overview.isEmpty ? "" : "\n") + "\n" + configuration.discussion
        }
        let usage = "ethics [\(configLabel)] [\(actingAsLabel)] <subcommand>"
        var sections = [section("OPTIONS", options)]
        if !configuration.ungroupedSubcommands.isEmpty {
            sections.append(section("SUBCOMMANDS", rows(configuration.ungroupedSubcommands)))
        }
        for group in configuration.groupedSubcommands {
            sections.append(section("\(group.name) Subcommands".uppercased(), rows(group.subcommands)))
        }
        return wrapped("OVERVIEW: " + overview, to: columns) + "\n\n"
            + "USAGE: \(usage)\n\n"
            + sections.map { $0(columns) }.filter { !$0.isEmpty }.joined(separator: "\n")
            + "\n  See 'ethics help <subcommand>' for detailed help."
    }

    /// The width the parser would wrap to: `COLUMNS`, else the terminal's width when standard
    /// output is one, else 80.
    static func columns(environment: [String: String], outputIsTerminal: Bool) -> Int {
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }) { return columns }
        var size = winsize()
        if outputIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 80
    }

    private static let indent = 2
    private static let labelColumn = 26

    private static func rows(_ commands: [any ParsableCommand.Type]) -> [(label: String, abstract: String)] {
        commands.compactMap { command in
            let configuration = command.configuration
            guard configuration.shouldDisplay else { return nil }
            return (([command._commandName] + configuration.aliases).joined(separator: ", "), configuration.abstract)
        }
    }

    /// A titled list of labels and their abstracts; empty when there is nothing to list.
    private static func section(_ title: String, _ rows: [(label: String, abstract: String)]) -> (Int) -> String {
        { columns in
            guard !rows.isEmpty else { return "" }
            return title + ":\n" + rows.map { row(label: $0.label, abstract: $0.abstract, columns: columns) }.joined()
        }
    }

    /// A label in the left column and its abstract wrapped in the right one, or below the label
    /// when the label reaches into that column.
    private static func row(label: String, abstract: String, columns: Int) -> String {
        let padded = String(repeating: " ", count: indent) + label
        guard !abstract.isEmpty else { return padded + "\n" }
        let wrappedAbstract = wrapped(abstract, to: columns, indent: labelColumn)
        if padded.count < labelColumn {
            return padded + wrappedAbstract.dropFirst(padded.count) + "\n"
        }
        return padded + "\n" + wrappedAbstract + "\n"
    }

    /// swift-argument-parser's word wrapping: lines of at most `columns` characters, broken at
    /// the last space (a word longer than a line stands alone), existing line breaks kept, and
    /// every non-empty line indented by `indent`.
    static func wrapped(_ text: String, to columns: Int, indent: Int = 0) -> String {
        let width = columns - indent
        guard width > 0 else { return "" }
        var lines: [Substring] = []
        var current = text.startIndex
        while true {
            let chunk = text[current...].prefix(width)
            if let lineBreak = chunk.lastIndex(of: "\n") {
                lines.append(contentsOf: text[current..<lineBreak].split(separator: "\n", omittingEmptySubsequences: false))
                current = text.index(after: lineBreak)
            } else if chunk.endIndex == text.endIndex {
                lines.append(text[current...])
                break
            } else if let space = chunk.lastIndex(of: " ") {
                lines.append(text[current..<space])
                current = text.index(after: space)
            } else if let space = text[current...].firstIndex(of: " ") {
                lines.append(text[current..<space])
                current = text.index(after: space)
            } else {
                lines.append(text[current...])
                break
            }
        }
        let margin = String(repeating: " ", count: indent)
        return lines.map { $0.isEmpty ? "" : margin + $0 }.joined(separator: "\n")
    }
}
