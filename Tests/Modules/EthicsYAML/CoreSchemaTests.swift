import EthicsYAML
import Testing

/// YAML 1.2 core schema resolution (yaml.org/spec/1.2.2, 10.3.2).
@Suite struct CoreSchemaTests {
    private func value(_ yaml: String) throws -> YAMLScalar.Value? {
        try YAMLParser.parse("v: \(yaml)").root?["v"]?.scalar?.value
    }

    @Test(arguments: ["no", "yes", "on", "off", "NO", "Norway", "y", "n", "True!", "0o8", "0x", "1_000", "012a"])
    func wordsThatYAML11TurnedIntoOtherThingsStayStrings(text: String) throws {
        #expect(try value(text) == .string(text))
    }

    @Test(arguments: ["~", "null", "Null", "NULL", ""])
    func nulls(text: String) throws {
        #expect(try value(text) == .null)
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), ("false", false), ("FALSE", false)])
    func booleans(text: String, expected: Bool) throws {
        #expect(try value(text) == .bool(expected))
    }

    @Test(arguments: [("0o17", 15), ("0x1F", 31), ("0x1f", 31), ("-42", -42), ("+7", 7), ("0", 0), ("007", 7)])
    func integers(text: String, expected: Int) throws {
        #expect(try value(text) == .int(expected))
    }

    @Test func floats() throws {
        #expect(try value("1.5") == .float(1.5))
        #expect(try value("-.5e3") == .float(-500))
        #expect(try value("1e3") == .float(1000))
        #expect(try value(".inf") == .float(.infinity))
        #expect(try value("-.Inf") == .float(-.infinity))
        guard case .float(let nan)? = try value(".NaN") else {
            Issue.record("expected .NaN to be a float")
            return
        }
        #expect(nan.isNaN)
    }

    @Test(arguments: ["'true'", "\"42\"", "'~'", "\"null\"", "!!str 12"])
    func quotedOrTaggedScalarsAreAlwaysStrings(text: String) throws {
        guard case .string? = try value(text) else {
            Issue.record("\(text) should be a string")
            return
        }
    }

    @Test func explicitCoreTagsAreHonoured() throws {
        #expect(try value("!!int '12'") == .int(12))
        #expect(try value("!!null ''") == .null)
    }

    @Test func integerTooLargeForIntStaysTextRatherThanLosingDigits() throws {
        #expect(try value("123456789012345678901234567890") == .string("123456789012345678901234567890"))
    }
}
