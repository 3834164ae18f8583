import EthicsCore
import EthicsDiagnostics
import EthicsRender
import EthicsTestSupport
@testable import Glossary
import Logging

/// Glossaries, content files and plugin contexts shared by the glossary's tests.
enum Fixtures {
    /// The repository's root, found from this file's place in Tests/Plugins/Glossary.
    static let repository: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)
        return parts.joined(separator: "/")
    }()

    static let shippedGlossaryFiles = ["digital-ethics", "public-standards", "data-and-ai", "resources"]
        .map { "\(repository)/Configs/content/glossary/\($0).yaml" }

    /// The five attributes as the toolkit ships them.
    static func shippedAttributes() throws -> AttributeCatalog {
        try AttributeCatalog.load(files: [ContentPath(path: "\(repository)/Configs/content/attributes.yaml", written: "content/attributes.yaml", location: SourceLocation(file: "\(repository)/Configs/toolkit.yaml", line: 1, column: 1))])
    }

    static let attributes = AttributeCatalog(["beneficence", "non-maleficence", "autonomy", "justice", "explicability"].map {
        Attribute(id: $0, name: $0.prefix(1).uppercased() + $0.dropFirst(), summary: "")
    })

    static let provenance = Provenance(
        source: "Test pack", publisher: "Tests", url: "https://example.org/pack", licence: "CC0",
        retrieved: CalendarDate(year: 2026, month: 11, day: 22)!)

    /// A small glossary built in code, with every feature the search and the linker use.
    static let glossary = Glossary(entries: [
        GlossaryEntry(
            id: "algorithmic-bias", label: "Algorithmic bias", altLabels: ["AI bias", "machine bias"],
            definition: "Systematic unfairness in how an algorithmic tool treats people.",
            seeAlso: ["fairness"], attributes: ["justice"], tags: ["ai"], sources: [.entry("data-ethics-framework")],
            provenance: provenance),
        GlossaryEntry(
            id: "algorithm", label: "Algorithm", definition: "Step-by-step instructions for reaching a result.",
            tags: ["ai"], sources: [.entry("data-ethics-framework")], provenance: provenance),
        GlossaryEntry(
            id: "fairness", label: "Fairness", definition: "Treating people without unjust discrimination.",
            seeAlso: ["algorithmic-bias"], attributes: ["justice"], tags: ["equality"],
            sources: [.entry("data-ethics-framework")], provenance: provenance),
        GlossaryEntry(
            id: "data-protection", label: "Data protection",
            definition: "Handling personal data lawfully, fairly and securely.",
            attributes: ["non-maleficence"], tags: ["privacy"], sources: [.entry("data-ethics-framework")], provenance: provenance),
        GlossaryEntry(
            id: "dpia", label: "Data protection impact assessment", altLabels: ["DPIA"],
            definition: "An assessment of the data protection risks of a project, made before it starts.",
            seeAlso: ["data-protection"], tags: ["privacy"], sources: [.entry("data-ethics-framework")], provenance: provenance),
        GlossaryEntry(
            id: "information-technology", label: "Information technology", altLabels: ["IT"],
            definition: "Computers and networks used to handle information.", sources: [.entry("data-ethics-framework")],
            provenance: provenance),
        GlossaryEntry(
            id: "policy", label: "Policy", definition: "A course of action a council agrees to follow.",
            sources: [.entry("data-ethics-framework")], provenance: provenance),
        GlossaryEntry(
            id: "data-ethics-framework", kind: .resource(.guidance), label: "Data Ethics Framework",
            definition: "Government guidance on transparency, accountability and fairness in data projects.",
            attributes: ["explicability"], tags: ["data"], publisher: "Central Digital and Data Office",
            url: "https://www.gov.uk/government/publications/data-ethics-framework", provenance: provenance),
    ])

    /// A plugin context whose output is captured, with a real renderer and its own hooks.
    static func context(attributes: AttributeCatalog = attributes) -> (context: PluginContext, output: @Sendable () -> String) {
        let (sink, contents) = OutputSink.buffer()
        let context = PluginContext(
            model: DataModel(council: Council(id: "testshire", name: "Testshire County Council"), attributes: attributes),
            renderer: Renderer(hooks: DocumentHooks()), logger: Logger(label: "glossary-tests"),
            register: Register(engine: InMemoryRecordRegister(), bus: EventBus()), workspace: "/nonexistent",
            configFile: "ethics.yaml", output: sink)
        return (context, contents)
    }

    /// Activates `plugin` on the hooks of `context`'s renderer, as the host does.
    static func activate(_ plugin: GlossaryPlugin, in context: PluginContext) throws {
        guard let renderer = context.renderer as? Renderer else { return }
        try plugin.activate(PluginActivation(
            plugin: GlossaryPlugin.descriptor, bus: EventBus(), hooks: renderer.hooks, capabilities: context.capabilities))
    }

    /// The plugin over the shipped content, activated on its context's renderer.
    static func shippedPlugin() throws -> (plugin: GlossaryPlugin, context: PluginContext, output: @Sendable () -> String) {
        let (context, output) = Fixtures.context(attributes: try shippedAttributes())
        let files = shippedGlossaryFiles.map {
            ContentPath(path: $0, written: $0, location: SourceLocation(file: "ethics.yaml", line: 1, column: 1))
        }
        let plugin = GlossaryPlugin(settings: GlossarySettings(files: files), context: context)
        try activate(plugin, in: context)
        return (plugin, context, output)
    }
}

extension TemporaryDirectory {
    /// Writes a glossary content file with the standard provenance in front of `body`.
    @discardableResult
    func writePack(_ body: String, to name: String) throws -> String {
        try write("""
            provenance:
              source: Test pack
              publisher: Tests
              url: https://example.org/pack
              licence: CC0
              retrieved: 2026-11-22
            \(body)
            """, to: name)
    }
}
