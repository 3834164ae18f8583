import EthicsCore
import Testing

@Suite struct EventBusTests {
    @Test func typedSubscriberReceivesOnlyItsTypeAsThatType() {
        let bus = EventBus()
        let received = Recorder<DecisionRecorded>()
        bus.subscribe(to: DecisionRecorded.self, name: "typed") { received.record($0) }

        bus.publish(CanvasUpdated(area: "purpose"))
        bus.publish(DecisionRecorded(id: "D-1", title: "Use of predictive analytics"))

        #expect(received.values == [DecisionRecorded(id: "D-1", title: "Use of predictive analytics")])
    }

    @Test func patternSubscriberReceivesMatchingTopicsAtAnyDepth() throws {
        let bus = EventBus()
        let topics = Recorder<String>()
        try bus.subscribe(topic: "decision.*", name: "decisions") { topics.record(type(of: $0).topic) }

        bus.publish(DecisionRecorded(id: "D-1"))
        bus.publish(CanvasUpdated(area: "purpose"))
        bus.publish(DecisionStepCompleted(step: 2))

        #expect(topics.values == ["decision.recorded", "decision.step.completed"])
    }

    @Test func exactPatternReceivesOnlyThatTopicAndTheConcreteEvent() throws {
        let bus = EventBus()
        let received = Recorder<any Event>()
        try bus.subscribe(topic: "decision.recorded", name: "exact") { received.record($0) }

        bus.publish(DecisionStepCompleted(step: 1))
        bus.publish(DecisionRecorded(id: "D-7"))

        #expect(received.values.count == 1)
        #expect(received.values.first as? DecisionRecorded == DecisionRecorded(id: "D-7"))
    }

    @Test func wildcardReceivesEveryTopic() throws {
        let bus = EventBus()
        let topics = Recorder<String>()
        try bus.subscribe(topic: "*", name: "everything") { topics.record(type(of: $0).topic) }

        bus.publish(CanvasUpdated(area: "purpose"))
        bus.publish(DecisionRecorded(id: "D-1"))
        bus.publish(Numbered(publisher: 0, sequence: 0))

        #expect(topics.values == ["canvas.updated", "decision.recorded", "test.numbered"])
    }

    @Test func deliversInSubscriptionOrderAcrossTypedPatternAndSinkSubscribers() throws {
        let bus = EventBus()
        let order = Recorder<String>()
        let sink = InMemoryEventSink()
        try bus.subscribe(topic: "*", name: "first") { _ in order.record("first") }
        bus.subscribe(to: DecisionRecorded.self, name: "second") { _ in
            order.record("second, sink has \(sink.events.count)")
        }
        bus.attach(sink)
        try bus.subscribe(topic: "decision.*", name: "fourth") { _ in
            order.record("fourth, sink has \(sink.events.count)")
        }
        bus.subscribe(to: DecisionRecorded.self, name: "fifth") { _ in order.record("fifth") }

        bus.publish(DecisionRecorded(id: "D-1"))
        bus.publish(DecisionRecorded(id: "D-2"))

        #expect(order.values == [
            "first", "second, sink has 0", "fourth, sink has 1", "fifth",
            "first", "second, sink has 1", "fourth, sink has 2", "fifth",
        ])
    }

    @Test func throwingSubscriberIsReportedAndTheOthersStillRun() throws {
        let failures = Recorder<SubscriberFailure>()
        let bus = EventBus { failures.record($0) }
        let ran = Recorder<String>()
        bus.subscribe(to: DecisionRecorded.self, name: "before") { _ in ran.record("before") }
        try bus.subscribe(topic: "decision.*", name: "code-mapper.annotate") { _ in
            throw Refusal(reason: "no codes loaded")
        }
        bus.subscribe(to: DecisionRecorded.self, name: "after") { _ in ran.record("after") }

        bus.publish(DecisionRecorded(id: "D-1"))

        #expect(ran.values == ["before", "after"])
        let failure = try #require(failures.values.only)
        #expect(failure.subscriber == "code-mapper.annotate")
        #expect(failure.topic == "decision.recorded")
        #expect(failure.error as? Refusal == Refusal(reason: "no codes loaded"))
    }

    @Test func unsubscribedHandlerHearsNothingMoreAndOthersKeepTheirOrder() {
        let bus = EventBus()
        let heard = Recorder<String>()
        bus.subscribe(to: CanvasUpdated.self, name: "a") { heard.record("a:\($0.area)") }
        let middle = bus.subscribe(to: CanvasUpdated.self, name: "b") { heard.record("b:\($0.area)") }
        bus.subscribe(to: CanvasUpdated.self, name: "c") { heard.record("c:\($0.area)") }

        bus.publish(CanvasUpdated(area: "1"))
        bus.unsubscribe(middle)
        bus.unsubscribe(middle)
        bus.publish(CanvasUpdated(area: "2"))

        #expect(heard.values == ["a:1", "b:1", "c:1", "a:2", "c:2"])
    }

    @Test func subscriptionFromAnotherBusRemovesNothing() {
        let bus = EventBus()
        let other = EventBus()
        let heard = Recorder<String>()
        bus.subscribe(to: CanvasUpdated.self, name: "kept") { heard.record($0.area) }
        let foreign = other.subscribe(to: CanvasUpdated.self, name: "kept") { _ in }

        bus.unsubscribe(foreign)
        bus.publish(CanvasUpdated(area: "purpose"))

        #expect(heard.values == ["purpose"])
    }

    @Test func nestedPublishIsDeliveredDepthFirst() {
        let bus = EventBus()
        let order = Recorder<String>()
        bus.subscribe(to: DecisionRecorded.self, name: "annotator") { decision in
            order.record("annotator saw \(decision.id)")
            bus.publish(DecisionStepCompleted(step: 1))
            order.record("annotator done")
        }
        bus.subscribe(to: DecisionRecorded.self, name: "register") { decision in
            order.record("register saw \(decision.id)")
        }
        bus.subscribe(to: DecisionStepCompleted.self, name: "steps") { step in
            order.record("steps saw \(step.step)")
        }

        bus.publish(DecisionRecorded(id: "D-1"))

        #expect(order.values == ["annotator saw D-1", "steps saw 1", "annotator done", "register saw D-1"])
    }

    @Test func subscribingDuringDeliveryTakesEffectFromTheNextPublish() {
        let bus = EventBus()
        let heard = Recorder<String>()
        let late = Recorder<Subscription>()
        bus.subscribe(to: CanvasUpdated.self, name: "adds a listener") { _ in
            guard late.values.isEmpty else { return }
            late.record(bus.subscribe(to: CanvasUpdated.self, name: "late") { heard.record("late:\($0.area)") })
        }

        bus.publish(CanvasUpdated(area: "1"))
        bus.publish(CanvasUpdated(area: "2"))

        #expect(heard.values == ["late:2"])
    }

    @Test func concurrentPublishersLoseNothingAndEachKeepsItsOrder() async {
        let bus = EventBus()
        let received = Recorder<Numbered>()
        bus.subscribe(to: Numbered.self, name: "collector") { received.record($0) }
        let publishers = 8
        let eventsEach = 500

        await withTaskGroup(of: Void.self) { group in
            for publisher in 0..<publishers {
                group.addTask {
                    for sequence in 0..<eventsEach {
                        bus.publish(Numbered(publisher: publisher, sequence: sequence))
                    }
                }
            }
        }

        let values = received.values
        #expect(values.count == publishers * eventsEach)
        for publisher in 0..<publishers {
            let sequences = values.filter { $0.publisher == publisher }.map(\.sequence)
            #expect(sequences == Array(0..<eventsEach), "publisher \(publisher)")
        }
    }
}

private extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? {
        count == 1 ? first : nil
    }
}
