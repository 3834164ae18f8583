/// The bounds every YAML read is held to, so that a hostile or mistaken file is refused quickly
/// with a clear message instead of exhausting memory or the stack.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file read at all, in bytes; checked before the file is read.
    public var maxFileSize: Int
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// How many nodes aliases may add to the document when counted as if expanded. Aliases are
    /// never copied (an alias shares its anchor's node), but a decoder walks what they point at,
    /// so this bound is what keeps an alias bomb from turning into billions of decode steps.
    public var maxAliasExpansion: Int
    /// How many bytes of scalar text aliases may add when counted as if expanded: a few aliases
    /// of one huge scalar are as costly to walk (or to copy when configurations are merged) as
    /// many aliases of small ones.
    public var maxAliasExpansionBytes: Int
    /// Most diagnostics reported from one file; past this a final line says how many were left out.
    public var maxDiagnostics: Int

    public init(
        maxFileSize: Int = 32 * 1024 * 1024,
        maxDepth: Int = 256,
        maxAliasExpansion: Int = 100_000,
        maxAliasExpansionBytes: Int = 4 * 1024 * 1024,
        maxDiagnostics: Int = 100
    ) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxAliasExpansionBytes = maxAliasExpansionBytes
        self.maxDiagnostics = maxDiagnostics
    }

    public static let `default` = YAMLLimits()
}
