import EthicsTestSupport
import Foundation
import Testing

/// The situations the bad-input corpus cannot hold as files: standard output closed or full,
/// output to devices and pipes, and FIFOs where a file is expected. Each runs the real binary
/// through a shell, the way a user's redirection would.
@Suite struct OutputTargetEndToEndTests {
    /// Runs `script` in `sh -c` with `$ETHICS` set to the built binary.
    func shell(_ script: String, in directory: TemporaryDirectory) throws -> CommandResult {
        try CommandRunner.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", script],
            environment: ["ETHICS": CommandRunner.ethicsBinary.path, "XDG_DATA_HOME": directory.path + "/data"],
            in: directory.url)
    }

    @Test func aFullStandardOutputFailsWithOneLine() throws {
        let directory = try TemporaryDirectory()
        let result = try shell(#""$ETHICS" glossary export --format json > /dev/full"#, in: directory)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "error: cannot write the results to standard output: no space left on device\n", "\(result)")
    }

    @Test func aClosedStandardOutputFailsWithOneLine() throws {
        let directory = try TemporaryDirectory()
        let result = try shell(#""$ETHICS" code-mapper list >&-"#, in: directory)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr == "error: standard output is closed, so the result would be lost; write it to a file with --output FILE\n", "\(result)")
        // A command that writes lines of its own, not a document, finds out on its first write.
        let checked = try shell(#""$ETHICS" config check >&-"#, in: directory)
        #expect(checked.status == 2, "\(checked)")
        #expect(checked.stderr == "error: cannot write the results to standard output: bad file descriptor\n", "\(checked)")
    }

    /// A walk whose record would be kept and its result lost is refused before anything is kept.
    @Test func aWalkWithStandardOutputClosedKeepsNothing() throws {
        let directory = try TemporaryDirectory()
        let result = try shell(
            #""$ETHICS" decision-flowchart run --title T --author A --answers "$ANSWERS" >&-"#.replacingOccurrences(of: "$ANSWERS", with: SharedAnswers.escalatePath),
            in: directory)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("standard output is closed"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/data/ethics"), "nothing was kept")
    }

    @Test func aReaderThatStopsEarlyIsNotAnError() throws {
        let directory = try TemporaryDirectory()
        let result = try shell(#""$ETHICS" glossary export --format csv | head -n 1"#, in: directory)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("id,kind,"))
        #expect(result.stderr.isEmpty, "\(result)")
    }

    /// `-o /dev/stdout` with standard output appended to a file writes through the shell's
    /// descriptor: what the file held stays, and the file is the same file.
    @Test func outputToDevStdoutAppendedToAFileKeepsWhatTheFileHeld() throws {
        let directory = try TemporaryDirectory()
        let result = try shell(#"echo first > log.txt && "$ETHICS" glossary export --format csv -o /dev/stdout >> log.txt && echo last >> log.txt"#, in: directory)
        #expect(result.status == 0, "\(result)")
        let log = try String(contentsOfFile: directory.path + "/log.txt", encoding: .utf8)
        #expect(log.hasPrefix("first\nid,kind,") && log.hasSuffix("last\n"), "\(log.prefix(200))")
    }

    /// An output that is one of the files the command read (its answers) is refused before
    /// anything is kept, and the file stays as it was.
    @Test func anOutputThatIsTheAnswersFileIsRefusedAndNothingIsKept() throws {
        let directory = try TemporaryDirectory()
        let answers = try String(contentsOfFile: SharedAnswers.escalatePath, encoding: .utf8)
        _ = try directory.write(answers, to: "e.yaml")
        let result = try shell(#""$ETHICS" decision-flowchart run --title T --author A --answers e.yaml --output e.yaml"#, in: directory)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("e.yaml: error: it is the input file e.yaml"), "\(result)")
        #expect(try String(contentsOfFile: directory.path + "/e.yaml", encoding: .utf8) == answers)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/data/ethics"), "nothing was kept")
    }

    /// A file marked read-only is not replaced, neither as a command's output nor as the canvas
    /// a fill changes, although the folder would allow the new file's rename over it.
    @Test func aReadOnlyFileIsNotReplaced() throws {
        let directory = try TemporaryDirectory()
        _ = try shell(#""$ETHICS" canvas-builder new --title Locked --output locked.canvas.yaml && chmod 0444 locked.canvas.yaml"#, in: directory)
        let canvas = try String(contentsOfFile: directory.path + "/locked.canvas.yaml", encoding: .utf8)
        _ = try directory.write("areas:\n  reasons:\n    status: COMPLETE\n", to: "a.yaml")
        let fill = try shell(#""$ETHICS" canvas-builder fill locked.canvas.yaml --answers a.yaml"#, in: directory)
        #expect(fill.status == 2, "\(fill)")
        #expect(fill.stderr.contains("locked.canvas.yaml: error: it is read-only; make it writable (chmod u+w) to change it"), "\(fill)")
        #expect(try String(contentsOfFile: directory.path + "/locked.canvas.yaml", encoding: .utf8) == canvas)
        // Said before any question, so nobody answers them all for nothing.
        let asked = try shell(#""$ETHICS" canvas-builder fill locked.canvas.yaml"#, in: directory)
        #expect(asked.status == 2 && asked.stderr.contains("it is read-only") && !asked.stderr.contains("terminal"), "\(asked)")
        _ = try directory.write("kept\n", to: "out.md")
        _ = try shell("chmod 0444 out.md", in: directory)
        let output = try shell(#""$ETHICS" glossary show DPIA --format markdown -o out.md"#, in: directory)
        #expect(output.status == 2 && output.stderr.contains("it is read-only"), "\(output)")
        #expect(try String(contentsOfFile: directory.path + "/out.md", encoding: .utf8) == "kept\n")
    }

    @Test(arguments: ["/dev/stdout", "-"])
    func outputToStandardOutputIsWrittenThere(_ target: String) throws {
        let directory = try TemporaryDirectory()
        let result = try shell(#""$ETHICS" glossary export --format csv -o \#(target) | wc -l"#, in: directory)
        #expect(result.status == 0, "\(result)")
        #expect((Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 100, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no file called '-'")
    }

    @Test(arguments: [
        ("--config", #""$ETHICS" --config pipe.yaml config check"#, "{dir}/pipe.yaml: error: this is a named pipe (FIFO), not a YAML file; name a regular file (reading it could wait for ever or never end)"),
        ("extends", #"printf 'extends: pipe.yaml\n' > child.yaml && "$ETHICS" --config child.yaml config check"#, "{dir}/child.yaml:1:10: error: cannot use 'pipe.yaml' as the parent configuration: this is a named pipe (FIFO), not a YAML file; name a regular file (reading it could wait for ever or never end) (at extends)"),
        ("glossary file", #"printf 'extends: default\nplugins:\n  glossary:\n    files+: [pipe.yaml]\n' > ethics.yaml && "$ETHICS" --config ethics.yaml config check"#, "{dir}/ethics.yaml:4:14: error: cannot use 'pipe.yaml': this is a named pipe (FIFO), not a YAML file; name a regular file (reading it could wait for ever or never end)"),
        ("records import", #""$ETHICS" records import pipe.yaml"#, "pipe.yaml: error: this is a named pipe (FIFO), not a CSV file; name a regular file (reading it could wait for ever or never end)"),
    ])
    func aFIFOWhereAFileBelongsIsRefusedAtOnce(_ place: String, _ script: String, _ expected: String) throws {
        let directory = try TemporaryDirectory()
        #expect(mkfifo(directory.path + "/pipe.yaml", 0o600) == 0)
        // Without the refusal each of these waits for ever for a writer; `timeout` bounds that.
        let result = try shell("timeout 20 sh -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'", in: directory)
        #expect(result.status == 2, "\(place): \(result)")
        let line = expected.replacingOccurrences(of: "{dir}", with: directory.path)
        #expect(result.stderr.split(separator: "\n").contains { $0 == line }, "\(place): expected\n\(line)\n\(result)")
    }

    @Test func aDecJSONFromAPipeIsImportedIntoTheCurrentFolder() throws {
        let directory = try TemporaryDirectory()
        let fixture = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/CanvasBuilder/repairs.dec.json").path
        let result = try CommandRunner.run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", #""$ETHICS" canvas-builder import <(cat "$FIXTURE")"#],
            environment: ["ETHICS": CommandRunner.ethicsBinary.path, "FIXTURE": fixture, "XDG_DATA_HOME": directory.path + "/data"],
            in: directory.url)
        #expect(result.status == 0, "\(result)")
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".canvas.yaml") }
        #expect(written.count == 1, "\(result)")
    }
}
