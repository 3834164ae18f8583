import EthicsCore
import Testing

@Suite struct InMemoryEventSinkTests {
    @Test func recordsTopicsInOrderAndHandsBackEventsByType() {
        let bus = EventBus()
        let sink = InMemoryEventSink()
        bus.attach(sink)

        bus.publish(DecisionRecorded(id: "D-1"))
        bus.publish(CanvasUpdated(area: "purpose"))
        bus.publish(DecisionRecorded(id: "D-2"))

        #expect(sink.topics == ["decision.recorded", "canvas.updated", "decision.recorded"])
        #expect(sink.events(of: DecisionRecorded.self) == [DecisionRecorded(id: "D-1"), DecisionRecorded(id: "D-2")])
        #expect(sink.events(of: CanvasUpdated.self) == [CanvasUpdated(area: "purpose")])
        #expect(sink.events(of: DecisionStepCompleted.self).isEmpty)
    }

    @Test func clearForgetsWhatWasRecorded() {
        let sink = InMemoryEventSink()
        sink.receive(CanvasUpdated(area: "purpose"))

        sink.clear()
        sink.receive(DecisionStepCompleted(step: 3))

        #expect(sink.topics == ["decision.step.completed"])
    }

    @Test func detachedSinkRecordsNothingMore() {
        let bus = EventBus()
        let sink = InMemoryEventSink()
        let attachment = bus.attach(sink)

        bus.publish(CanvasUpdated(area: "1"))
        bus.unsubscribe(attachment)
        bus.publish(CanvasUpdated(area: "2"))

        #expect(sink.events(of: CanvasUpdated.self) == [CanvasUpdated(area: "1")])
    }
}
