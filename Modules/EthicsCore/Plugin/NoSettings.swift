/// The settings of a plugin that has none: any key under its `plugins.<id>` section is an
/// unknown key, reported like any other.
public struct NoSettings: Decodable, Sendable, Hashable {
    public init() {}

    public init(from decoder: any Decoder) throws {
        // Opening the mapping (and asking for nothing) is what makes every key in it unknown.
        _ = try decoder.container(keyedBy: NoKeys.self)
    }

    private enum NoKeys: CodingKey {}
}
