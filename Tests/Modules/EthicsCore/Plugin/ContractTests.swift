import EthicsCore
import EthicsRender
import EthicsTestSupport
import Foundation
import Synchronization
import Testing

/// The plugin contract's promises: facts are kept with their writes and heard only after the
/// commit; a manifest's topics are enforced; hooks run in order and a failing one is skipped;
/// capabilities are found by their protocol, once.
@Suite struct ContractTests {
    struct Noted: Event, Equatable {
        static let topic = "test.noted"
        var recordID: String
    }

    struct Unlisted: Event {
        static let topic = "test.unlisted"
    }

    static let publisher = PluginDescriptor(
        id: "tester", name: "Tester", summary: "Tests.", version: "0.1.0", publishes: ["test.noted"], listens: ["test.*"])

    @Test func aFactIsJournalledWithItsWriteAndHeardAfterTheCommit() async throws {
        let context = TestContext.make(plugin: Self.publisher)
        let heardDuringWrite = Mutex(false)
        let id = try await context.plugin.register.write { write in
            let version = try write.record(RecordDraft(kind: .decision, title: "T", author: "A"))
            try write.publish(Noted(recordID: version.id))
            heardDuringWrite.withLock { $0 = !context.facts.events.isEmpty }
            return version.id
        }
        #expect(!heardDuringWrite.withLock { $0 })
        #expect(context.facts.events(of: Noted.self) == [Noted(recordID: id)])
        #expect(context.register.journalTopics == ["record.created", "test.noted"])
    }

    @Test func aWriteThatFailsKeepsAndPublishesNothing() async throws {
        let context = TestContext.make(plugin: Self.publisher)
        await #expect(throws: RecordRegisterError.self) {
            try await context.plugin.register.write { write in
                let version = try write.record(RecordDraft(kind: .decision, title: "T", author: "A"))
                try write.publish(Noted(recordID: version.id))
                try write.link(from: version.id, to: "can-2026-0099", .cites)
            }
        }
        #expect(context.register.journalTopics.isEmpty)
        #expect(try await context.plugin.register.latestVersions(kind: nil).isEmpty)
        #expect(context.facts.events.isEmpty)
    }

    @Test func aTopicTheManifestDoesNotListIsRefused() async throws {
        let context = TestContext.make(plugin: Self.publisher)
        await #expect(throws: UndeclaredTopic.self) {
            try await context.plugin.register.write { write in try write.publish(Unlisted()) }
        }
        #expect(context.register.journalTopics.isEmpty)
        let activation = PluginActivation(
            plugin: PluginDescriptor(id: "deaf", name: "Deaf", summary: ".", version: "0.1.0"), bus: context.bus,
            hooks: context.hooks, capabilities: context.plugin.capabilities)
        #expect(throws: UndeclaredTopic.self) { try activation.listen(to: Noted.self) { _ in } }
    }

    @Test func hooksRunInOrderAndAFailingOneIsSkipped() throws {
        let failures = Mutex<[String]>([])
        let hooks = DocumentHooks()
        hooks.add(DocumentHook(name: "late", order: 10) { document in
            var document = document
            document.append(.paragraph("late"))
            return document
        })
        hooks.add(DocumentHook(name: "broken", order: 5) { _ in throw RecordRegisterError("broken") })
        hooks.add(DocumentHook(name: "early", order: 1) { document in
            var document = document
            document.append(.paragraph("early"))
            return document
        })
        let renderer = Renderer(hooks: hooks) { hook, _ in failures.withLock { $0.append(hook.name) } }
        let markdown = try renderer.render(Document(title: "T"), as: .markdown)
        #expect(markdown.components(separatedBy: "\n").filter { $0 == "early" || $0 == "late" } == ["early", "late"])
        #expect(failures.withLock { $0 } == ["broken"])
        #expect(try !renderer.render(Document(title: "T"), as: .text).contains("early"), "hooks apply to Markdown and HTML only")
    }

    protocol Greeter: Sendable { func greet() -> String }
    struct English: Greeter { func greet() -> String { "hello" } }

    @Test func aCapabilityIsFoundByItsProtocolAndProvidedOnce() throws {
        let capabilities = Capabilities()
        #expect(capabilities.find((any Greeter).self) == nil)
        try capabilities.provide((any Greeter).self, by: "english", English())
        #expect(capabilities.find((any Greeter).self)?.greet() == "hello")
        #expect(throws: DuplicateCapability.self) { try capabilities.provide((any Greeter).self, by: "other", English()) }
    }

    @Test func theClockCountsDaysInTheCouncilsTimeZone() {
        // 23:30 UTC on 30 June 2026 is already 1 July in London.
        let clock = CouncilClock.fixed(Date(timeIntervalSince1970: 1_782_862_200))
        #expect(clock.today() == CalendarDate("2026-07-01"))
        #expect(clock.adding(months: 1, to: CalendarDate("2026-01-31")!) == CalendarDate("2026-02-28"))
        #expect(clock.adding(days: 1, to: CalendarDate("2026-12-31")!) == CalendarDate("2027-01-01"))
    }

    @Test func theActingPersonComesFromAsThenTheEnvironment() {
        #expect(Person.resolve(explicit: "Jo", environment: ["ETHICS_AUTHOR": "Sam"]) == Person(name: "Jo", source: "--as"))
        #expect(Person.resolve(explicit: nil, environment: ["ETHICS_AUTHOR": "Sam", "USER": "u"])?.name == "Sam")
        #expect(Person.resolve(explicit: " ", environment: [:]) == nil)
    }
}
