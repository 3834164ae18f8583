import EthicsTestSupport
import EthicsYAML
import Foundation
import Testing

/// Every bad input in Tests/BadInputs, run through the real binary: exit status 2, the exact
/// line its manifest expects, and never a crash.
@Suite struct BadInputCorpusTests {
    static let folder = CommandRunner.repositoryRoot.appendingPathComponent("Tests/BadInputs")

    /// One entry of `Tests/BadInputs/cases.yaml`.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        enum Reading: String, Decodable, Sendable {
            case config, attributes, code, glossary, flowchart, canvas
            case decJSON = "dec-json"
            case recordsImport = "records-import"
            /// Any command line, given in `arguments`; `{file}` stands for the case's file.
            case command
        }

        var file: String
        var reading: Reading
        var sparse: Int?
        var arguments: [String]?
        var expect: String

        enum CodingKeys: String, CodingKey {
            case file
            case reading = "as"
            case sparse
            case arguments
            case expect
        }

        var testDescription: String { file }
        var name: String { (file as NSString).lastPathComponent }
    }

    struct Manifest: Decodable {
        var cases: [Case]
    }

    static func loadManifest() throws -> [Case] {
        try YAMLDecoder().decode(Manifest.self, fromFile: folder.appendingPathComponent("cases.yaml").path).cases
    }

    static let cases: [Case] = (try? loadManifest()) ?? []

    @Test func theManifestListsEveryFileAndEnoughCases() throws {
        let cases = try Self.loadManifest()
        #expect(cases.count >= 60, "the corpus should hold at least 60 bad inputs")
        let listed = Set(cases.filter { $0.sparse == nil }.map(\.file))
        var onDisk: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: Self.folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(path).path, isDirectory: &isFolder),
               !isFolder.boolValue, path != "cases.yaml" {
                onDisk.insert(path)
            }
        }
        #expect(onDisk.subtracting(listed).sorted() == [], "files in Tests/BadInputs that no case uses")
        #expect(listed.subtracting(onDisk).sorted() == [], "cases whose file is missing")
    }

    @Test(arguments: cases)
    func badInputIsRefusedWithItsMessage(_ badInput: Case) throws {
        let directory = try TemporaryDirectory(prefix: "ethics-bad-input")
        let target = directory.url.appendingPathComponent(badInput.name)
        if let size = badInput.sparse {
            #expect(FileManager.default.createFile(atPath: target.path, contents: nil))
            #expect(truncate(target.path, off_t(size)) == 0)
        } else {
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(badInput.file), to: target)
        }
        let before = FileManager.default.contents(atPath: target.path)
        let data = directory.url.appendingPathComponent("data")
        let result = try CommandRunner.ethics(
            arguments(for: badInput, in: directory.url), environment: ["XDG_DATA_HOME": data.path], in: directory.url)
        // Nothing lost or half-written: the input is untouched and an import left nothing behind.
        #expect(FileManager.default.contents(atPath: target.path) == before)
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("imported.yaml").path))
        if badInput.reading == .recordsImport || badInput.reading == .command {
            #expect(!FileManager.default.fileExists(atPath: data.path), "a refused import created a register")
        }
        let expected = badInput.expect
            .replacingOccurrences(of: "{dir}", with: directory.path)
            .replacingOccurrences(of: "{root}", with: CommandRunner.repositoryRoot.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.split(separator: "\n").contains { $0 == expected }, "expected the line\n\(expected)\n\(result)")
        // Every message names the file it is about: a line starting with its position alone
        // (":0:0:") comes from a path the configuration already refused being read anyway.
        #expect(!result.stderr.split(separator: "\n").contains { $0.hasPrefix(":") }, "a message naming no file\n\(result)")
        for sign in ["Fatal error", "Stack dump", "Backtrace", "Segmentation fault", "Illegal instruction"] {
            #expect(!result.stderr.contains(sign), "\(result)")
        }
    }

    /// The command line that reads the case as its `as:` says, writing the configuration beside
    /// it when the file is content added to the default toolkit.
    func arguments(for badInput: Case, in directory: URL) throws -> [String] {
        let file = directory.appendingPathComponent(badInput.name).path
        let config = directory.appendingPathComponent("ethics.yaml")
        func configuration(_ addition: String) throws -> [String] {
            try ("extends: default\n" + addition).write(to: config, atomically: true, encoding: .utf8)
            return ["--config", config.path, "config", "check"]
        }
        switch badInput.reading {
        case .config: return ["--config", file, "config", "check"]
        case .attributes: return try configuration("attributes+: [\(badInput.name)]\n")
        case .code: return try configuration("plugins:\n  code-mapper:\n    codes+: [\(badInput.name)]\n")
        case .glossary: return try configuration("plugins:\n  glossary:\n    files+: [\(badInput.name)]\n")
        case .flowchart: return ["decision-flowchart", "validate", file]
        case .canvas: return ["canvas-builder", "check", file]
        case .decJSON: return ["canvas-builder", "import", file, "--output", directory.appendingPathComponent("imported.yaml").path]
        case .recordsImport: return ["records", "import", file]
        case .command: return (badInput.arguments ?? []).map { $0.replacingOccurrences(of: "{file}", with: file) }
        }
    }
}
