// What a plugin needs comes with `import EthicsCore`: diagnostics with positions, the YAML layer
// that content is read with (`Located`, `ContentPath`'s documents) and the logger in its context.
// A plugin author should not have to learn which module each type lives in.
@_exported public import EthicsDiagnostics
@_exported public import EthicsYAML
@_exported public import Logging
