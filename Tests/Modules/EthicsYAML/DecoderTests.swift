import EthicsDiagnostics
import EthicsYAML
import Foundation
import Testing

private enum Verdict: String, YAMLStringEnum {
    case proceed, mitigate = "proceed-with-mitigations", escalate, stop = "do-not-proceed"
}

private struct Entry: Decodable, Equatable {
    var term: String
    var definition: String
    var synonyms: [String]?
    var weight: Int?
    var draft: Bool?
}

private struct Pack: Decodable {
    var title: String
    var version: Int
    var entries: [Entry]
}

private struct WithDefaults: Decodable {
    var name: String
    var retries: Int
    var verbose: Bool

    enum CodingKeys: String, CodingKey { case name, retries, verbose }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        retries = try container.decodeIfPresent(Int.self, forKey: .retries) ?? 3
        verbose = try container.decodeIfPresent(Bool.self, forKey: .verbose) ?? false
    }
}

@Suite struct DecoderTests {
    private func decode<T: Decodable>(_ type: T.Type, _ yaml: String) throws(DiagnosticError) -> T {
        try YAMLDecoder().decode(type, from: yaml, file: "pack.yaml")
    }

    private func problems<T: Decodable>(_ type: T.Type, _ yaml: String) throws -> [String] {
        let error = try #require(throws: DiagnosticError.self) { try decode(type, yaml) }
        return error.diagnostics.map(\.description)
    }

    @Test func decodesNestedValues() throws {
        let pack = try decode(Pack.self, """
            title: Core terms
            version: 2
            entries:
              - term: Beneficence
                definition: Doing good.
                synonyms: [benefit, well-being]
                weight: 0x10
              - term: Autonomy
                definition: People decide.
                draft: true
            """)
        #expect(pack.entries == [
            Entry(term: "Beneficence", definition: "Doing good.", synonyms: ["benefit", "well-being"], weight: 16),
            Entry(term: "Autonomy", definition: "People decide.", draft: true),
        ])
    }

    @Test func unknownKeyGetsADidYouMeanFromTheTypesOwnKeys() throws {
        let messages = try problems(Entry.self, "term: a\ndefinition: b\nsynonims: [c]\n")
        #expect(messages == ["pack.yaml:3:1: error: unknown key 'synonims' (at synonims); did you mean 'synonyms'?"])
    }

    @Test func unknownKeyFarFromAnyKnownKeyListsTheKnownOnes() throws {
        let messages = try problems(Entry.self, "term: a\ndefinition: b\ncolour: red\n")
        #expect(messages == ["pack.yaml:3:1: error: unknown key 'colour' (at colour); known keys here: term, definition, synonyms, weight, draft"])
    }

    @Test func everyProblemInTheFileIsReportedWithItsKeyPath() throws {
        let messages = try problems(Pack.self, """
            title: Core terms
            version: two
            entries:
              - term: Beneficence
                definiton: Doing good.
              - term: [not, text]
                definition: People decide.
                draft: yes
            """)
        #expect(messages == [
            "pack.yaml:2:10: error: expected a whole number, found 'two' (at version)",
            "pack.yaml:4:5: error: missing required key 'definition' (at entries[0])",
            "pack.yaml:5:5: error: unknown key 'definiton' (at entries[0].definiton); did you mean 'definition'?",
            "pack.yaml:6:11: error: expected text, found a list (at entries[1].term)",
            "pack.yaml:8:12: error: expected true or false, found 'yes' (at entries[1].draft); YAML 1.2 reads 'yes' as text; write true or false",
        ])
    }

    @Test func optionalFieldsMayBeMissingOrNullAndDefaultsApply() throws {
        let entry = try decode(Entry.self, "term: a\ndefinition: b\nweight: ~\n")
        #expect(entry.weight == nil && entry.synonyms == nil)
        let defaults = try decode(WithDefaults.self, "name: x\n")
        #expect(defaults.retries == 3 && defaults.verbose == false)
        #expect(try decode(WithDefaults.self, "name: x\nretries: 5\nverbose: true").retries == 5)
        #expect(try problems(WithDefaults.self, "name: x\nretires: 5\n")
            == ["pack.yaml:2:1: error: unknown key 'retires' (at retires); did you mean 'retries'?"])
    }

    @Test func requiredValueThatIsEmpty() throws {
        #expect(try problems(Entry.self, "term:\ndefinition: b\n")
            == ["pack.yaml:1:6: error: expected text, but the value is empty (at term)"])
    }

    @Test func quotedNumbersAreText() throws {
        #expect(try problems(Pack.self, "title: t\nversion: \"2\"\nentries: []\n")
            == ["pack.yaml:2:10: error: expected a whole number, found the quoted text \"2\" (at version); remove the quotes"])
    }

    @Test func integersAreRangeChecked() throws {
        struct Small: Decodable { var level: UInt8 }
        #expect(try problems(Small.self, "level: 300") == ["pack.yaml:1:8: error: the number 300 is out of range (0 to 255) (at level)"])
    }

    @Test func stringEnumsSuggestTheClosestValue() throws {
        struct Outcome: Decodable { var verdict: Verdict; var fallback: Verdict }
        #expect(try decode(Outcome.self, "verdict: proceed-with-mitigations\nfallback: escalate").verdict == .mitigate)
        #expect(try problems(Outcome.self, "verdict: procede\nfallback: stop") == [
            "pack.yaml:1:10: error: unknown value 'procede'; expected one of: proceed, proceed-with-mitigations, escalate, do-not-proceed (at verdict); did you mean 'proceed'?",
            "pack.yaml:2:11: error: unknown value 'stop'; expected one of: proceed, proceed-with-mitigations, escalate, do-not-proceed (at fallback)",
        ])
    }

    @Test func stringEnumsInAListAndFromJSON() throws {
        struct Outcomes: Decodable { var verdicts: [Verdict] }
        #expect(try decode(Outcomes.self, "verdicts: [escalate, do-not-proceed]").verdicts == [.escalate, .stop])
        #expect(try problems(Outcomes.self, "verdicts: [escalate, later]") == [
            "pack.yaml:1:22: error: unknown value 'later'; expected one of: proceed, proceed-with-mitigations, escalate, do-not-proceed (at verdicts[1])",
        ])
        // Outside YAML the enum decodes as its raw value, as the standard library would.
        #expect(try JSONDecoder().decode([Verdict].self, from: Data(#"["proceed-with-mitigations"]"#.utf8)) == [.mitigate])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Verdict].self, from: Data(#"["later"]"#.utf8)) }
    }

    @Test func wrongContainerKinds() throws {
        #expect(try problems(Pack.self, "title: t\nversion: 1\nentries: {a: 1}\n")
            == ["pack.yaml:3:10: error: expected a list, found a mapping of keys to values (at entries)"])
        #expect(try problems(Pack.self, "title: t\nversion: 1\nentries:\n")
            == ["pack.yaml:3:9: error: expected a list, but the value is empty (at entries); write [] for an empty one"])
        #expect(try problems(Pack.self, "- a\n- b\n")
            == ["pack.yaml:1:1: error: expected a mapping of keys to values, found a list"])
    }

    @Test func dictionariesAcceptAnyKey() throws {
        let map = try decode([String: Int].self, "a: 1\nb: 2\n")
        #expect(map == ["a": 1, "b": 2])
    }

    @Test func anAliasedValueDecodesWhereverItIsUsed() throws {
        struct Pair: Decodable { var left: Entry; var right: Entry }
        let pair = try decode(Pair.self, "left: &e {term: a, definition: b}\nright: *e\n")
        #expect(pair.left == pair.right)
    }

    @Test func nodesCanBeKeptForLaterDecoding() throws {
        struct Settings: Decodable { var plugin: String; var options: YAMLNode }
        let settings = try decode(Settings.self, "plugin: glossary\noptions:\n  files: [a.yaml]\n")
        #expect(settings.options["files"]?.elements.first?.text == "a.yaml")
        #expect(settings.options.location.line == 3)
    }

    @Test func validationErrorsThrownByATypeAreReportedAtItsNode() throws {
        struct Percent: Decodable {
            var value: Int
            init(from decoder: any Decoder) throws {
                value = try decoder.singleValueContainer().decode(Int.self)
                guard (0...100).contains(value) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a percentage must be 0 to 100"))
                }
            }
        }
        struct Score: Decodable { var first: Percent; var second: Percent; var third: Percent }
        #expect(try problems(Score.self, "first: 50\nsecond: 150\nthird: -1\n") == [
            "pack.yaml:2:9: error: a percentage must be 0 to 100 (at second)",
            "pack.yaml:3:8: error: a percentage must be 0 to 100 (at third)",
        ])
    }

    @Test func floatsAcceptIntegersAndSpecialValues() throws {
        struct Numbers: Decodable { var a: Double; var b: Double; var c: Float }
        let numbers = try decode(Numbers.self, "a: 3\nb: .inf\nc: 2.5")
        #expect(numbers.a == 3 && numbers.b == .infinity && numbers.c == 2.5)
    }
}

private struct Checked: Decodable, YAMLPlaceholderProviding {
    var value: String
    init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
        guard value.hasPrefix("ok") else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "must start with ok"))
        }
    }
    init(value: String) { self.value = value }
    static var yamlPlaceholder: Checked { Checked(value: "ok") }
}

@Suite struct PlaceholderTests {
    @Test func aTypeWithAPlaceholderLetsCheckingGoOnPastItsOwnValidationError() throws {
        struct Inner: Decodable { var checked: Checked; var count: Int }
        struct Outer: Decodable { var inner: Inner; var after: Int }
        let error = try #require(throws: DiagnosticError.self) {
            try YAMLDecoder().decode(Outer.self, from: "inner:\n  checked: bad\n  count: x\nafter: y\n", file: "p.yaml")
        }
        #expect(error.diagnostics.map(\.description) == [
            "p.yaml:2:12: error: must start with ok (at inner.checked)",
            "p.yaml:3:10: error: expected a whole number, found 'x' (at inner.count)",
            "p.yaml:4:8: error: expected a whole number, found 'y' (at after)",
        ])
    }
}

@Suite struct StrictKeyTests {
    @Test func unknownKeysUnderNestedContainersAreReported() throws {
        struct Council: Decodable {
            var id: String
            enum Outer: String, CodingKey { case council }
            enum Inner: String, CodingKey { case id }
            init(from decoder: any Decoder) throws {
                let council = try decoder.container(keyedBy: Outer.self).nestedContainer(keyedBy: Inner.self, forKey: .council)
                id = try council.decode(String.self, forKey: .id)
            }
        }
        let error = try #require(throws: DiagnosticError.self) {
            try YAMLDecoder().decode(Council.self, from: "council:\n  id: a\n  colour: red\n", file: "n.yaml")
        }
        #expect(error.diagnostics.map(\.description) == ["n.yaml:3:3: error: unknown key 'colour' (at council.colour); known keys here: id"])
    }

    @Test func readingOneMappingAsTwoTypesDoesNotCallEitherTypesKeysUnknown() throws {
        struct A: Decodable { var a: Int }
        struct B: Decodable { var b: Int }
        struct Both: Decodable {
            var a: A
            var b: B
            init(from decoder: any Decoder) throws {
                a = try A(from: decoder)
                b = try B(from: decoder)
            }
        }
        let both = try YAMLDecoder().decode(Both.self, from: "a: 1\nb: 2\n")
        #expect(both.a.a == 1 && both.b.b == 2)
    }

    @Test func unknownKeysAreReportedBesideATypesOwnValidationError() throws {
        struct Settings: Decodable {
            var level: Int
            enum CodingKeys: String, CodingKey { case level }
            init(from decoder: any Decoder) throws {
                level = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .level)
                guard level <= 20 else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "level must be at most 20"))
                }
            }
        }
        let error = try #require(throws: DiagnosticError.self) {
            try YAMLDecoder().decode(Settings.self, from: "level: 50\ncolour: red\n", file: "s.yaml")
        }
        #expect(error.diagnostics.map(\.description) == [
            "s.yaml:1:1: error: level must be at most 20",
            "s.yaml:2:1: error: unknown key 'colour' (at colour); known keys here: level",
        ])
    }
}
