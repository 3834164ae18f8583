/// A string-valued enum that the YAML decoder reads with a helpful message: an unknown value is
/// reported with the closest valid one and the full list, and decoding of the rest of the file
/// carries on so every mistake is reported at once.
///
/// Conform an enum used in configuration or content (`enum Verdict: String, YAMLStringEnum`).
/// Other enums still decode, but an unknown value then stops decoding of the enclosing value.
public protocol YAMLStringEnum: RawRepresentable, CaseIterable, Decodable, Sendable where RawValue == String {}
