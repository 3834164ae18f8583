/// What the host and the user know about a plugin without running it: the one line shown in
/// `ethics --help`, the version shown by `ethics plugins`, and the events it speaks.
///
/// Each plugin's descriptor is generated from its `plugin.yaml` by `Tools/register-plugins`, so
/// the manifest is the one place these facts are written.
public struct PluginDescriptor: Sendable, Hashable, Codable {
    /// What users type: `ethics <id> ...`; also the plugin's key under `plugins:` in the config.
    public var id: String
    public var name: String
    /// One line, shown in `ethics --help`.
    public var summary: String
    public var version: String
    /// Topics this plugin publishes.
    public var publishes: [String]
    /// Topics or patterns (`decision.*`) this plugin listens to.
    public var listens: [String]

    public init(id: String, name: String, summary: String, version: String, publishes: [String] = [], listens: [String] = []) {
        self.id = id
        self.name = name
        self.summary = summary
        self.version = version
        self.publishes = publishes
        self.listens = listens
    }
}
