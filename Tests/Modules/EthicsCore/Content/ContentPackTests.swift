import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Testing

/// The one content loader: every problem of every file at once, and the files that loaded in the
/// order they were named, whatever the order they were read in.
@Suite struct ContentPackTests {
    struct Pack: Decodable, Sendable {
        var id: String
        var items: [String]
    }

    let directory: TemporaryDirectory
    let config: String

    init() throws {
        directory = try TemporaryDirectory(prefix: "content-pack")
        config = directory.path + "/ethics.yaml"
    }

    /// `file` as a configuration would name it, on `line` of the configuration.
    func path(_ file: String, line: Int) -> ContentPath {
        ContentPath(path: directory.path + "/" + file, written: file, location: SourceLocation(file: config, line: line, column: 5))
    }

    func load(_ paths: [ContentPath]) -> (packs: [ContentPack<Pack>], problems: [String]) {
        do {
            let packs = try ContentPack<Pack>.load(
                paths, kind: "pack file", holding: "an 'id:' and 'items:'",
                ids: { pack, root in [(pack.id, (root["id"] ?? root).location)] },
                check: { pack, root in pack.items.isEmpty ? [.error("a pack needs items", at: (root["items"] ?? root).location)] : [] })
            return (packs, [])
        } catch {
            return ([], error.diagnostics.map(\.description))
        }
    }

    @Test func everyProblemOfEveryFileIsReportedAtOnce() throws {
        _ = try directory.write("# nothing yet\n", to: "empty.yaml")
        _ = try directory.write("id: first\nitems: [a]\n", to: "first.yaml")
        _ = try directory.write("id: second\nitems: []\n", to: "second.yaml")
        _ = try directory.write("id: first\nitems: [b]\nextra: 1\n", to: "again.yaml")
        _ = try directory.write("id: [not, text]\nitems: [c]\n", to: "bad.yaml")
        let found = load([
            path("empty.yaml", line: 1), path("first.yaml", line: 2), path("missing.yaml", line: 3), path("second.yaml", line: 4),
            path("first.yaml", line: 5), path("bad.yaml", line: 6), path("again.yaml", line: 7),
        ]).problems
        let folder = directory.path
        // A report is ordered by file and position, as every report is.
        #expect(found == [
            "\(folder)/again.yaml:3:1: error: unknown key 'extra' (at extra); known keys here: id, items",
            "\(folder)/bad.yaml:1:5: error: expected text, found a list (at id)",
            "\(config):1:5: error: pack file 'empty.yaml' is empty; it must hold an 'id:' and 'items:'",
            "\(config):3:5: error: cannot use 'missing.yaml': cannot read the file: no such file or directory",
            "\(config):5:5: error: 'first.yaml' is listed twice; it is already loaded from \(config):2:5",
            "\(folder)/second.yaml:2:8: error: a pack needs items",
        ], "\(found)")
    }

    @Test func idsAreUniqueAcrossTheFilesThatLoaded() throws {
        _ = try directory.write("id: one\nitems: [a]\n", to: "a.yaml")
        _ = try directory.write("id: one\nitems: [b]\n", to: "b.yaml")
        let found = load([path("a.yaml", line: 1), path("b.yaml", line: 2)]).problems
        #expect(found == ["\(directory.path)/b.yaml:1:5: error: 'one' is defined twice; it is already defined at \(directory.path)/a.yaml:1:5"])
    }

    @Test func cleanFilesLoadInTheOrderNamed() throws {
        let names = (0..<12).map { "pack-\($0).yaml" }
        for (index, name) in names.enumerated() {
            _ = try directory.write("id: p\(index)\nitems: [\((0...index).map { "i\($0)" }.joined(separator: ", "))]\n", to: name)
        }
        let loaded = load(names.enumerated().map { path($1, line: $0 + 1) })
        #expect(loaded.problems.isEmpty)
        #expect(loaded.packs.map(\.file.id) == (0..<12).map { "p\($0)" })
        #expect(loaded.packs.map(\.path.written) == names)
    }

    @Test func eachFileKeepsTheOrderOfItsSources() {
        let sources = Array(0..<200)
        // Uneven work, so that later items can finish before earlier ones.
        let answers = EachFile.map(sources) { number in (number, (0..<((200 - number) * 50)).reduce(0, &+)) }
        #expect(answers.map(\.0) == sources)
        #expect(EachFile.map([7]) { $0 * 2 } == [14])
        #expect(EachFile.map([Int]()) { $0 }.isEmpty)
    }
}
