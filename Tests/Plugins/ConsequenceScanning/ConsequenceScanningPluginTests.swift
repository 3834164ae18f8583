import EthicsCore
import EthicsTestSupport
import Testing
@testable import ConsequenceScanning

@Suite struct ConsequenceScanningPluginTests {
    @Test func descriptorComesFromTheManifest() {
        #expect(ConsequenceScanningPlugin.descriptor.id == "consequence-scanning")
    }

    @Test func statusShowsTheCouncilAndItsAttributes() async throws {
        let context = TestContext.make(council: Council(id: "testshire", name: "Testshire Council"))
        let plugin = ConsequenceScanningPlugin(settings: .init(heading: "Status"), context: context.plugin)
        let status = try #require(ConsequenceScanningPlugin.operations.first { $0.name == "status" })
        let document = try await status.run(plugin, OperationInput(answers: FormAnswers(), forms: NoForms()), context.plugin)
        let markdown = try context.plugin.renderer.render(document, as: .markdown)
        #expect(markdown.contains("Testshire Council"))
        #expect(markdown.contains("Explicability"))
        #expect(markdown.contains("# Status"))
    }
}
