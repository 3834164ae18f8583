import EthicsDiagnostics
import EthicsYAML
import Testing

/// Duplicate keys are the same value written twice, whatever the spelling; and what the emitter
/// writes reads back as what it was given.
@Suite struct KeyValueAndEmitterTests {
    @Test(arguments: [
        ("1: a\n01: b\n", "duplicate key '01' (first given at line 1, column 1, written there as '1', which is the same value)"),
        ("null: a\n~: b\n", "duplicate key '~' (first given at line 1, column 1, written there as 'null', which is the same value)"),
        ("0x1F: a\n31: b\n", "duplicate key '31' (first given at line 1, column 1, written there as '0x1F', which is the same value)"),
        ("true: a\nTrue: b\n", "duplicate key 'True' (first given at line 1, column 1, written there as 'true', which is the same value)"),
        ("0o17: a\n+15: b\n", "duplicate key '+15' (first given at line 1, column 1, written there as '0o17', which is the same value)"),
        ("name: a\nname: b\n", "duplicate key 'name' (first given at line 1, column 1)"),
    ])
    func equalValuesAreOneKey(_ yaml: String, _ message: String) {
        #expect(throws: DiagnosticError.self) { try YAMLParser.parse(yaml) }
        do {
            _ = try YAMLParser.parse(yaml)
        } catch {
            #expect(error.diagnostics.map(\.message) == [message])
            #expect(error.diagnostics.first?.location?.line == 2)
        }
    }

    @Test(arguments: ["1: a\n\"1\": b\n", "null: a\n'null': b\n", "yes: a\ntrue: b\n", "1: a\n1.0: b\n"])
    func differentValuesAreDifferentKeys(_ yaml: String) throws {
        #expect(try YAMLParser.parse(yaml).root?.entries.count == 2)
    }

    @Test func aLargeMappingIsStillCheckedByValue() {
        let yaml = (0..<40).map { "k\($0): \($0)\n" }.joined() + "7: x\n007: y\n"
        #expect(throws: DiagnosticError.self) { try YAMLParser.parse(yaml) }
    }

    @Test func aNullDocumentIsWrittenAsNullAndReadsBackAsNull() throws {
        let written = try YAMLEmitter.emit(YAMLValue.scalar(YAMLScalar(text: "", style: .plain)).node())
        #expect(written.contains("null"), "\(written)")
        let root = try #require(try YAMLParser.parse(written).root)
        #expect(root.isNull)
    }

    @Test func aNullKeyIsWrittenAsNullAndReadsBackAsNull() throws {
        let document = try YAMLParser.parse("? \n: value\n")
        let written = try YAMLEmitter.emit(try #require(document.root))
        let root = try #require(try YAMLParser.parse(written).root)
        #expect(root.entries.count == 1, "\(written)")
        #expect(root.entries.first?.key.isNull == true, "\(written)")
        #expect(root.entries.first?.value.text == "value", "\(written)")
    }

    /// Block style indents each line by its depth: a value nested 200 deep (carried through from
    /// an imported file) would be written in about depth squared bytes. Deep collections are
    /// written in flow style, so the text grows with the value, and reads back the same.
    @Test func aDeeplyNestedValueIsWrittenInSpaceThatGrowsWithItsSizeAndReadsBack() throws {
        var value = YAMLValue.scalar(YAMLScalar(text: "end", style: .plain))
        for level in 0..<200 {
            value = .sequence([value] + (0..<5).map { .scalar(YAMLScalar(text: "\(level * 5 + $0)", style: .plain)) })
        }
        let document = YAMLValue.mapping([YAMLPair("kept", .mapping([YAMLPair("text", .scalar(YAMLScalar(text: "line one\nline two\n", style: .literal)))])),
                                          YAMLPair("deep", value)])
        let written = try YAMLEmitter.emit(document.node())
        #expect(written.utf8.count < 20_000, "\(written.utf8.count) bytes")
        #expect(written.contains("kept:\n  text: |\n"), "shallow values keep block style: \(written.prefix(200))")
        let again = try YAMLEmitter.emit(try #require(try YAMLParser.parse(written).root))
        #expect(again == written, "reads back as the same value")
    }
}
