import EthicsTestSupport
import Foundation
import Glibc
import Testing

/// The built `ethics` binary walking the shipped flowchart, as a council officer would: from an
/// answers file, and at a terminal (a tmux pane stands in for the person).
@Suite struct DecisionFlowchartEndToEndTests {
    @Test func aScriptedRunIsKeptListedAndShown() throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-e2e")
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        let file = SharedAnswers.escalatePath
        let run = try CommandRunner.ethics(
            ["decision-flowchart", "run", "--title", "Prioritise housing repairs", "--answers", file, "--author", "Jo Bloggs",
             "--output", directory.path + "/decision.md", "--format", "markdown"],
            environment: environment)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("Recorded dec-"), "\(run)")
        #expect(run.stdout.contains(": Escalate to the ethics board. Written to \(directory.path)/decision.md."))
        let markdown = try String(contentsOfFile: directory.path + "/decision.md", encoding: .utf8)
        #expect(markdown.contains("# Prioritise housing repairs"))
        // code-mapper is on in the default toolkit: the duties it names are in the record.
        #expect(markdown.contains("## Professional duties engaged"))
        #expect(markdown.contains("| `bcs.1.a` |"))

        let list = try CommandRunner.ethics(["decision-flowchart", "list", "--format", "csv"], environment: environment)
        #expect(list.status == 0, "\(list)")
        let id = try #require(list.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").first.map(String.init))
        #expect(list.stdout.contains(",Prioritise housing repairs,ethical-decision 2.0.0,escalate,recorded,Jo Bloggs,"))

        let show = try CommandRunner.ethics(["decision-flowchart", "show", id], environment: environment)
        #expect(show.status == 0, "\(show)")
        #expect(show.stdout.contains("Record: \(id) (version 1)"), "the duties are kept with the decision, in its first version")
        #expect(show.stdout.contains("Verdict: Escalate to the ethics board"))

        // After a sign-off and a review, the verdict and author stay the walk's; the status and
        // the review date are the register's.
        let approve = try CommandRunner.ethics(
            ["--as", "Sam Patel", "records", "approve", id, "--role", "Data Protection Officer"], environment: environment)
        #expect(approve.status == 0, "\(approve)")
        let review = try CommandRunner.ethics(
            ["--as", "Sam Patel", "records", "review", id, "--outcome", "no-change", "--note", "Fine", "--next-review", "2031-02-02"],
            environment: environment)
        #expect(review.status == 0, "\(review)")
        let after = try CommandRunner.ethics(["decision-flowchart", "list", "--format", "csv"], environment: environment)
        #expect(after.stdout.contains(",Prioritise housing repairs,ethical-decision 2.0.0,escalate,approved,Jo Bloggs,2031-02-02"), "\(after)")
        let shown = try CommandRunner.ethics(["decision-flowchart", "show", id], environment: environment)
        #expect(shown.stdout.contains("Status: approved") && shown.stdout.contains("Review by: 2031-02-02"), "\(shown)")

        let verify = try CommandRunner.ethics(["records", "verify"], environment: environment)
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func validateExitsOneForABrokenChartAndTwoForAFileThatIsNoChart() throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-e2e")
        let valid = try CommandRunner.ethics(["decision-flowchart", "validate"])
        #expect(valid.status == 0, "\(valid)")
        #expect(valid.stdout.hasSuffix("valid\n"))

        try directory.write("""
            id: broken
            title: Broken
            version: "1"
            provenance: {source: S, publisher: P, url: "https://example.org", licence: CC0, retrieved: 2026-01-01}
            nodes:
              - {id: ask, kind: question, text: Go?, choices: [{id: a, label: A, next: end}, {id: b, label: B, next: ned}]}
              - {id: end, kind: outcome, text: End., verdict: proceed}
              - {id: end, kind: outcome, text: Again., verdict: escalate}
            """, to: "broken.yaml")
        let broken = try CommandRunner.ethics(["decision-flowchart", "validate", "broken.yaml"], in: directory.url)
        #expect(broken.status == 1, "\(broken)")
        #expect(broken.stderr == """
            broken.yaml:6:106: error: node 'ask' leads to 'ned', which is not a node of this flowchart; did you mean 'end'?
            broken.yaml:8:10: error: node id 'end' is already used at broken.yaml:7:10; node ids must be unique within a flowchart

            """)

        try directory.write("id: [not, a, chart]\n", to: "garbage.yaml")
        let garbage = try CommandRunner.ethics(["decision-flowchart", "validate", "garbage.yaml"], in: directory.url)
        #expect(garbage.status == 2, "\(garbage)")
        #expect(garbage.stderr.hasPrefix("garbage.yaml:1:"), "\(garbage)")
    }

    @Test func withoutATerminalTheRunAsksForAnAnswersFile() throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-e2e")
        let result = try CommandRunner.ethics(
            ["decision-flowchart", "run", "--title", "Repairs", "--author", "Jo"], environment: ["XDG_DATA_HOME": directory.path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("pass --answers FILE"))
        let cites = try CommandRunner.ethics(
            ["decision-flowchart", "run", "--title", "Repairs", "--author", "Jo", "--cites", "can-2026-9999"],
            environment: ["XDG_DATA_HOME": directory.path])
        #expect(cites.status == 2, "\(cites)")
        #expect(cites.stderr.contains("'can-2026-9999', which is not a record in the register"))
    }

    // MARK: At a terminal

    static let tmuxPath = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A private tmux server (its own socket), so the test never touches anyone else's sessions.
    final class Terminal {
        let socket = "ethics-e2e-\(UUID().uuidString.prefix(8))"
        let tmux: URL

        init(tmux: String) { self.tmux = URL(fileURLWithPath: tmux) }

        /// Runs a tmux client through the shell, its output discarded. Not through `Process`:
        /// the first client forks the tmux server, which then holds open for ever what
        /// Foundation's runner waits on, and the test hangs.
        func tmux(_ arguments: [String]) throws {
            let words = [tmux.path, "-L", socket] + arguments
            let command = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let status = system("exec \(command) </dev/null >/dev/null 2>&1")
            if status != 0 { throw TerminalError(message: "tmux \(arguments.first ?? "") failed with status \(status)") }
        }

        struct TerminalError: Error { let message: String }

        /// What the pane shows, with its scrollback; the server already runs, so the pipe closes.
        func screen(_ name: String) throws -> String {
            try CommandRunner.run(tmux, ["-L", socket, "capture-pane", "-p", "-J", "-S", "-3000", "-t", name]).stdout
        }

        /// Starts `command` in a new 200×50 pane; the pane stays after it ends to show its status.
        func start(_ name: String, _ command: String) throws {
            try tmux(["new-session", "-d", "-s", name, "-x", "200", "-y", "50", command + "; echo \"[exit status $?]\"; sleep 600"])
            if serverPID == nil {
                let pid = try CommandRunner.run(tmux, ["-L", socket, "display-message", "-p", "#{pid}"]).stdout
                serverPID = Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }

        /// The private server's process id, to end it for certain when the test is over.
        private var serverPID: pid_t?

        func send(_ name: String, _ keys: String...) throws {
            for key in keys { try tmux(["send-keys", "-t", name, key]) }
        }

        func type(_ name: String, _ line: String) throws {
            try tmux(["send-keys", "-t", name, "-l", line])
            try tmux(["send-keys", "-t", name, "Enter"])
        }

        /// Waits until the pane (with its scrollback) shows `text` `count` times; returns what it shows.
        @discardableResult
        func waitFor(_ name: String, _ text: String, count: Int = 1, seconds: Double = 20) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var screen = ""
            while Date() < deadline {
                screen = try self.screen(name)
                if screen.components(separatedBy: text).count > count { return screen }
                Thread.sleep(forTimeInterval: 0.1)
            }
            Issue.record("'\(text)' did not appear; the pane shows:\n\(screen)")
            throw CancellationError()
        }

        /// `kill-server` can leave the server waiting on its panes; this server is the test's own,
        /// so it is then ended by its process id (its panes go with it).
        deinit {
            try? tmux(["kill-server"])
            if let serverPID { kill(serverPID, SIGKILL) }
        }
    }

    @Test(.enabled(if: tmuxPath != nil, "tmux is not installed"))
    func anInteractiveRunSavesResumesAndIsInterruptedCleanly() throws {
        let directory = try TemporaryDirectory(prefix: "flowchart-tty")
        let terminal = Terminal(tmux: try #require(Self.tmuxPath))
        let data = directory.path + "/data"
        let ethics = "cd \(directory.path) && env -u ETHICS_CONFIG XDG_DATA_HOME=\(data) NO_COLOR=1 \(CommandRunner.ethicsBinary.path) decision-flowchart"

        // Ctrl-C part way: nothing is recorded and nothing saved.
        try terminal.start("cancel", "\(ethics) run --title Cancelled --author Jo")
        try terminal.waitFor("cancel", "choose 1-3:")
        try terminal.type("cancel", "1")
        try terminal.waitFor("cancel", "Note (optional")
        try terminal.send("cancel", "C-c")
        try terminal.waitFor("cancel", "[exit status")

        // Answer two steps, go back one, then save.
        try terminal.start("first", "\(ethics) run --title 'Prioritise housing repairs' --author 'Jo Bloggs'")
        try terminal.waitFor("first", "choose 1-3:")
        try terminal.type("first", "1")
        try terminal.waitFor("first", "Note (optional")
        try terminal.type("first", "")
        try terminal.waitFor("first", "Your answer (finish with an empty line")
        try terminal.type("first", "Tenants who report less")
        try terminal.type("first", "could wait longer.")
        try terminal.type("first", ".")
        try terminal.waitFor("first", "Who has a stake")
        try terminal.type("first", ":back")
        // Back at the ethical issue: its heading shows a second time.
        try terminal.waitFor("first", "Step 2 (stage 1 of 5): The ethical issue", count: 2)
        try terminal.type("first", "Tenants who report less could wait longer.")
        try terminal.type("first", "")
        try terminal.waitFor("first", "Step 3 (stage 2 of 5): Who has a stake")
        try terminal.type("first", ":save")
        let saved = try terminal.waitFor("first", "[exit status 0]")
        let session = try #require(saved.firstMatch(of: /Saved as (ses-[0-9a-f-]+)\./)?.output.1).description
        let sessionFile = data + "/ethics/default/sessions/\(session).json"
        #expect(FileManager.default.fileExists(atPath: sessionFile))
        let mode = try FileManager.default.attributesOfItem(atPath: sessionFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Resume and finish: escalate after the options are weighed.
        try terminal.start("second", "\(ethics) run --resume \(session)")
        try terminal.waitFor("second", "Who has a stake")
        for answer in ["Tenants and the repairs team.", "", "Five years of repair records.", ""] { try terminal.type("second", answer) }
        try terminal.waitFor("second", "choose 1-2:")
        try terminal.type("second", "1")
        try terminal.type("second", "")
        try terminal.waitFor("second", "Equality impact")
        try terminal.type("second", "2")
        try terminal.type("second", "")
        try terminal.waitFor("second", "Why no Equality Impact Assessment")
        try terminal.type("second", "Every tenant is ranked by the same property data.")
        try terminal.type("second", "")
        try terminal.waitFor("second", "Personal data")
        try terminal.type("second", "3")
        try terminal.type("second", "")
        try terminal.waitFor("second", "Which hold?")
        try terminal.type("second", "1 2")
        try terminal.type("second", "Federation meeting")
        try terminal.waitFor("second", "Add an option? (Y/n)")
        for option in ["Keep first come, first served", "Rank with the model"] {
            try terminal.type("second", "y")
            try terminal.type("second", option)
            for _ in 0..<6 {
                try terminal.type("second", "3")
                try terminal.type("second", "Judged at the workshop.")
            }
        }
        try terminal.type("second", "n")
        try terminal.waitFor("second", "Which option do you choose")
        try terminal.type("second", "Rank with the model.")
        try terminal.type("second", "")
        try terminal.waitFor("second", "Tick each test")
        try terminal.type("second", "1 2 3")
        try terminal.type("second", "")
        try terminal.waitFor("second", "Putting it into effect with care")
        try terminal.type("second", "Meet the tenants' federation first.")
        try terminal.type("second", "")
        try terminal.waitFor("second", "Harm that remains")
        try terminal.type("second", "3")
        try terminal.type("second", "")
        try terminal.waitFor("second", "Rationale:")
        try terminal.type("second", "The board should weigh the harm.")
        try terminal.type("second", "")
        let finished = try terminal.waitFor("second", "[exit status")
        #expect(finished.contains("[exit status 0]"))
        #expect(finished.contains("Verdict: Escalate to the ethics board"))

        let list = try CommandRunner.ethics(["decision-flowchart", "list", "--format", "csv"], environment: ["XDG_DATA_HOME": data])
        let rows = list.stdout.split(separator: "\r\n").dropFirst()
        #expect(rows.count == 1, "\(list)")
        #expect(rows.first?.contains(",Prioritise housing repairs,ethical-decision 2.0.0,escalate,recorded,Jo Bloggs,") == true, "\(list)")
        #expect(!list.stdout.contains("Cancelled"))
        #expect(!FileManager.default.fileExists(atPath: sessionFile), "a finished session is removed")
        let show = try CommandRunner.ethics(["decision-flowchart", "show", String(rows.first?.prefix { $0 != "," } ?? "")], environment: ["XDG_DATA_HOME": data])
        #expect(show.stdout.contains("Tenants who report less could wait longer."), "\(show)")
    }
}
