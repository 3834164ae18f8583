import EthicsTestSupport
import Foundation
import Testing

/// What the built `ethics` binary writes to the register, and what it must not: reading never
/// writes, and a walk that does not finish keeps nothing, while one that does keeps its record,
/// its links, its duties and its fact together.
@Suite struct RegisterWritesEndToEndTests {
    let directory: TemporaryDirectory
    var data: String { directory.path + "/data" }
    var environment: [String: String] { ["XDG_DATA_HOME": data] }

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-register-writes-e2e")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.ethics(arguments, environment: environment, in: directory.url)
    }

    /// Every file under the data folder with its bytes, leaving out what SQLite changes on any
    /// open: its shared-memory index (`-shm`) and an empty write-ahead log.
    func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: data)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else {
            return files
        }
        for case let url as URL in walker {
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
            guard values.isRegularFile == true else { continue }
            let name = url.lastPathComponent
            if name.hasSuffix("-shm") || (name.hasSuffix("-wal") && values.fileSize == 0) { continue }
            files[String(url.path.dropFirst(root.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The journal's entry count and head, as `records verify` reports them.
    func journalHead() throws -> (entries: String, head: String) {
        let verify = try run(["records", "verify", "--format", "json"])
        #expect(verify.status == 0, "\(verify)")
        let object = try JSONSerialization.jsonObject(with: Data(verify.stdout.utf8)) as? [String: Any]
        let metadata = (object?["metadata"] as? [[String: String]]) ?? []
        let value = { (key: String) in metadata.first { $0["key"] == key }?["value"] ?? "none" }
        return (value("Journal entries"), value("Journal head"))
    }

    /// The journal's topics in order, from an export bundle's `journal.jsonl`.
    func journalTopics() throws -> [String] {
        let bundle = directory.path + "/export-\(UUID().uuidString)"
        let export = try run(["records", "export", "-o", bundle])
        #expect(export.status == 0, "\(export)")
        let lines = try String(contentsOfFile: bundle + "/journal.jsonl", encoding: .utf8).split(separator: "\n")
        return try lines.map { line in
            let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(entry?["topic"] as? String)
        }
    }

    /// The id in "… kept as can-2026-0001 version 1 …" or "Recorded dec-2026-0001: …".
    func recordID(in output: String) throws -> String {
        try #require(output.firstMatch(of: /(can|dec)-[0-9]{4}-[0-9]{4,}/).map { String($0.output.0) }, "\(output)")
    }

    // MARK: - Reading never writes

    @Test("reads write nothing") func readsWriteNothing() throws {
        // In an empty data folder, a page of the glossary creates nothing at all: no register,
        // no folder for one.
        let page = try run(["glossary", "show", "DPIA", "--format", "html"])
        #expect(page.status == 0, "\(page)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).isEmpty, "'glossary show DPIA --format html' created files in an empty workspace")

        let canvas = directory.path + "/canvas.yaml"
        let made = try run(["canvas-builder", "new", "--title", "Housing repairs data", "--output", canvas])
        #expect(made.status == 0, "\(made)")
        let recorded = try run(["canvas-builder", "record", canvas, "--author", "X"])
        #expect(recorded.status == 0, "\(recorded)")
        let id = try recordID(in: recorded.stdout)

        let head = try journalHead()
        #expect(head.entries == "2", "a canvas journals record.created and canvas.recorded: \(head)")
        var before = try files()
        #expect(before.keys.contains("/ethics/default/register.sqlite"), "\(before.keys.sorted())")

        let reads: [[String]] = [
            ["records", "list"],
            ["records", "list", "--format", "markdown"],
            ["records", "verify"],
            ["records", "show", id],
            ["records", "history", id],
            ["records", "export", "-o", directory.path + "/bundle"],
            ["glossary", "show", "DPIA", "--format", "html"],
            ["glossary", "search", "consent"],
            ["code-mapper", "matrix", "--format", "html"],
            ["code-mapper", "show", "nolan", "--format", "markdown"],
            ["decision-flowchart", "render", "--format", "html"],
            ["decision-flowchart", "list"],
            ["canvas-builder", "templates"],
            ["canvas-builder", "render", canvas, "--format", "html"],
            ["plugins"],
            ["config", "check"],
        ]
        for arguments in reads {
            let result = try run(arguments)
            #expect(result.status == 0, "ethics \(arguments.joined(separator: " ")): \(result)")
            let after = try files()
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            #expect(changed.isEmpty, "'ethics \(arguments.joined(separator: " "))' changed the register's files: \(changed)")
            before = after
        }
        #expect(try journalHead() == head, "the journal still ends where the canvas left it")
    }

    // MARK: - A walk keeps all of its record or nothing

    @Test("an aborted walk keeps nothing") func anAbortedWalkKeepsNothing() throws {
        // The shared escalate walk, and the same walk with an answer that is no choice at
        // 'test-failed', near its end.
        let answers = try SharedAnswers.escalate()
        let invalidLate = answers.replacingOccurrences(of: "test-failed: refer", with: "test-failed: maybe")
        #expect(invalidLate != answers)
        let invalid = try directory.write(invalidLate, to: "invalid.yaml")
        let valid = SharedAnswers.escalatePath
        let walk = ["decision-flowchart", "run", "--title", "Prioritise housing repairs", "--author", "Jo Bloggs"]

        // No register yet: the aborted walk makes none.
        let first = try run(walk + ["--answers", invalid])
        #expect(first.status == 2, "\(first)")
        #expect(first.stderr.contains("invalid answer for 'test-failed'"), "\(first)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: data).isEmpty, "an aborted walk created files")

        // A register with a canvas in it: the aborted walk leaves its files and journal as they were.
        let canvasFile = directory.path + "/canvas.yaml"
        #expect(try run(["canvas-builder", "new", "--title", "Housing repairs data", "--output", canvasFile]).status == 0)
        let recorded = try run(["canvas-builder", "record", canvasFile, "--author", "X"])
        #expect(recorded.status == 0, "\(recorded)")
        let canvas = try recordID(in: recorded.stdout)
        let topicsBefore = try journalTopics()
        #expect(topicsBefore == ["record.created", "canvas.recorded"])
        let filesBefore = try files()
        let headBefore = try journalHead()

        let aborted = try run(walk + ["--answers", invalid, "--cites", canvas])
        #expect(aborted.status == 2, "\(aborted)")
        #expect(try files() == filesBefore, "an aborted walk changed the register's files")
        // An output file whose name is too long to write is refused before anything is kept.
        let longName = directory.path + "/" + String(repeating: "y", count: 300) + ".html"
        let tooLong = try run(walk + ["--answers", valid, "--output", longName, "--format", "html"])
        #expect(tooLong.status == 2 && tooLong.stderr.contains("the file's name is too long (305 bytes; at most 223)"), "\(tooLong)")
        #expect(try journalHead() == headBefore, "nothing was kept")
        #expect(try journalHead() == headBefore)
        #expect(try run(["records", "list", "--kind", "decision"]).stdout.contains("No records match."))

        // A finished walk journals its record, its link and its fact, in that order, after what
        // was there, in one transaction: and its duties are in its first and only version.
        let kept = try run(walk + ["--answers", valid, "--cites", canvas, "--output", directory.path + "/decision.md"])
        #expect(kept.status == 0, "\(kept)")
        let decision = try recordID(in: kept.stdout)
        #expect(try journalTopics() == topicsBefore + ["record.created", "record.linked", "decision.recorded"])
        let history = try run(["records", "history", decision, "--format", "csv"])
        #expect(history.status == 0, "\(history)")
        #expect(history.stdout.split(separator: "\r\n").count == 1 + 1, "one version, no second one for the duties: \(history)")
        let firstVersion = try run(["records", "show", decision, "--version", "1", "--format", "markdown"])
        #expect(firstVersion.status == 0, "\(firstVersion)")
        #expect(firstVersion.stdout.contains("Professional duties engaged"), "\(firstVersion)")
        #expect(firstVersion.stdout.contains("bcs.1.a"), "\(firstVersion)")
        #expect(try run(["records", "verify"]).status == 0)

        // Without --cites there is no link to journal.
        let uncited = try run(["decision-flowchart", "run", "--title", "Second", "--author", "Jo Bloggs", "--answers", valid,
                               "--output", directory.path + "/second.md"])
        #expect(uncited.status == 0, "\(uncited)")
        #expect(try journalTopics() == topicsBefore + ["record.created", "record.linked", "decision.recorded", "record.created", "decision.recorded"])
    }
}
