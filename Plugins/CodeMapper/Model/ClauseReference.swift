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
        let located = try Located<String>(from: decoder)
        self.init(id: located.value, location: located.location)
    }
}
