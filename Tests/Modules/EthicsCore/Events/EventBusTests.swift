import EthicsCore
import Testing

/// The bus delivers kept facts in order, to the subscribers whose type or topic matches, and a
/// failing subscriber neither stops the others nor reaches the publisher.
@Suite struct EventBusTests {
    @Test func typedSubscriberReceivesOnlyItsTypeAsThatType() async {
        let bus = EventBus()
        let received = Recorder<DecisionRecorded>()
        bus.subscribe(to: DecisionRecorded.self, name: "typed") { received.record($0) }

        await bus.deliver(CanvasUpdated(area: "purpose"))
        await bus.deliver(DecisionRecorded(id: "D-1", title: "Use of predictive analytics"))

        #expect(received.values == [DecisionRecorded(id: "D-1", title: "Use of predictive analytics")])
    }

    @Test func patternSubscriberReceivesMatchingTopicsAtAnyDepth() async throws {
        let bus = EventBus()
        let topics = Recorder<String>()
        try bus.subscribe(topic: "decision.*", name: "decisions") { topics.record(type(of: $0).topic) }

        await bus.deliver(DecisionRecorded(id: "D-1"))
        await bus.deliver(CanvasUpdated(area: "purpose"))
        await bus.deliver(DecisionStepCompleted(step: 2))

        #expect(topics.values == ["decision.recorded", "decision.step.completed"])
    }

    @Test func wildcardReceivesEveryTopicInOrderOfSubscription() async throws {
        let bus = EventBus()
        let order = Recorder<String>()
        try bus.subscribe(topic: "*", name: "first") { order.record("first \(type(of: $0).topic)") }
        bus.subscribe(to: DecisionRecorded.self, name: "second") { _ in order.record("second") }

        await bus.deliver(DecisionRecorded(id: "D-1"))
        await bus.deliver(Numbered(publisher: 0, sequence: 0))

        #expect(order.values == ["first decision.recorded", "second", "first test.numbered"])
    }

    @Test func aFailingSubscriberIsReportedAndTheOthersStillRun() async {
        let failures = Recorder<String>()
        let bus = EventBus { failures.record("\($0.subscriber) \($0.topic)") }
        let received = Recorder<String>()
        bus.subscribe(to: DecisionRecorded.self, name: "broken") { _ in throw Refusal(reason: "no") }
        bus.subscribe(to: DecisionRecorded.self, name: "working") { received.record($0.id) }

        await bus.deliver(DecisionRecorded(id: "D-9"))

        #expect(failures.values == ["broken decision.recorded"])
        #expect(received.values == ["D-9"])
    }

    @Test func unsubscribingStopsDelivery() async {
        let bus = EventBus()
        let received = Recorder<String>()
        let subscription = bus.subscribe(to: DecisionRecorded.self, name: "once") { received.record($0.id) }
        await bus.deliver(DecisionRecorded(id: "D-1"))
        bus.unsubscribe(subscription)
        bus.unsubscribe(subscription)
        await bus.deliver(DecisionRecorded(id: "D-2"))
        #expect(received.values == ["D-1"])
    }

    @Test func aMalformedPatternSubscribesNothing() async {
        let bus = EventBus()
        #expect(throws: InvalidTopicPattern.self) { try bus.subscribe(topic: "decision.*.x", name: "bad") { _ in } }
    }
}
