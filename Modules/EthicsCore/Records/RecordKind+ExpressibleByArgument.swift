public import ArgumentParser

/// Lets commands declare `@Option var kind: RecordKind?` and list the kinds in `--help`.
extension RecordKind: ExpressibleByArgument {}
