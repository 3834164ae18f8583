import EthicsTestSupport
import Foundation
import Testing

/// `-o paper.docx` writes a Word document: without `--format`, a document takes the format its
/// file's name says (when the command writes it), and a name that says another format than the
/// one asked for is refused before anything is kept or written.
@Suite struct OutputFileFormatEndToEndTests {
    let directory: TemporaryDirectory
    let environment: [String: String]

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-output-format-e2e")
        environment = ["XDG_DATA_HOME": directory.path + "/data", "ETHICS_AUTHOR": "Sam Patel"]
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.ethics(arguments, environment: environment, in: directory.url)
    }

    func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.url.appendingPathComponent(name)))
    }

    @Test func theFileNameChoosesTheFormatUnlessOneIsAsked() throws {
        let log = CommandRunner.repositoryRoot.appendingPathComponent("Configs/examples/decision-log.csv").path
        #expect(try run(["records", "import", log]).status == 0)
        let id = "dec-\(Calendar(identifier: .gregorian).component(.year, from: Date()))-0001"

        let docx = try run(["records", "show", id, "-o", "paper.docx"])
        #expect(docx.status == 0, "\(docx)")
        #expect(try bytes("paper.docx").starts(with: Array("PK".utf8)), "a zip archive, not text")
        #expect(try run(["code-mapper", "matrix", "--codes", "nolan,def", "-o", "matrix.html"]).status == 0)
        #expect(String(decoding: try bytes("matrix.html"), as: UTF8.self).hasPrefix("<!doctype html>"))
        #expect(try run(["decision-flowchart", "render", "-o", "flow.dot"]).status == 0)
        #expect(String(decoding: try bytes("flow.dot"), as: UTF8.self).hasPrefix("digraph"))

        let mismatch = try run(["records", "show", id, "--format", "text", "-o", "paper.html"])
        #expect(mismatch.status == 2, "\(mismatch)")
        #expect(mismatch.stderr.contains("paper.html: error: the file's name says html, but the format is text; add --format html, or name the file .txt"),
                "\(mismatch)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/paper.html"))
        // The glossary's export, which has formats of its own, follows the same rule.
        #expect(try run(["glossary", "export", "-o", "glossary.docx"]).status == 0)
        #expect(try bytes("glossary.docx").starts(with: Array("PK".utf8)))
        let csvRun = try run(["glossary", "export", "-o", "glossary.csv"])
        #expect(csvRun.status == 0 && csvRun.stderr == "Written to glossary.csv.\n", "says where it went: \(csvRun)")
        let csv = String(decoding: try bytes("glossary.csv"), as: UTF8.self)
        #expect(!csv.hasPrefix("#") && csv.split(separator: "\n").first?.contains(",") == true, "a CSV header, not Markdown: \(csv.prefix(80))")
        let skos = try run(["glossary", "export", "--format", "skos", "-o", "glossary.html"])
        #expect(skos.status == 2 && skos.stderr.contains("the file's name says html, but the format is skos"), "\(skos)")
        #expect(try run(["glossary", "export", "--format", "skos", "--syntax", "json-ld", "-o", "glossary.json"]).status == 0)
        // A name the formats do not claim keeps the command's own format.
        #expect(try run(["records", "show", id, "-o", "paper.out"]).status == 0)
        #expect(String(decoding: try bytes("paper.out"), as: UTF8.self).contains(id))
    }
}
