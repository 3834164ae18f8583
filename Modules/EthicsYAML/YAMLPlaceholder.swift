/// A type that can stand in for itself after a reported problem, so decoding goes on to find
/// the file's other problems.
///
/// The decoder makes stand-ins for most types from nothing (empty strings, zero, empty lists).
/// A type whose `init(from:)` validates (a date that must be a real day) cannot be built from
/// nothing; without a placeholder, one bad value would stop the checking of everything around it.
public protocol YAMLPlaceholderProviding {
    static var yamlPlaceholder: Self { get }
}
