import EthicsCore
import Testing

@Suite struct TopicPatternTests {
    @Test(arguments: [
        ("decision.recorded", "decision.recorded", true),
        ("decision.recorded", "decision.recorded.late", false),
        ("decision.recorded", "decision", false),
        ("decision.*", "decision.recorded", true),
        ("decision.*", "decision.step.completed", true),
        ("decision.*", "decision", false),
        ("decision.*", "decisions.recorded", false),
        ("decision.*", "canvas.decision.recorded", false),
        ("decision.step.*", "decision.step.completed", true),
        ("decision.step.*", "decision.recorded", false),
        ("*", "canvas.updated", true),
        ("*", "x", true),
    ])
    func matches(pattern: String, topic: String, expected: Bool) throws {
        #expect(try TopicPattern(pattern).matches(topic) == expected)
    }

    @Test(arguments: [
        ("", InvalidTopicPattern.Reason.empty),
        ("decision..recorded", .emptySegment),
        (".decision", .emptySegment),
        ("decision.", .emptySegment),
        ("decision.*.recorded", .misplacedWildcard),
        ("*.recorded", .misplacedWildcard),
        ("decision*", .misplacedWildcard),
        ("decision.rec*", .misplacedWildcard),
        ("**", .misplacedWildcard),
        ("decision.**", .misplacedWildcard),
        ("decision.recorded ", .invalidCharacter(" ")),
        ("décision.recorded", .invalidCharacter("é")),
        ("decision/recorded", .invalidCharacter("/")),
    ])
    func rejects(pattern: String, reason: InvalidTopicPattern.Reason) {
        #expect(throws: InvalidTopicPattern(pattern: pattern, reason: reason)) {
            try TopicPattern(pattern)
        }
    }

    @Test func acceptsLettersDigitsHyphensAndUnderscores() throws {
        let pattern = try TopicPattern("code-mapper.clause_2.v1")
        #expect(pattern.matches("code-mapper.clause_2.v1"))
        #expect(pattern.description == "code-mapper.clause_2.v1")
    }

    @Test func busRefusesAnInvalidPatternAndSaysHowToWriteOne() {
        let bus = EventBus()
        let error = #expect(throws: InvalidTopicPattern.self) {
            try bus.subscribe(topic: "decision.*.recorded", name: "bad") { _ in }
        }
        #expect(error?.reason == .misplacedWildcard)
        #expect(error?.description.contains("'decision.*.recorded'") == true)
        #expect(error?.description.contains("'decision.*'") == true)
    }
}
