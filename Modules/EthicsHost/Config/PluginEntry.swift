public import EthicsDiagnostics
public import EthicsYAML

/// One plugin as the configuration names it under `plugins:`.
///
/// `id: true` or `id:` alone enables it with default settings, `id: false` disables it, and a
/// mapping enables it with those settings (`enabled: false` inside it disables it too, so a
/// council can switch off a plugin without losing its settings).
public struct PluginEntry: Sendable {
    public var id: String
    public var enabled: Bool
    /// The settings mapping with `enabled` removed, positioned where it was written.
    public var settings: YAMLNode
    /// Where the plugin's key is written, for messages.
    public var location: SourceLocation

    static func read(key: YAMLNode, value: YAMLNode) throws(DiagnosticError) -> PluginEntry {
        let id = key.text ?? ""
        switch value.kind {
        case .scalar where value.isNull:
            return PluginEntry(id: id, enabled: true, settings: YAMLOverlay.emptyMapping(at: key), location: key.location)
        case .scalar:
            guard case .bool(let enabled) = value.scalar?.value else {
                let written = value.text ?? ""
                // YAML 1.1 read these as booleans; YAML 1.2, which the toolkit follows, reads them as text.
                let switchWord: Bool? = switch written.lowercased() {
                case "no", "off", "n", "disabled", "disable": false
                case "yes", "on", "y", "enabled", "enable": true
                default: nil
                }
                throw .error("expected true, false or a mapping of settings for plugin '\(id)', found '\(written)'",
                             at: value.location, keyPath: "plugins.\(id)",
                             suggestion: switchWord.map { "switch it \($0 ? "on with true" : "off with false"); '\(written)' is text in YAML 1.2, not a yes or no" })
            }
            return PluginEntry(id: id, enabled: enabled, settings: YAMLOverlay.emptyMapping(at: key), location: key.location)
        case .sequence:
            throw .error("expected true, false or a mapping of settings for plugin '\(id)', found a list",
                         at: value.location, keyPath: "plugins.\(id)")
        case .mapping:
            var enabled = true
            if let flag = value["enabled"] {
                guard case .bool(let on) = flag.scalar?.value else {
                    throw .error("expected true or false", at: flag.location, keyPath: "plugins.\(id).enabled")
                }
                enabled = on
            }
            let settings = try YAMLOverlay.overlay(value, on: nil, dropping: ["enabled"])
            return PluginEntry(id: id, enabled: enabled, settings: settings, location: key.location)
        }
    }
}
