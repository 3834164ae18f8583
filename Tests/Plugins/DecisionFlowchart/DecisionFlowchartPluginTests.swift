import EthicsCore
import Testing
@testable import DecisionFlowchart

@Suite struct DecisionFlowchartPluginTests {
    @Test func descriptorComesFromTheManifest() {
        #expect(DecisionFlowchartPlugin.descriptor.id == "decision-flowchart")
        #expect(DecisionFlowchartPlugin.descriptor.publishes == ["decision.started", "decision.step", "decision.recorded"])
        #expect(DecisionFlowchartPlugin.descriptor.listens == ["codes.mapped"])
    }
}
