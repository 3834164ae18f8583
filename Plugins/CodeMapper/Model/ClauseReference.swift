import EthicsDiagnostics
import EthicsYAML

/// A clause id written in content (a clause's `related:` list), with where it was written, so
/// that an id naming no clause is reported at its own line.
struct ClauseReference: Decodable, Sendable, Hashable {
    var id: String
    var location: SourceLocation

    init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }

    init(from decoder: any Decoder) throws {
        let node = try? YAMLNode(from: decoder)
        id = try decoder.singleValueContainer().decode(String.self)
        location = node?.location ?? .unknown
    }
}

extension SourceLocation {
    /// Stands in for the position of a value that was never written (a decoding placeholder);
    /// such values are never reported, since their file already failed to decode.
    static let unknown = SourceLocation(file: "", line: 0, column: 0)
}
