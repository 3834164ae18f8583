import EthicsTestSupport
import Foundation
import Testing

/// The built `ethics` binary and its register, as a council's staff run it.
@Suite struct RecordsEndToEndTests {
    @Test func concurrentRunsJournalEveryEventAndTheChainVerifies() async throws {
        let directory = try TemporaryDirectory(prefix: "ethics-records-e2e")
        let environment = ["XDG_DATA_HOME": directory.path + "/data"]
        // Each Markdown render publishes `document.rendering`, which the journal appends.
        try await withThrowingTaskGroup(of: Int32.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    var worst: Int32 = 0
                    for _ in 0..<4 {
                        let result = try CommandRunner.ethics(["records", "list", "--format", "markdown"], environment: environment)
                        worst = max(worst, result.status)
                    }
                    return worst
                }
            }
            for try await status in group { #expect(status == 0) }
        }
        let verify = try CommandRunner.ethics(["records", "verify"], environment: environment)
        #expect(verify.status == 0, "\(verify)")
        #expect(verify.stdout.contains("Journal entries: 8"), "\(verify)")
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
}
