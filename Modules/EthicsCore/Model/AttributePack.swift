/// A content file of attributes, with the provenance every pack carries.
public struct AttributePack: Codable, Sendable, Hashable {
    public var provenance: Provenance
    public var attributes: [Attribute]
}
