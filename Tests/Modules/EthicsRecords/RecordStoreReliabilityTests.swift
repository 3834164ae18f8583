import EthicsCore
import EthicsRecords
import EthicsTestSupport
import Foundation
import Glibc
import Testing

/// Several writers at once, and a writer killed mid-write: nothing lost, the chain intact.
@Suite struct RecordStoreReliabilityTests {
    let directory: TemporaryDirectory
    var registerPath: String { directory.path + "/workspace/register.sqlite" }

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-records-reliability")
    }

    /// `ethics-records-writer`, built beside this test bundle.
    static var writer: URL {
        CommandRunner.ethicsBinary.deletingLastPathComponent().appendingPathComponent("ethics-records-writer")
    }

    @Test func twoRegistersOnOneFileWritingFromManyTasksLoseNothing() async throws {
        let first = try RecordStore(path: registerPath)
        let second = try RecordStore(path: registerPath)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                let store = task.isMultiple(of: 2) ? first : second
                group.addTask {
                    for index in 0..<15 {
                        _ = try store.record(RecordDraft(kind: .assessment, title: "Task \(task) record \(index)", author: "Task \(task)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        let records = try first.latestVersions()
        #expect(records.count == 120)
        #expect(Set(records.map(\.id)).count == 120)
        let verification = try second.verify()
        #expect(verification.isIntact, "\(String(describing: verification.problem))")
        #expect(verification.entryCount == 120)
    }

    @Test func twoProcessesWritingAtOnceLoseNothing() throws {
        let processes = try (0..<2).map { _ in try Self.start(path: registerPath, count: 60) }
        var printed = 0
        for (process, output) in processes {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            printed += String(decoding: data, as: UTF8.self).split(separator: "\n").count
        }
        #expect(printed == 120)
        let store = try RecordStore(path: registerPath)
        #expect(try store.latestVersions().count == 120)
        let verification = try store.verify()
        #expect(verification.isIntact, "\(String(describing: verification.problem))")
        #expect(verification.versionCount == 120 + 2 * 20)
    }

    @Test func aWriterKilledWithSIGKILLMidWriteLeavesTheRegisterConsistent() throws {
        for round in 0..<3 {
            let (process, output) = try Self.start(path: registerPath, count: 0)
            // Let it commit some records (more each round), then kill it wherever it is.
            var committed = 0
            var buffer = Data()
            let handle = output.fileHandleForReading
            while committed < 15 + round * 10 {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                committed = buffer.filter { $0 == UInt8(ascii: "\n") }.count
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            buffer.append(handle.readDataToEndOfFile())
            let ids = String(decoding: buffer, as: UTF8.self).split(separator: "\n").map(String.init)

            let store = try RecordStore(path: registerPath)
            let verification = try store.verify()
            #expect(verification.isIntact, "round \(round): \(String(describing: verification.problem))")
            let kept = Set(try store.latestVersions().map(\.id))
            // Every record the writer reported as committed is there; at most the one in flight is not reported.
            #expect(Set(ids).isSubset(of: kept), "round \(round)")
            #expect(kept.count >= ids.count)
        }
    }

    static func start(path: String, count: Int) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = writer
        process.arguments = [path, String(count)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        return (process, output)
    }
}
