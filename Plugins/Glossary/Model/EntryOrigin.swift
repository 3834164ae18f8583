public import EthicsDiagnostics

/// Where an entry and its parts were written, so that `lint` and `config check` can send the
/// reader to the exact line.
///
/// The lists run parallel to the entry's own: `seeAlso[2]` was written at `seeAlso[2]` here.
public struct EntryOrigin: Hashable, Sendable {
    public var entry: SourceLocation
    public var label: SourceLocation
    public var altLabels: [SourceLocation]
    public var seeAlso: [SourceLocation]
    public var sources: [SourceLocation]

    public init(
        entry: SourceLocation, label: SourceLocation, altLabels: [SourceLocation] = [],
        seeAlso: [SourceLocation] = [], sources: [SourceLocation] = []
    ) {
        self.entry = entry
        self.label = label
        self.altLabels = altLabels
        self.seeAlso = seeAlso
        self.sources = sources
    }
}
