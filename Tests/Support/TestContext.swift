public import EthicsCore
import EthicsRender
import Logging

/// A plugin context for tests: an in-memory event sink on a fresh bus, the five attributes, a
/// real renderer, and output captured instead of printed.
public struct TestContext: Sendable {
    public let plugin: PluginContext
    public let events: InMemoryEventSink
    private let captured: @Sendable () -> String

    /// Everything the plugin wrote to its output so far.
    public var output: String { captured() }

    public static func make(
        council: Council = Council(id: "testshire", name: "Testshire Council"),
        attributes: [Attribute] = TestContext.fiveAttributes,
        workspace: String = "/tmp/ethics-tests",
        configFile: String = "test.yaml"
    ) -> TestContext {
        let bus = EventBus()
        let events = InMemoryEventSink()
        bus.attach(events)
        let (sink, contents) = OutputSink.buffer()
        let context = PluginContext(
            bus: bus, model: DataModel(council: council, attributes: AttributeCatalog(attributes)),
            renderer: Renderer(bus: bus), logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            workspace: workspace, configFile: configFile, output: sink)
        return TestContext(plugin: context, events: events, captured: contents)
    }

    /// The five attributes of ethical practice, as the shipped content pack names them.
    public static let fiveAttributes: [Attribute] = [
        Attribute(id: "beneficence", name: "Beneficence", summary: "Do good."),
        Attribute(id: "non-maleficence", name: "Non-maleficence", summary: "Do no harm."),
        Attribute(id: "autonomy", name: "Autonomy", summary: "People decide for themselves."),
        Attribute(id: "justice", name: "Justice", summary: "Share benefits and burdens fairly."),
        Attribute(id: "explicability", name: "Explicability", summary: "Be understandable and accountable."),
    ]
}
