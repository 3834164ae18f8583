import EthicsCore
import EthicsRender
import EthicsTestSupport
import Testing
@testable import CanvasBuilder

@Suite struct CanvasBuilderPluginTests {
    @Test func descriptorComesFromTheManifest() {
        #expect(CanvasBuilderPlugin.descriptor.id == "canvas-builder")
    }

    @Test func statusShowsTheCouncilAndItsAttributes() throws {
        let context = TestContext.make(council: Council(id: "testshire", name: "Testshire Council"))
        let plugin = try CanvasBuilderPlugin(settings: .init(heading: "Status"), context: context.plugin)
        let markdown = try Renderer().render(plugin.statusDocument(), as: .markdown)
        #expect(markdown.contains("Testshire Council"))
        #expect(markdown.contains("Explicability"))
        #expect(markdown.contains("# Status"))
    }
}
