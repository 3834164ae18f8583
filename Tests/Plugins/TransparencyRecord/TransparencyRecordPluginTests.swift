import EthicsCore
import EthicsTestSupport
import Testing
@testable import TransparencyRecord

@Suite struct TransparencyRecordPluginTests {
    @Test func descriptorComesFromTheManifest() {
        #expect(TransparencyRecordPlugin.descriptor.id == "transparency-record")
    }

    @Test func statusShowsTheCouncilAndItsAttributes() async throws {
        let context = TestContext.make(council: Council(id: "testshire", name: "Testshire Council"))
        let plugin = TransparencyRecordPlugin(settings: .init(heading: "Status"), context: context.plugin)
        let status = try #require(TransparencyRecordPlugin.operations.first { $0.name == "status" })
        let document = try await status.run(plugin, OperationInput(answers: FormAnswers(), forms: NoForms()), context.plugin)
        let markdown = try context.plugin.renderer.render(document, as: .markdown)
        #expect(markdown.contains("Testshire Council"))
        #expect(markdown.contains("Explicability"))
        #expect(markdown.contains("# Status"))
    }
}
