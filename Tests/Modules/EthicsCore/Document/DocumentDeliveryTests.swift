import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import Foundation
import Synchronization
import Testing

/// Where a rendered document goes: a binary paper to a file or a pipe, never to a terminal.
@Suite struct DocumentDeliveryTests {
    /// Renders every format as its name, so the bytes show what was asked for.
    struct EchoRenderer: DocumentRenderer {
        func render(_ document: Document, as format: OutputFormat) throws -> String { "text:\(format.rawValue)" }
        func renderBytes(_ document: Document, as format: OutputFormat) throws -> [UInt8] { Array("bytes:\(format.rawValue)".utf8) }
    }

    static func sink(isTerminal: Bool) -> (OutputSink, @Sendable () -> (String, [UInt8])) {
        let text = Mutex("")
        let bytes = Mutex<[UInt8]>([])
        let sink = OutputSink(
            text: { piece in text.withLock { $0 += piece } }, binary: { piece in bytes.withLock { $0 += piece } }, isTerminal: isTerminal)
        return (sink, { (text.withLock { $0 }, bytes.withLock { $0 }) })
    }

    @Test("a paper is refused on a terminal, with the option that writes it to a file", arguments: [OutputFormat.odt, .docx])
    func refusedOnATerminal(format: OutputFormat) throws {
        let (terminal, written) = Self.sink(isTerminal: true)
        let delivery = DocumentDelivery(format: format, path: nil)
        let error = try #require(throws: DiagnosticError.self) {
            try delivery.write(Document(title: "T"), with: EchoRenderer(), output: terminal, notices: OutputSink.buffer().sink)
        }
        #expect(error.diagnostics[0].message == "\(format.rawValue) is a binary file (a zip archive) and is not written to a terminal")
        #expect(error.diagnostics[0].suggestion == "write it to a file with --output FILE, for example --output paper.\(format.fileExtension)")
        #expect(written().0.isEmpty && written().1.isEmpty, "nothing reaches the terminal")
        // A sink of text only (a test's buffer) cannot take it either.
        #expect(throws: DiagnosticError.self) { try delivery.check(output: OutputSink.buffer().sink) }
    }

    /// `-o paper.docx` without `--format docx` was text in a file named as a Word document.
    @Test("a file named for one format is refused for another, and nothing is written")
    func aFileNamedForAnotherFormat() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-delivery")
        let (pipe, _) = Self.sink(isTerminal: false)
        for (name, format, named) in [("q.docx", OutputFormat.text, OutputFormat.docx), ("page.HTM", .markdown, .html), ("c.mmd", .dot, .mermaid)] {
            let path = directory.path + "/" + name
            let error = try #require(throws: DiagnosticError.self) {
                try DocumentDelivery(format: format, path: path).write(Document(title: "T"), with: EchoRenderer(), output: pipe, notices: pipe)
            }
            #expect(error.description == "\(path): error: the file's name says \(named.rawValue), but the format is \(format.rawValue)"
                + "; add --format \(named.rawValue), or name the file .\(format.fileExtension)", "\(error)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        // A name the formats do not claim, or the format the name says, is written.
        for (name, format) in [("notes.txt", OutputFormat.text), ("list.txt", .csv), ("paper.docx", .docx), ("export.ttl", .text), ("README", .markdown)] {
            try DocumentDelivery(format: format, path: directory.path + "/" + name).write(Document(title: "T"), with: EchoRenderer(), output: pipe, notices: pipe)
            #expect(FileManager.default.fileExists(atPath: directory.path + "/" + name), "\(name)")
        }
        #expect(OutputFormat(fileName: "a.dir/name") == nil && OutputFormat(fileName: "x.markdown") == .markdown)
    }

    @Test("down a pipe a paper's bytes go unchanged, and text formats stay text")
    func downAPipe() throws {
        let (pipe, written) = Self.sink(isTerminal: false)
        try DocumentDelivery(format: .docx, path: nil).write(Document(title: "T"), with: EchoRenderer(), output: pipe, notices: OutputSink.buffer().sink)
        #expect(written().1 == Array("bytes:docx".utf8))
        try DocumentDelivery(format: .html, path: nil).write(Document(title: "T"), with: EchoRenderer(), output: pipe, notices: OutputSink.buffer().sink)
        #expect(written().0 == "text:html")
    }

    @Test("'-o -' is the command's output, as with most tools, never a file called '-'")
    func aDashIsTheOutput() throws {
        let (pipe, written) = Self.sink(isTerminal: false)
        let delivery = DocumentDelivery(format: .csv, path: "-")
        #expect(delivery.path == nil)
        try delivery.write(Document(title: "T"), with: EchoRenderer(), output: pipe, notices: OutputSink.buffer().sink)
        #expect(written().0 == "text:csv")
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
    }

    @Test("to a file a paper goes through SafeFile, owner-only unless asked, with a note")
    func toAFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/paper.odt"
        let notices = OutputSink.buffer()
        try DocumentDelivery(format: .odt, path: path).write(
            Document(title: "T"), with: EchoRenderer(), output: Self.sink(isTerminal: true).0, notices: notices.sink)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("bytes:odt".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(notices.contents() == "Written to \(path).\n")
        let missing = DocumentDelivery(format: .odt, path: directory.path + "/no/such/paper.odt")
        #expect(throws: DiagnosticError.self) { try missing.check(output: OutputSink.standardError) }
    }
}
