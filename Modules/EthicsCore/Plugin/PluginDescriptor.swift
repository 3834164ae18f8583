/// What the host and the user know about a plugin without running it: the one line shown in
/// `ethics --help`, the version shown by `ethics plugins`, the facts it speaks and the records it
/// keeps.
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
    /// Topics of the facts this plugin publishes; the register refuses any other.
    public var publishes: [String]
    /// Topics or patterns (`decision.*`) this plugin listens to; activation refuses any other.
    public var listens: [String]
    /// The kinds of record this plugin keeps in the register.
    public var recordKinds: [RecordKind]

    public init(
        id: String, name: String, summary: String, version: String, publishes: [String] = [], listens: [String] = [],
        recordKinds: [RecordKind] = []
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.version = version
        self.publishes = publishes
        self.listens = listens
        self.recordKinds = recordKinds
    }
}
