public import EthicsCore

/// The plugins compiled into this binary. The list itself is generated from
/// `Plugins/*/plugin.yaml` by `Tools/register-plugins` into the executable, which passes it here.
public struct PluginRegistry: Sendable {
    public let plugins: [any EthicsPlugin.Type]

    public init(_ plugins: [any EthicsPlugin.Type]) {
        self.plugins = plugins
    }

    public var ids: [String] { plugins.map { $0.descriptor.id } }

    public func plugin(id: String) -> (any EthicsPlugin.Type)? {
        plugins.first { $0.descriptor.id == id }
    }
}
