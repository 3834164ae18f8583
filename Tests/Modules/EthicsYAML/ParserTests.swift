import EthicsDiagnostics
import EthicsTestSupport
import EthicsYAML
import Testing

@Suite struct ParserTests {
    @Test func everyNodeKnowsItsFileLineAndColumn() throws {
        let document = try YAMLParser.parse("""
            council:
              name: Anytown
              tags: [a, b]
            """, file: "council.yaml")
        let root = try #require(document.root)
        #expect(root.location == SourceLocation(file: "council.yaml", line: 1, column: 1))
        let council = try #require(root["council"])
        #expect(council["name"]?.location == SourceLocation(file: "council.yaml", line: 2, column: 9))
        let tags = try #require(council["tags"])
        #expect(tags.elements.map(\.text) == ["a", "b"])
        #expect(tags.elements[1].location == SourceLocation(file: "council.yaml", line: 3, column: 13))
        #expect(council.keyNode("tags")?.location.line == 3)
    }

    @Test func mappingsKeepTheOrderWritten() throws {
        let root = try #require(try YAMLParser.parse("z: 1\na: 2\nm: 3").root)
        #expect(root.entries.map(\.key.text) == ["z", "a", "m"])
        #expect(root.count == 3)
    }

    @Test func aliasesShareTheAnchoredNodeWithoutCopying() throws {
        let document = try YAMLParser.parse("""
            base: &shared {a: 1, b: 2}
            one: *shared
            two: *shared
            """)
        let root = try #require(document.root)
        #expect(root["one"]?["b"]?.text == "2")
        #expect(root["two"]?["a"]?.location.line == 1)
        // 1 root + 3 keys + the shared mapping (1 + 4 scalars): aliases add no nodes.
        #expect(document.nodeCount == 9)
    }

    @Test func blockScalarsKeepTheirText() throws {
        let root = try #require(try YAMLParser.parse("text: |\n  line one\n  line two\n").root)
        #expect(root["text"]?.text == "line one\nline two\n")
        #expect(root["text"]?.scalar?.style == .literal)
    }

    @Test func emptyFileHasNoRoot() throws {
        #expect(try YAMLParser.parse("").root == nil)
        #expect(try YAMLParser.parse("# only a comment\n").root == nil)
    }

    @Test func utf8ByteOrderMarkIsAcceptedAndDoesNotShiftColumns() throws {
        let document = try YAMLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("key: value\n".utf8), file: "bom.yaml")
        #expect(document.root?["key"]?.text == "value")
        #expect(document.root?["key"]?.location.column == 6)
    }

    @Test func parsesAFileFromDisk() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("name: Anytown\n", to: "c.yaml")
        let document = try YAMLParser.parse(file: path)
        #expect(document.root?["name"]?.text == "Anytown")
        #expect(document.file == path)
    }
}
