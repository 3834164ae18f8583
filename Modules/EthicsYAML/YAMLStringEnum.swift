/// A string-valued enum that the YAML decoder reads with a helpful message: an unknown value is
/// reported with the closest valid one and the full list, and decoding of the rest of the file
/// carries on so every mistake is reported at once.
///
/// Conform an enum used in configuration or content (`enum Verdict: String, YAMLStringEnum`).
/// Other enums still decode, but an unknown value then stops decoding of the enclosing value.
public protocol YAMLStringEnum: RawRepresentable, CaseIterable, Decodable, Sendable where RawValue == String {}

extension YAMLStringEnum {
    /// From YAML, through the decoder's own reading of an enum (the message above); from any other
    /// decoder (JSON), as the standard library decodes a `String` raw value.
    ///
    /// The YAML decoder recognises these enums by this initialiser rather than by asking
    /// `T.self as? any YAMLStringEnum.Type` of every type it decodes: that cast costs the Swift
    /// runtime a search of every conformance in the program for each new type, a noticeable share
    /// of a command's start-up.
    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? NodeDecoder {
            guard let value = decoder.run.decodeEnum(Self.self, node: decoder.node, path: decoder.path, key: nil) else {
                throw DecodingAborted()
            }
            self = value
            return
        }
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "Cannot initialize \(Self.self) from invalid String value \(raw)"))
        }
        self = value
    }
}
