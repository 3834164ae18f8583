import EthicsCore
import Testing
@testable import DecisionFlowchart

@Suite struct DecisionFlowchartPluginTests {
    @Test func descriptorComesFromTheManifest() {
        #expect(DecisionFlowchartPlugin.descriptor.id == "decision-flowchart")
        #expect(DecisionFlowchartPlugin.descriptor.publishes == ["decision.recorded"])
        #expect(DecisionFlowchartPlugin.descriptor.listens.isEmpty)
        #expect(DecisionFlowchartPlugin.descriptor.recordKinds == [DecisionFlowchartPlugin.decisionKind])
    }
}
