public import Foundation

/// What a finished command printed and how it ended.
public struct CommandResult: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    public var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs programs the way a user would, for end-to-end tests.
public enum CommandRunner {
    /// The repository this test binary was built from.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)  // Tests/Support/CommandRunner.swift
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The `ethics` executable built beside this test bundle (`swift test` builds it first).
    public static var ethicsBinary: URL {
        let executable = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return executable.deletingLastPathComponent().appendingPathComponent("ethics")
    }

    /// Runs `ethics` with `arguments`. The environment is the test's own, minus anything that
    /// would choose a configuration behind the test's back, plus `environment`.
    public static func ethics(
        _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> CommandResult {
        try run(ethicsBinary, arguments, environment: environment, in: directory)
    }

    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["ETHICS_CONFIG"] = nil
        merged["ETHICS_REGISTER_URL"] = nil
        merged["ETHICS_REGISTER_PASSWORD"] = nil
        merged["NO_COLOR"] = "1"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let (out, err) = (Reader(stdout.fileHandleForReading), Reader(stderr.fileHandleForReading))
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: out.finish(), stderr: err.finish())
    }

    /// Drains a pipe on a background thread.
    private final class Reader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func finish() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}
