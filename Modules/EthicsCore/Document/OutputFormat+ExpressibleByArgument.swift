public import ArgumentParser

/// Lets every command declare `@Option(name: .customLong("format")) var askedFormat: OutputFormat?`
/// (its help from ``OutputFormat/optionHelp(_:otherwise:lead:)``, its format from
/// ``OutputFormat/chosen(_:output:supported:otherwise:)``) and get shell completion for free.
extension OutputFormat: ExpressibleByArgument {
    /// None: each command's `--format` help lists the formats that command writes
    /// (``OutputFormat/optionHelp(_:otherwise:lead:)``), and swift-argument-parser would otherwise
    /// add every format the renderer knows after it, and again when a value is refused.
    public static var allValueStrings: [String] { [] }

    /// Completion still offers every format; a command refuses one it does not write, by name.
    public static var defaultCompletionKind: CompletionKind { .list(allCases.map(\.rawValue)) }
}
