import EthicsTestSupport
import Foundation
import Testing

/// A decision from the log to its sign-off, review and replacement, through the real binary, and
/// the register's files after each: what verify says, what a backup holds, what a head proves.
@Suite struct RecordsLifecycleEndToEndTests {
    let directory: TemporaryDirectory
    let environment: [String: String]
    var register: String { directory.path + "/data/ethics/default/register.sqlite" }

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-lifecycle-e2e")
        environment = ["XDG_DATA_HOME": directory.path + "/data", "ETHICS_AUTHOR": "Sam Patel"]
        let log = CommandRunner.repositoryRoot.appendingPathComponent("Configs/examples/decision-log.csv").path
        let imported = try run(["records", "import", log])
        precondition(imported.status == 0, "\(imported)")
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.ethics(arguments, environment: environment, in: directory.url)
    }

    func year() -> Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    @Test func signOffReviewSupersedeAndWithdraw() throws {
        let (first, second, third) = ("dec-\(year())-0001", "dec-\(year())-0002", "dec-\(year())-0003")
        let approve = try run(["records", "approve", first, "--role", "data protection officer"])
        #expect(approve.status == 0, "\(approve)")
        #expect(approve.stdout == "\(first): signed off as Data Protection Officer (version 2, by Sam Patel); status approved, next review 2027-03-31\n")
        #expect(approve.stderr.contains("Register journal head: "), "every write shows the head")

        let wrongRole = try run(["records", "approve", first, "--role", "Data Protecton Officer"])
        #expect(wrongRole.status == 2 && wrongRole.stderr.contains("did you mean 'Data Protection Officer'?"), "\(wrongRole)")
        // A role signs a version of the content once; the record keeps nothing more.
        let before = try run(["records", "history", first, "--format", "csv"]).stdout
        let twice = try run(["--as", "Amira Khan", "records", "approve", first, "--role", "Data Protection Officer"])
        #expect(twice.status == 2, "\(twice)")
        #expect(twice.stderr.contains("error: \(first) is already signed off as Data Protection Officer, by Sam Patel (version 2)"), "\(twice)")
        #expect(try run(["records", "history", first, "--format", "csv"]).stdout == before, "nothing more is kept")

        let review = try run(["records", "review", second, "--outcome", "no-change", "--note", "Checked", "--next-review", "2030-01-01"])
        #expect(review.status == 0, "\(review)")
        let due = try run(["records", "due", "--within", "400", "--format", "csv"])
        #expect(!due.stdout.contains(second), "a reviewed record leaves the due list: \(due)")

        let supersede = try run(["--as", "Board chair", "records", "supersede", third, "--by", second])
        #expect(supersede.status == 0, "\(supersede)")
        #expect(supersede.stdout.contains("status superseded\n"), "a superseded record has no next review: \(supersede)")
        let withdraw = try run(["records", "withdraw", third, "--reason", "x"])
        #expect(withdraw.status == 2 && withdraw.stderr.contains("is superseded (version 2); nothing more can be done to it"), "\(withdraw)")

        let show = try run(["records", "show", third, "--format", "markdown"])
        #expect(show.stdout.contains("`\(second)` (Use a chatbot to answer council tax questions) supersedes this record"), "\(show)")
        #expect(show.stdout.contains("| 2 | supersede | Board chair |"), "\(show)")
        let verify = try run(["records", "verify"])
        #expect(verify.status == 0 && verify.stdout.contains("Links: 1"), "\(verify)")
    }

    /// Each lifecycle command SIGKILLed at a spread of moments, from before it opens the
    /// register to about when it finishes, then once left to finish: the register verifies every time, and the record has
    /// either the versions it had or one more holding the step, with what goes with the step
    /// (for supersede, the link), never a part of it.
    @Test func aLifecycleCommandKilledKeepsItsStepWhollyOrNotAtAll() throws {
        let (first, second, third) = ("dec-\(year())-0001", "dec-\(year())-0002", "dec-\(year())-0003")
        let log = CommandRunner.repositoryRoot.appendingPathComponent("Configs/examples/decision-log.csv").path
        let steps: [(target: String, arguments: [String])] = [
            (first, ["records", "approve", first, "--role", "data protection officer"]),
            (second, ["records", "review", second, "--outcome", "no-change", "--note", "Checked", "--next-review", "2030-01-01"]),
            (third, ["records", "supersede", third, "--by", second]),
            (first, ["records", "withdraw", first, "--reason", "Replaced by a new process"]),
        ]
        var outcomes: [String: Set<Bool>] = [:]
        for (index, step) in steps.enumerated() {
            for (round, delay) in [0, 3_000, 8_000, 15_000, 30_000, 60_000, 120_000, nil].enumerated() {
                let data = directory.path + "/kill-\(index)-\(round)"
                let environment = ["XDG_DATA_HOME": data, "ETHICS_AUTHOR": "Sam Patel"]
                let imported = try CommandRunner.ethics(["records", "import", log], environment: environment, in: directory.url)
                try #require(imported.status == 0, "\(imported)")

                let process = Process()
                process.executableURL = CommandRunner.ethicsBinary
                process.arguments = step.arguments
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
                process.currentDirectoryURL = directory.url
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                if let delay {
                    usleep(useconds_t(delay))
                    kill(process.processIdentifier, SIGKILL)
                }
                process.waitUntilExit()

                let context = delay.map { "\(step.arguments[1]) killed after \($0 / 1000) ms" } ?? "\(step.arguments[1]) left to finish"
                let verify = try CommandRunner.ethics(["records", "verify"], environment: environment, in: directory.url)
                #expect(verify.status == 0, "\(context): \(verify)")
                let history = try CommandRunner.ethics(["records", "history", step.target, "--format", "csv"], environment: environment, in: directory.url)
                #expect(history.status == 0, "\(context): \(history)")
                let versions = history.stdout.split(separator: "\r\n").count - 1
                #expect(versions == 1 || versions == 2, "\(context): \(history)")
                let kept = versions == 2
                outcomes[step.arguments[1], default: []].insert(kept)
                if step.arguments[1] == "supersede" {
                    #expect(verify.stdout.contains(kept ? "Links: 1\n" : "Links: 0\n"), "\(context): the link goes with the step: \(verify)")
                }
            }
        }
        // The last round lets the command finish, so every step was kept at least once.
        #expect(outcomes.values.allSatisfy { $0.contains(true) }, "\(outcomes)")
    }

    /// An escalated decision says it awaits the board, in the list, on its page and in an export,
    /// until the board's answer, a decision citing it, is kept; a sign-off ends the wait too.
    @Test func anEscalatedDecisionAwaitsTheBoardUntilItsAnswerIsKept() throws {
        let walk = ["decision-flowchart", "run", "--title", "Prioritise housing repairs", "--answers", SharedAnswers.escalatePath,
                    "--output", directory.path + "/walk.md"]
        let escalated = try run(walk)
        #expect(escalated.status == 0, "\(escalated)")
        let id = try #require(escalated.stdout.firstMatch(of: /dec-[0-9]{4}-[0-9]{4,}/).map { String($0.output) }, "\(escalated)")
        let list = { try self.run(["records", "list", "--kind", "decision", "--format", "csv"]).stdout }
        let before = try list()
        #expect(before.contains(",escalate: awaiting the board,"), "\(before)")
        let page = try run(["records", "show", id])
        #expect(page.stdout.contains("escalate: awaiting the board"), "\(page)")

        let answer = try run(walk + ["--cites", id])
        #expect(answer.status == 0, "\(answer)")
        let after = try list()
        // The answer escalates too, so it awaits the board in its turn; the first no longer does.
        #expect(after.contains("\(id),decision,1,Prioritise housing repairs,escalate,"), "\(after)")

        let second = try run(walk)
        let other = try #require(second.stdout.firstMatch(of: /dec-[0-9]{4}-[0-9]{4,}/).map { String($0.output) }, "\(second)")
        let waiting = try list()
        #expect(waiting.contains("\(other),decision,1,Prioritise housing repairs,escalate: awaiting the board,"), "\(waiting)")
        #expect(try run(["records", "approve", other, "--role", "chair of the ethics board"]).status == 0)
        let approved = try list()
        #expect(approved.contains("\(other),decision,2,Prioritise housing repairs,approved,"), "\(approved)")
    }

    @Test func dueCheckFailsWhileAReviewIsOverdue() throws {
        let check = try run(["records", "due", "--check"])
        #expect(check.status == 1, "the example log has a review already past: \(check)")
        #expect(check.stderr.contains("review is overdue"))
    }

    @Test func aHeadNotedEarlierCatchesAnOlderCopy() throws {
        let head = try #require(try run(["records", "verify", "--format", "json"]).stdout
            .components(separatedBy: "\"Journal head\"").dropFirst().first?
            .components(separatedBy: "\"").first { $0.range(of: #"^[0-9]+:[0-9a-f]{64}$"#, options: .regularExpression) != nil })
        let backup = directory.path + "/backup.sqlite"
        let made = try run(["records", "backup", backup])
        #expect(made.status == 0 && made.stdout.contains("verified"), "\(made)")
        _ = try run(["records", "approve", "dec-\(year())-0001", "--role", "Monitoring Officer"])
        #expect(try run(["records", "verify", "--expect-head", head]).status == 0, "the journal still holds the earlier head")
        #expect(try run(["records", "verify", "--expect-head", " \(head.uppercased()) "]).status == 0, "a head copied in capitals is the same head")
        // A head the chain does not pass through: the chain itself holds, which verify says.
        let sequence = head.prefix { $0 != ":" }
        let wrong = try run(["records", "verify", "--expect-head", "\(sequence):\(String(repeating: "0", count: 64))"])
        #expect(wrong.status == 1 && wrong.stdout.contains("The chain holds as it stands") && !wrong.stdout.contains("Verify stopped"), "\(wrong)")
        // Restore the older copy over the register: the head noted after the last write shows it.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: register + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: register)
        let verify = try run(["records", "verify"])
        #expect(verify.status == 1 && verify.stderr.contains("entries after"), "\(verify)")
    }
}
