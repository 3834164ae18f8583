import ArgumentParser
import Foundation
import Synchronization

/// Each operations plugin's overview, once written: swift-argument-parser asks a command for its
/// configuration many times on every run, whatever the command, and the overview lists every
/// operation. (A generic type cannot keep a static value of its own.)
private let overviews = Mutex<[ObjectIdentifier: String]>([:])

/// The help of an operations plugin, made from its operations and their forms, so that what
/// `--help` says is what the command accepts.
enum OperationHelp<Plugin: EthicsPlugin> {
    /// The list of operations, for the plugin's discussion in `ethics <plugin> --help`.
    static var overview: String {
        let key = ObjectIdentifier(Plugin.self)
        if let written = overviews.withLock({ $0[key] }) { return written }
        let written = writeOverview()
        overviews.withLock { $0[key] = written }
        return written
    }

    private static func writeOverview() -> String {
        var lines = ["Operations:"]
        let operations = Plugin.operations
        let width = (operations.map { $0.name.count }.max() ?? 0) + 2
        for operation in operations {
            lines.append("  " + padded(operation.name, to: width) + operation.summary)
        }
        lines.append("")
        lines.append("'ethics \(Plugin.descriptor.id) <operation> --help' shows an operation's options.")
        return lines.joined(separator: "\n")
    }

    static var usage: String {
        "USAGE: ethics \(Plugin.descriptor.id) <operation> [options]\n\n\(Plugin.descriptor.summary)\n\n\(overview)\n"
    }

    static func help(for operation: PluginOperation<Plugin>) -> String {
        var usage = "ethics \(Plugin.descriptor.id) \(operation.name)"
        for id in operation.positional { usage += " [<\(id)>]" }
        usage += " [options]"
        var text = "OVERVIEW: \(operation.summary)\n"
        if !operation.discussion.isEmpty { text += "\n\(operation.discussion)\n" }
        text += "\nUSAGE: \(usage)\n\nOPTIONS:\n"
        var rows: [(String, String)] = []
        for field in operation.input.fields {
            let value: String = switch field.kind {
            case .flag: ""
            case .repeating: ""
            case .choice(let choices), .choices(let choices): " <\(choices.map(\.id).joined(separator: "|"))>"
            case .integer(let range): " <\(range.lowerBound)-\(range.upperBound)>"
            case .date: " <YYYY-MM-DD>"
            case .text, .longText: " <\(field.id)>"
            }
            var description = field.label + (field.isRequired ? "" : " (optional)")
            if let help = field.help { description += ". " + help }
            if case .repeating(_, let itemLabel) = field.kind {
                rows.append(("(answers file or terminal)", "\(field.label): a list of \(itemLabel)s"))
            } else {
                rows.append(("--\(field.id)\(value)", description))
            }
        }
        rows.append(("--answers <file>", "Answer the questions from a YAML file instead of options or the terminal."))
        rows.append(("--format <format>", "Output format: \(operation.formats.map(\.rawValue).joined(separator: ", ")) (default: \(operation.formats[0].rawValue))."))
        rows.append(("-o, --output <file>", "Write the result to this file instead of standard output."))
        for option in CommitteePaperOption.allCases where operation.input.field(option.rawValue) == nil {
            rows.append(("--\(option.rawValue) <\(option.help.valueName ?? "value")>", option.help.abstract))
        }
        rows.append(("-h, --help", "Show help information."))
        let width = min((rows.map { $0.0.count }.max() ?? 0) + 2, 32)
        for (option, description) in rows {
            if option.count + 2 > width {
                text += "  \(option)\n" + String(repeating: " ", count: width + 2) + description + "\n"
            } else {
                text += "  " + padded(option, to: width) + description + "\n"
            }
        }
        return text
    }
}

/// `text` followed by spaces to `width` characters. Written here rather than with Foundation's
/// `padding(toLength:withPad:startingAt:)`, which goes through `NSString`: the overview is written
/// on every run, whatever the command (swift-argument-parser reads each command's configuration),
/// and the bridge's first use was a tenth of a millisecond of it.
private func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}
