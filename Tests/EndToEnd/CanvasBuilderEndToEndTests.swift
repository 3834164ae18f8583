import EthicsTestSupport
import Foundation
import Glibc
import Testing

/// A project team's canvas from start to register, through the real `ethics` binary.
@Suite struct CanvasBuilderEndToEndTests {
    private let fixture = CommandRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/CanvasBuilder/repairs.dec.json")

    @Test func newFillCheckRenderExportImportRecord() throws {
        let directory = try TemporaryDirectory()
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        func run(_ arguments: [String]) throws -> CommandResult {
            try CommandRunner.ethics(["canvas-builder"] + arguments, environment: environment, in: directory.url)
        }
        let created = try run(["new", "--title", "Damp prediction", "--output", "damp.canvas.yaml"])
        #expect(created.status == 0, "\(created)")
        #expect(created.stdout.hasPrefix("damp.canvas.yaml: created Data Ethics Canvas 'Damp prediction' with 15 areas"))

        _ = try directory.write("""
            areas:
              reasons:
                status: COMPLETE
                answers:
                  purpose: Find homes at risk of damp early.
                  uses: |
                    Repair planning
                    Surveyor rotas
                  benefit: Tenants, measured by fewer emergency repairs.
                  replacing: No, it adds to the annual stock survey.
              openness:
                status: FOR_REVIEW
                answers:
                  publish-method: A model card on the council website.
            actions:
              - {title: Run a DPIA, priority: HIGH, area: rights, type: action}
            """, to: "answers.yaml")
        let filled = try run(["fill", "damp.canvas.yaml", "--answers", "answers.yaml"])
        #expect(filled.status == 0, "\(filled)")
        #expect(filled.stdout == "damp.canvas.yaml: updated 3 areas (reasons, openness, actions)\n")

        let check = try run(["check", "damp.canvas.yaml"])
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("Incomplete: 1 of 15 areas complete."))
        #expect(check.stdout.contains("action 1 'Run a DPIA': no owner"))

        let html = try run(["render", "damp.canvas.yaml", "--format", "html"])
        #expect(html.status == 0, "\(html)")
        #expect(html.stdout.contains("Damp prediction: each area&#39;s status and answered questions, by group</caption>"))
        #expect(html.stdout.contains("<th scope=\"col\">Know</th><th scope=\"col\">Explore</th><th scope=\"col\">Plan</th><th scope=\"col\">Integrate</th>"))
        #expect(html.stdout.contains("Find homes at risk of damp early."))
        #expect(html.stdout.contains("CC BY-SA 4.0"))

        let exported = try run(["export", "damp.canvas.yaml", "--format", "dec-json", "--output", "damp.dec.json"])
        #expect(exported.status == 0, "\(exported)")
        #expect(exported.stderr == "Written to damp.dec.json.\n" && exported.stdout.isEmpty, "\(exported)")
        let imported = try run(["import", "damp.dec.json", "--output", "again.canvas.yaml"])
        #expect(imported.status == 0, "\(imported)")
        let again = try run(["export", "again.canvas.yaml"])
        #expect(try json(again.stdout) == json(String(contentsOf: directory.url.appendingPathComponent("damp.dec.json"), encoding: .utf8)))

        let recorded = try run(["record", "damp.canvas.yaml", "--author", "Housing data team"])
        #expect(recorded.status == 0, "\(recorded)")
        #expect(recorded.stdout.contains("kept as can-") && recorded.stdout.contains("version 1"))
        // What the board signs off is what it was given: an incomplete canvas does not go to it.
        let second = try run(["record", "damp.canvas.yaml", "--status", "for-board"])
        #expect(second.status == 2 && second.stdout.isEmpty, "\(second)")
        #expect(second.stderr.contains("damp.canvas.yaml: error: a canvas goes to the board complete, and this one has 14 areas to finish, 1 action without an owner or priority"),
                "\(second)")
        let history = try CommandRunner.ethics(["records", "list", "--kind", "canvas", "--format", "csv"], environment: environment, in: directory.url)
        #expect(history.stdout.contains("Damp prediction"), "\(history)")

        // Approval is a sign-off, never a status a canvas gives itself.
        let approved = try run(["record", "damp.canvas.yaml", "--status", "approved"])
        #expect(approved.status == 2 && approved.stderr.contains("'approved'") && approved.stderr.contains("for-board"), "\(approved)")
        // A withdrawn record takes no new content: that is a new record.
        let id = try #require(recorded.stdout.split(separator: " ").first { $0.hasPrefix("can-") }.map(String.init))
        let withdrawn = try CommandRunner.ethics(["records", "withdraw", id, "--reason", "Duplicate"], environment: environment, in: directory.url)
        #expect(withdrawn.status == 0, "\(withdrawn)")
        let afterwards = try run(["record", "damp.canvas.yaml"])
        #expect(afterwards.status == 2, "\(afterwards)")
        #expect(afterwards.stderr.contains("record '\(id)' is withdrawn (version 2); nothing more can be done to it: keep what changed as a new record"),
                "\(afterwards)")
    }

    @Test func anODIFileRoundTripsThroughTheBinary() throws {
        let directory = try TemporaryDirectory()
        let imported = try CommandRunner.ethics(["canvas-builder", "import", fixture.path, "--output", "r.canvas.yaml"], in: directory.url)
        #expect(imported.status == 0, "\(imported)")
        let exported = try CommandRunner.ethics(["canvas-builder", "export", "r.canvas.yaml", "--format", "dec-json"], in: directory.url)
        #expect(exported.status == 0)
        #expect(try json(exported.stdout) == json(String(contentsOf: fixture, encoding: .utf8)))
        let actions = try CommandRunner.ethics(["canvas-builder", "actions", "r.canvas.yaml"], in: directory.url)
        #expect(actions.stdout.contains("1 action and 1 decision, highest priority first."), "\(actions)")
    }

    @Test("a file without a title (null, as the app writes an untitled canvas, or empty) takes the file's name and says so",
          arguments: ["null", "\"\"", nil])
    func anUntitledFileSaysWhereItsTitleCameFrom(_ title: String?) throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("{\(title.map { "\"title\": \($0), " } ?? "")\"blobs\": []}", to: "Repairs 2026.dec.json")
        let imported = try CommandRunner.ethics(["canvas-builder", "import", file, "--output", "r.canvas.yaml"], in: directory.url)
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stderr.contains("The file has no title, so the canvas is titled 'Repairs 2026' after the file name"), "\(imported)")
        #expect(imported.stdout.contains("with 0 areas and 0 actions"), "\(imported)")
    }

    @Test func badInputIsPositionedWithExitTwoAndNothingWritten() throws {
        let directory = try TemporaryDirectory()
        let broken = try directory.write("{\"title\": \"x\",\n \"blobs\": [1,}", to: "broken.dec.json")
        let result = try CommandRunner.ethics(["canvas-builder", "import", broken], in: directory.url)
        #expect(result.status == 2)
        #expect(result.stderr == "\(broken):2:14: error: expected a value, found '}'\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/broken.canvas.yaml"))

        let unknown = try CommandRunner.ethics(["canvas-builder", "new", "--title", "x", "--template", "odi-canvas"], in: directory.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: unknown template 'odi-canvas'; known templates: odi-data-ethics-canvas, uk-data-ethics-framework, dpia, equality-impact-assessment\n")

        // A check the command makes as it runs points at the command's own help, not the toolkit's.
        let untitled = try CommandRunner.ethics(["canvas-builder", "new", "--title", " "], in: directory.url)
        #expect(untitled.status == 2)
        #expect(untitled.stderr == "error: --title must not be empty\nSee 'ethics canvas-builder new --help' for its options.\n", "\(untitled)")

        try FileManager.default.createDirectory(atPath: directory.path + "/sub", withIntermediateDirectories: false)
        let folder = try CommandRunner.ethics(["canvas-builder", "new", "--title", "x", "--output", "sub"], in: directory.url)
        #expect(folder.status == 2 && folder.stderr.contains("sub: error: it is a folder"), "\(folder)")

        _ = try CommandRunner.ethics(["canvas-builder", "new", "--title", "x", "--output", "x.canvas.yaml"], in: directory.url)
        let before = try String(contentsOfFile: directory.path + "/x.canvas.yaml", encoding: .utf8)
        let answers = try directory.write("areas:\n  reasons:\n    status: DONE\n", to: "a.yaml")
        let fill = try CommandRunner.ethics(["canvas-builder", "fill", "x.canvas.yaml", "--answers", answers], in: directory.url)
        #expect(fill.status == 2)
        #expect(fill.stderr.hasPrefix("\(answers):3:13: error: "), "\(fill)")
        #expect(fill.stderr.contains("DONE"))
        #expect(try String(contentsOfFile: directory.path + "/x.canvas.yaml", encoding: .utf8) == before)

        let area = try CommandRunner.ethics(["canvas-builder", "fill", "x.canvas.yaml", "--area", "reasns"], in: directory.url)
        #expect(area.status == 2)
        #expect(area.stderr == "error: --area: 'reasns' is not an area of the canvas's template 'odi-data-ethics-canvas'; did you mean 'reasons'?\n")

        let noTerminal = try CommandRunner.ethics(["canvas-builder", "fill", "x.canvas.yaml"], in: directory.url)
        #expect(noTerminal.status == 2)
        #expect(noTerminal.stderr.contains("pass --answers FILE"))
    }

    /// Interactive fill on a real terminal (tmux, on a private server); Ctrl-C midway leaves the
    /// file as it was, and a finished session writes every answer.
    @Test(.enabled(if: DecisionFlowchartEndToEndTests.tmuxPath != nil, "tmux is not installed (Tools/test installs it)"))
    func interactiveFillOnATerminal() throws {
        let tmux = try #require(DecisionFlowchartEndToEndTests.tmuxPath)
        let directory = try TemporaryDirectory()
        _ = try CommandRunner.ethics(["canvas-builder", "new", "--title", "Tty", "--output", "t.canvas.yaml"], in: directory.url)
        let file = directory.path + "/t.canvas.yaml"
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let terminal = Terminal(tmux: tmux, socket: "canvas-e2e-\(getpid())-\(Int.random(in: 0..<1_000_000))")
        defer { terminal.stop() }
        let fill = "cd \(directory.path) && NO_COLOR=1 \(CommandRunner.ethicsBinary.path) canvas-builder fill t.canvas.yaml --area reasons; echo EXIT=$?; sleep 10"

        try terminal.start("a", fill)
        #expect(terminal.waitFor("a", "Status (optional): choose 1-3"))
        try terminal.send("a", "DONE", "Enter")
        #expect(terminal.waitFor("a", "'DONE' is not one of the choices"))
        try terminal.send("a", "COMPLETE", "Enter")
        #expect(terminal.waitFor("a", "Notes"))
        try terminal.send("a", "C-c")
        #expect(terminal.waitFor("a", "EXIT="))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)

        try terminal.start("b", fill)
        #expect(terminal.waitFor("b", "Status"))
        try terminal.send("b", "COMPLETE", "Enter")
        #expect(terminal.waitFor("b", "Notes"))
        // Notes and answers take lines until an empty one.
        try terminal.send("b", "Agreed", "Enter")
        try terminal.send("b", "Minuted", "Enter")
        try terminal.send("b", "Enter")
        #expect(terminal.waitFor("b", "What mainly drives"))
        let steps = [
            ("Early warning of damp", "What are the main things"), ("Repair planning", "make things better"),
            ("Tenants", "take the place"), ("No", "EXIT=0"),
        ]
        for (keys, next) in steps {
            try terminal.send("b", keys, "Enter")
            try terminal.send("b", "Enter")
            #expect(terminal.waitFor("b", next))
        }
        let after = try String(contentsOfFile: file, encoding: .utf8)
        #expect(after.contains("status: COMPLETE") && after.contains("purpose: Early warning of damp") && after.contains("benefit: Tenants") && after.contains("replacing: No"))
        #expect(after.contains("Agreed\n") && after.contains("Minuted"), "notes of two lines: \(after)")
    }

    private func json(_ text: String) throws -> NSObject {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as! NSObject
    }
}

/// A tmux server of the test's own. Its commands run with output to /dev/null, since the server
/// they start would otherwise hold the pipe open; the screen is read with capture-pane.
private struct Terminal {
    var tmux: String
    var socket: String

    /// Spawns tmux and reaps it with waitpid. Foundation's Process is not used: it learns that a
    /// child ended through a descriptor the child inherits, and the tmux server that
    /// `new-session` leaves behind would hold that descriptor open for ever.
    private func run(_ arguments: [String], capture: Bool = false) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(socket)-\(UUID().uuidString)").path
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? output : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, tmux, &actions, nil, argv, environ) == 0 else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return capture ? ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") : ""
    }

    func start(_ name: String, _ command: String) throws {
        _ = try run(["new-session", "-d", "-s", name, "-x", "200", "-y", "50", command])
    }

    func send(_ name: String, _ keys: String...) throws {
        _ = try run(["send-keys", "-t", name] + keys)
    }

    func waitFor(_ name: String, _ text: String) -> Bool {
        for _ in 0..<100 {
            if (try? run(["capture-pane", "-p", "-t", name], capture: true))?.contains(text) == true { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func stop() {
        _ = try? run(["kill-server"])
    }
}
