/// What a plugin connects to when the host activates it, once per run after every enabled plugin
/// has been created: facts it listens to, hooks on documents, and capabilities it provides.
///
/// ```swift
/// func activate(_ activation: PluginActivation) throws {
///     try activation.listen(to: DecisionRecorded.self) { decision in … }
///     activation.hook(DocumentHook(name: "glossary.link-terms") { linker.link($0) })
///     try activation.provide((any EngagedDutiesFinder).self, finder)
/// }
/// ```
///
/// Every connection is explicit and named after the plugin, so failures and clashes say whose
/// they are, and a topic the manifest does not list under `listens` is refused.
public struct PluginActivation: Sendable {
    public let plugin: PluginDescriptor
    private let bus: EventBus
    private let hooks: DocumentHooks
    private let capabilities: Capabilities

    public init(plugin: PluginDescriptor, bus: EventBus, hooks: DocumentHooks, capabilities: Capabilities) {
        self.plugin = plugin
        self.bus = bus
        self.hooks = hooks
        self.capabilities = capabilities
    }

    /// Hears every fact of type `E` once the write that kept it has committed.
    /// - Throws: ``UndeclaredTopic`` when the manifest's `listens` does not cover `E.topic`.
    public func listen<E: Event>(
        to type: E.Type, _ handler: @escaping @Sendable (E) async throws -> Void
    ) throws(UndeclaredTopic) {
        let declared = plugin.listens.contains { (try? TopicPattern($0))?.matches(E.topic) ?? false }
        guard declared else { throw UndeclaredTopic(plugin: plugin.id, topic: E.topic, key: "listens") }
        bus.subscribe(to: type, name: "\(plugin.id).\(E.topic)", handler)
    }

    /// Adds a step the renderer applies to documents before they are written.
    public func hook(_ hook: DocumentHook) {
        var hook = hook
        if !hook.name.hasPrefix(plugin.id + ".") { hook.name = "\(plugin.id).\(hook.name)" }
        hooks.add(hook)
    }

    /// Answers `type` for every other plugin (see ``Capabilities``).
    public func provide<C: Sendable>(_ type: C.Type, _ value: C) throws(DuplicateCapability) {
        try capabilities.provide(type, by: plugin.id, value)
    }
}
