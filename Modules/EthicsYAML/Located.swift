public import EthicsDiagnostics

/// A value decoded from YAML together with where it was written, so that a reference to
/// something that does not exist (a flowchart node, a code clause) is reported at its own line
/// and column rather than at the file or the list holding it.
public struct Located<Value: Decodable & Sendable & Hashable>: Decodable, Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public init(from decoder: any Decoder) throws {
        let node = try? YAMLNode(from: decoder)
        value = try decoder.singleValueContainer().decode(Value.self)
        location = node?.location ?? .unknown
    }
}
