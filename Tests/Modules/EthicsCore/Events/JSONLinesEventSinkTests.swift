import EthicsCore
import EthicsTestSupport
import Foundation
import Testing

@Suite struct JSONLinesEventSinkTests {
    /// 2023-11-14T22:13:20.250Z, fixed so that lines can be compared byte for byte.
    static let fixedTime = Date(timeIntervalSince1970: 1_700_000_000.25)

    @Test func writesOneEnvelopeLinePerEventInTopicTimeEventOrder() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("journal.jsonl").path
        let bus = EventBus()
        bus.attach(try JSONLinesEventSink(path: path, now: { Self.fixedTime }))

        bus.publish(CanvasUpdated(area: "purpose"))
        bus.publish(DecisionStepCompleted(step: 2))

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
            {"topic":"canvas.updated","time":"2023-11-14T22:13:20.250Z","event":{"area":"purpose"}}
            {"topic":"decision.step.completed","time":"2023-11-14T22:13:20.250Z","event":{"step":2}}

            """)
    }

    @Test func linesParseBackIntoTheEventsPublished() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("journal.jsonl").path
        let bus = EventBus()
        bus.attach(try JSONLinesEventSink(path: path, now: { Self.fixedTime }))
        let awkward = DecisionRecorded(
            id: "D-1", title: "Quote \" slash / newline \n tab \t café", recordedAt: Self.fixedTime)

        bus.publish(awkward)
        bus.publish(DecisionRecorded(id: "D-2"))

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let envelopes = try lines.map { try decoder.decode(Envelope<DecisionRecorded>.self, from: Data($0.utf8)) }
        #expect(envelopes.map(\.topic) == ["decision.recorded", "decision.recorded"])
        #expect(envelopes.map(\.time) == ["2023-11-14T22:13:20.250Z", "2023-11-14T22:13:20.250Z"])
        // ISO 8601 in the journal keeps whole seconds, which is all `fixedTime` is compared on here.
        #expect(envelopes[0].event.recordedAt.map { Int($0.timeIntervalSince1970) } == 1_700_000_000)
        #expect(envelopes[0].event.title == awkward.title)
        #expect(envelopes[1].event == DecisionRecorded(id: "D-2"))
    }

    @Test func createsTheFileReadableByItsOwnerOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("journal.jsonl").path

        _ = try JSONLinesEventSink(path: path)

        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func appendsToAnExistingJournal() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("{\"topic\":\"earlier\"}\n", to: "journal.jsonl")

        try JSONLinesEventSink(path: path, now: { Self.fixedTime }).receive(CanvasUpdated(area: "purpose"))

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "{\"topic\":\"earlier\"}")
        #expect(lines.last?.hasPrefix("{\"topic\":\"canvas.updated\"") == true)
    }

    @Test func writesToAGivenFileHandle() throws {
        let pipe = Pipe()
        let sink = JSONLinesEventSink(fileHandle: pipe.fileHandleForWriting, now: { Self.fixedTime })

        try sink.receive(DecisionStepCompleted(step: 1))
        try pipe.fileHandleForWriting.close()

        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text == #"{"topic":"decision.step.completed","time":"2023-11-14T22:13:20.250Z","event":{"step":1}}"# + "\n")
    }

    @Test func failedWriteIsReportedAsTheSinksFailure() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("", to: "read-only.jsonl")
        let readOnly = try #require(FileHandle(forReadingAtPath: path))
        let failures = Recorder<SubscriberFailure>()
        let bus = EventBus { failures.record($0) }
        bus.attach(JSONLinesEventSink(fileHandle: readOnly), name: "journal")

        bus.publish(CanvasUpdated(area: "purpose"))

        #expect(failures.values.map(\.subscriber) == ["journal"])
        #expect(failures.values.map(\.topic) == ["canvas.updated"])
    }

    @Test func refusesAPathItCannotOpen() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("missing/journal.jsonl").path

        #expect(throws: POSIXError(.ENOENT)) {
            try JSONLinesEventSink(path: path)
        }
    }
}

/// One journal line, as a reader of the journal would decode it.
private struct Envelope<E: Event>: Decodable {
    var topic: String
    var time: String
    var event: E
}
