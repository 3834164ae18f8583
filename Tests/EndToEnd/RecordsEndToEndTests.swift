import EthicsTestSupport
import Foundation
import Testing

/// The built `ethics` binary and its register, as a council's staff run it.
@Suite struct RecordsEndToEndTests {
    @Test func concurrentReadsCreateNothingAndConcurrentWritesKeepEverything() async throws {
        let directory = try TemporaryDirectory(prefix: "ethics-records-e2e")
        let environment = ["XDG_DATA_HOME": directory.path + "/data", "ETHICS_AUTHOR": "Officer"]
        // Reading never writes: rendering a page journals nothing, so no register appears.
        for _ in 0..<4 {
            #expect(try CommandRunner.ethics(["records", "list", "--format", "markdown"], environment: environment).status == 0)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/data/ethics"))
        try await withThrowingTaskGroup(of: Int32.self) { group in
            for worker in 0..<2 {
                group.addTask {
                    var worst: Int32 = 0
                    for round in 0..<3 {
                        let file = directory.path + "/c-\(worker)-\(round).yaml"
                        _ = try CommandRunner.ethics(["canvas-builder", "new", "--title", "C \(worker) \(round)", "-o", file], environment: environment)
                        worst = max(worst, try CommandRunner.ethics(["canvas-builder", "record", file], environment: environment).status)
                    }
                    return worst
                }
            }
            for try await status in group { #expect(status == 0) }
        }
        let verify = try CommandRunner.ethics(["records", "verify"], environment: environment)
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("Record versions: 6\n"), "\(verify)")
        let register = directory.path + "/data/ethics/default/register.sqlite"
        let mode = try FileManager.default.attributesOfItem(atPath: register)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aForeignFileAtTheRegisterPathExitsTwoAndIsKept() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-records-e2e")
        let path = try directory.write(Data([0x00, 0xFF, 0x13, 0x37, 0x42]), to: "data/ethics/default/register.sqlite")
        let result = try CommandRunner.ethics(["records", "verify"], environment: ["XDG_DATA_HOME": directory.path + "/data"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([0x00, 0xFF, 0x13, 0x37, 0x42]))
    }

    /// A decision log as a council keeps it: a reference, a summary, UK dates.
    static func decisionLog(rows: Int) -> String {
        var text = "Reference,Title,Author,Decided on,Review by,Tags,Attributes,Summary\r\n"
        for row in 1...rows {
            text += "EDL-\(row),\"Proposal \(row): analytics, housing\",Officer \(row % 7),2024-01-15,"
                + "\(1 + row % 28)/\(1 + row % 12)/2027,housing;analytics,justice,\"Agreed with conditions.\"\r\n"
        }
        return text
    }

    @Test func aDecisionLogIsImportedOnceAndEachRecordRemembersItsLine() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-records-import")
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        let log = try directory.write(Self.decisionLog(rows: 3), to: "decision-log.csv")

        let check = try CommandRunner.ethics(["records", "import", log, "--dry-run"], environment: environment)
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("Import check: nothing was kept"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/data"), "a dry run created a register")

        let imported = try CommandRunner.ethics(["records", "import", log, "--format", "csv"], environment: environment)
        #expect(imported.status == 0, "\(imported)")
        let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year!
        #expect(imported.stdout.split(separator: "\r\n").first == "Line,Record,Kind,Title,Status,Review by")
        #expect(imported.stdout.contains("3,dec-\(year)-0002,decision,\"Proposal 2: analytics, housing\",recorded,2027-03-03"))

        let show = try CommandRunner.ethics(["records", "show", "dec-\(year)-0003", "--format", "json"], environment: environment)
        #expect(show.stdout.contains("EDL-3"), "\(show)")
        #expect(show.stdout.contains("decision-log.csv"), "\(show)")

        let again = try CommandRunner.ethics(["records", "import", log], environment: environment)
        #expect(again.status == 2, "\(again)")
        #expect(again.stderr.contains("this file was already imported"), "\(again)")
        let listed = try CommandRunner.ethics(["records", "list", "--format", "csv"], environment: environment)
        #expect(listed.stdout.split(separator: "\r\n").count == 1 + 3, "\(listed)")

        #expect(try CommandRunner.ethics(["records", "import", log, "--again"], environment: environment).status == 0)
        let verify = try CommandRunner.ethics(["records", "verify"], environment: environment)
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("Record versions: 6"), "\(verify)")
    }

    @Test func twoImportsOfOneFileAtOnceKeepItOnce() async throws {
        let directory = try TemporaryDirectory(prefix: "ethics-records-import")
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        let log = try directory.write(Self.decisionLog(rows: 500), to: "decision-log.csv")
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<2 {
                group.addTask { try CommandRunner.ethics(["records", "import", log], environment: environment).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.sorted() == [0, 2])
        let verify = try CommandRunner.ethics(["records", "verify"], environment: environment)
        #expect(verify.stdout.contains("Record versions: 500\n"), "\(verify)")
    }

    @Test func theShippedExampleLogImports() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-records-import")
        let example = CommandRunner.repositoryRoot.appendingPathComponent("Configs/examples/decision-log.csv").path
        let result = try CommandRunner.ethics(
            ["records", "import", example, "--dry-run", "--format", "csv"], environment: ["XDG_DATA_HOME": directory.path + "/data"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.split(separator: "\r\n").count == 1 + 3, "\(result)")
    }

    @Test func anImportKilledWithSIGKILLKeepsAllOfTheLogOrNone() throws {
        let directory = try TemporaryDirectory(prefix: "ethics-records-import")
        let log = try directory.write(Self.decisionLog(rows: 5_000), to: "decision-log.csv")
        for round in 0..<3 {
            let data = directory.path + "/data-\(round)"
            let process = Process()
            process.executableURL = CommandRunner.ethicsBinary
            process.arguments = ["records", "import", log]
            process.environment = ProcessInfo.processInfo.environment.merging(["XDG_DATA_HOME": data]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Once the register is open (its write-ahead log exists) the rows are being written:
            // kill it then, and later each round, wherever it has got to.
            let wal = data + "/ethics/default/register.sqlite-wal"
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: wal) && process.isRunning && Date() < deadline {
                usleep(2_000)
            }
            usleep(useconds_t(round * 150_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let verify = try CommandRunner.ethics(["records", "verify"], environment: ["XDG_DATA_HOME": data])
            #expect(verify.status == 0, "round \(round): \(verify)")
            let none = verify.stdout.contains("There is no register yet") || verify.stdout.contains("Record versions: 0\n")
            #expect(none || verify.stdout.contains("Record versions: 5000\n"), "round \(round): \(verify)")
        }
    }
}
