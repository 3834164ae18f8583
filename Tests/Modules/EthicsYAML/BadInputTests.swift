#if canImport(Glibc)
import Glibc
#endif
import EthicsDiagnostics
import Foundation
import EthicsTestSupport
import EthicsYAML
import Testing

/// Each kind of bad input named in the YAML layer's issue: one clear, positioned message, never
/// a crash, a trap or unbounded memory.
@Suite struct BadInputTests {
    /// The single diagnostic a parse of `yaml` reports.
    private func problem(_ yaml: String, file: String = "bad.yaml") throws -> Diagnostic {
        try problem(bytes: Array(yaml.utf8), file: file)
    }

    private func problem(bytes: [UInt8], file: String = "bad.yaml") throws -> Diagnostic {
        do {
            _ = try YAMLParser.parse(bytes: bytes, file: file)
        } catch {
            #expect(error.diagnostics.count == 1)
            return try #require(error.diagnostics.first)
        }
        Issue.record("expected the input to be refused")
        return Diagnostic.error("not refused")
    }

    @Test func malformedYAML() throws {
        let diagnostic = try problem("title: ok\n  broken: [\nkey: : :\n")
        #expect(diagnostic.location?.file == "bad.yaml")
        #expect(diagnostic.location != nil)
        #expect(diagnostic.description.hasPrefix("bad.yaml:"))
    }

    @Test func unclosedFlowSequence() throws {
        let diagnostic = try problem("tags: [one, two\nnext: 1\n")
        #expect(diagnostic.message.contains("'[' at line 1, column 7 is not closed"))
    }

    @Test func unclosedFlowMapping() throws {
        let diagnostic = try problem("council: {id: x, name: y\n")
        #expect(diagnostic.message.contains("'{' at line 1, column 10 is not closed"))
    }

    @Test func tabIndentation() throws {
        let diagnostic = try problem("council:\n\tid: anytown\n")
        #expect(diagnostic.message.contains("tab"))
        #expect(diagnostic.location?.line == 2)
    }

    @Test func truncatedFile() throws {
        let diagnostic = try problem("council:\n  name: \"Anytown Borough")
        #expect(diagnostic.message.contains("ends too early"))
        #expect(diagnostic.location?.line == 2)
    }

    @Test func emptyFileIsAnErrorWhenContentIsNeeded() throws {
        struct Config: Decodable { var name: String }
        let error = try #require(throws: DiagnosticError.self) {
            try YAMLDecoder().decode(Config.self, from: "", file: "empty.yaml")
        }
        #expect(error.description == "empty.yaml: error: the file is empty; it must hold a YAML document")
    }

    @Test func binaryFile() throws {
        let diagnostic = try problem(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        #expect(diagnostic.message.contains("invalid UTF-8") || diagnostic.message.contains("binary"))
        let zip = try problem(bytes: Array("PK".utf8) + [3, 4, 0, 0])
        #expect(zip.message.contains("control character") || zip.message.contains("binary"))
        let withNul = try problem(bytes: Array("a: 1\nb: ".utf8) + [0] + Array("x\n".utf8))
        #expect(withNul.message.contains("binary"))
        #expect(withNul.location == SourceLocation(file: "bad.yaml", line: 2, column: 4))
    }

    @Test func invalidUTF8IsPositioned() throws {
        let diagnostic = try problem(bytes: Array("name: caf".utf8) + [0xE9] + Array("\n".utf8))
        #expect(diagnostic.message.contains("invalid UTF-8"))
        #expect(diagnostic.location == SourceLocation(file: "bad.yaml", line: 1, column: 10))
    }

    @Test func utf16ByteOrderMarkIsRefusedWithTheFix() throws {
        let diagnostic = try problem(bytes: [0xFF, 0xFE] + Array("a".utf8) + [0])
        #expect(diagnostic.message == "the file is saved as UTF-16; save the file as UTF-8")
    }

    @Test func multiDocumentStreamWhereOneIsExpected() throws {
        let diagnostic = try problem("a: 1\n---\nb: 2\n")
        #expect(diagnostic.message.contains("second YAML document"))
        #expect(diagnostic.location?.line == 2)
    }

    @Test func twentyThousandLevelsOfNesting() throws {
        let deep = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        let diagnostic = try problem(deep)
        #expect(diagnostic.message.contains("more than 256 levels"))
        let deepBlock = String(repeating: "- ", count: 20_000) + "x\n"
        #expect(try problem(deepBlock).message.contains("more than 256 levels"))
    }

    @Test func aliasBombIsRefusedWithoutExpanding() throws {
        var lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("l\(level): &l\(level) [\(refs)]")
        }
        let diagnostic = try problem(lines.joined(separator: "\n"))
        #expect(diagnostic.message.contains("alias bomb"))
        #expect(diagnostic.location != nil)
    }

    @Test func aliasesOfOneHugeScalarAreRefusedByTheirBytes() throws {
        let big = String(repeating: "x", count: 500_000)
        let yaml = "big: &big \(big)\nuses: [" + Array(repeating: "*big", count: 20).joined(separator: ", ") + "]\n"
        let diagnostic = try problem(yaml)
        #expect(diagnostic.message.contains("alias bomb"))
        #expect(diagnostic.location?.line == 2)
    }

    @Test func aliasesCannotStackNestingPastTheLimit() throws {
        let level = String(repeating: "[", count: 200) + "x" + String(repeating: "]", count: 200)
        let diagnostic = try problem("a: &a \(level)\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*a]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n")
        #expect(diagnostic.message.contains("more than 256 levels deep"))
    }

    @Test(arguments: [("n: !!int abc\n", "'abc' is not a valid !!int"), ("n: !!bool yes\n", "'yes' is not a valid !!bool"),
                      ("n: !!seq x\n", "the tag '!!seq' is on a single value"), ("n: !!map [1]\n", "this tag does not fit a list")])
    func explicitTagsMustFitTheirValue(yaml: String, message: String) throws {
        #expect(try problem(yaml).message == message)
    }

    @Test func aFileReadFromAPipeIsReadToTheEnd() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path + "/config.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = "# a comment first\n" + (0..<2000).map { "key\($0): value \($0)" }.joined(separator: "\n") + "\n"
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data(text.utf8))
            try? handle?.close()
        }
        writer.start()
        let document = try YAMLParser.parse(file: fifo)
        #expect(document.root?.count == 2000)
        #expect(document.root?["key1999"]?.text == "value 1999")
    }

    @Test func fiftyMegabyteFileIsRefusedBeforeItIsRead() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("", to: "huge.yaml")
        #expect(truncate(path, 50 * 1024 * 1024) == 0)  // sparse: costs no disk
        let error = try #require(throws: DiagnosticError.self) { try YAMLParser.parse(file: path) }
        #expect(error.description == "\(path): error: the file is 50.0 MB, over the 32.0 MB limit for YAML files")
    }

    @Test func duplicateKeys() throws {
        let diagnostic = try problem("council:\n  id: a\n  name: b\n  id: c\n")
        #expect(diagnostic.description == "bad.yaml:4:3: error: duplicate key 'id' (first given at line 2, column 3)")
    }

    @Test func duplicateKeysInLargeMappings() throws {
        let keys = (0..<40).map { "k\($0): 1" } + ["k7: 2"]
        #expect(try problem(keys.joined(separator: "\n")).message.hasPrefix("duplicate key 'k7'"))
    }

    @Test func unknownTag() throws {
        #expect(try problem("a: !python/object x\n").message.contains("unsupported tag"))
    }

    @Test func recursiveAlias() throws {
        #expect(try problem("a: &a [1, *a]\n").message.contains("recursive"))
    }

    @Test func undefinedAlias() throws {
        let diagnostic = try problem("base: &base 1\nuse: *bsae\n")
        #expect(diagnostic.message.contains("no anchor"))
        #expect(diagnostic.suggestion == "did you mean 'base'?")
    }

    @Test func missingOrUnreadableFile() throws {
        let error = try #require(throws: DiagnosticError.self) { try YAMLParser.parse(file: "/nonexistent/x.yaml") }
        #expect(error.description.hasPrefix("/nonexistent/x.yaml: error: cannot read the file"))
        let directory = try TemporaryDirectory()
        let folder = try #require(throws: DiagnosticError.self) { try YAMLParser.parse(file: directory.path) }
        #expect(folder.description.contains("folder"))
    }

    @Test func controlCharacters() throws {
        let diagnostic = try problem(bytes: Array("a: b".utf8) + [0x07] + Array("\n".utf8))
        #expect(diagnostic.message == "control character U+0007 is not allowed in YAML")
    }
}
