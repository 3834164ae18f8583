import Foundation

/// A fact as the journal keeps it: JSON with sorted keys, dates in ISO 8601, so equal facts give
/// equal bytes and the chain's hashes are reproducible.
public enum EventJSON {
    public static func encode<E: Event>(_ event: E) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }

    public static func decode<E: Event>(_ type: E.Type, from payload: String) throws -> E {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(payload.utf8))
    }
}
