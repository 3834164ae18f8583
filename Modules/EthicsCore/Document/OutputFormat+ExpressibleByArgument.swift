public import ArgumentParser

/// Lets every plugin declare `@Option var format: OutputFormat = .text` and get the list of
/// formats in `--help` and shell completion for free.
extension OutputFormat: ExpressibleByArgument {}
