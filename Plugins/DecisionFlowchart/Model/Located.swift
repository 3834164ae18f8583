public import EthicsDiagnostics
import EthicsYAML

/// A value written in a flowchart or answers file together with where it was written, so that
/// a reference to a node that does not exist is reported at its own line and column.
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

extension SourceLocation {
    /// Stands in for the position of a value that was never written (a decoding placeholder);
    /// such values are never reported, since their file already failed to decode.
    static let unknown = SourceLocation(file: "", line: 0, column: 0)
}
