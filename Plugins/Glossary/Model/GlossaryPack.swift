public import EthicsCore

/// One content file as loaded: where it was and where its content came from.
public struct GlossaryPack: Hashable, Sendable {
    public var file: String
    public var provenance: Provenance
    /// How many entries the file contributed, counting those that replaced an earlier entry.
    public var entryCount: Int

    public init(file: String, provenance: Provenance, entryCount: Int) {
        self.file = file
        self.provenance = provenance
        self.entryCount = entryCount
    }
}
