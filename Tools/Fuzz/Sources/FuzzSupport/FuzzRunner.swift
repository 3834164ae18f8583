import CanvasBuilder
import CodeMapper
import DecisionFlowchart
import EthicsCore
import EthicsHost
import EthicsYAML
import Foundation
import Glibc
import Glossary
import Synchronization

/// Reads one input as its target's kind and checks the outcome; a broken promise aborts, which
/// libFuzzer records as a crash with the input that caused it.
final class FuzzRunner: Sendable {
    let target: FuzzTarget
    let workspace: FuzzWorkspace

    init(target: FuzzTarget) throws {
        self.target = target
        workspace = try FuzzWorkspace(for: target)
    }

    /// Returns the exit status `ethics` gave (0 for the YAML target, which has none).
    @discardableResult
    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if target == .yaml {
            if let document = try? YAMLParser.parse(bytes: Array(bytes), file: "input.yaml"), let root = document.root {
                visit(root)
            }
            return 0
        }
        let input = workspace.path(target.inputName)
        guard FileManager.default.createFile(atPath: input, contents: Data(buffer: bytes)) else {
            fatalError("cannot write the fuzz input to \(input)")
        }
        let (output, contents) = OutputSink.buffer()
        let status = blocking { [target, workspace] in
            await EthicsMain.run(
                plugins: target.plugins, arguments: target.arguments(in: workspace), environment: workspace.environment,
                output: output, errors: output)
        }
        guard [0, 1, 2].contains(status) else {
            FileHandle.standardError.write(Data("ethics ended with status \(status), not 0, 1 or 2:\n\(contents())\n".utf8))
            abort()
        }
        return status
    }

    /// Touches every node, so the fuzzer sees the whole tree built, and checks what every node promises.
    private func visit(_ node: YAMLNode) {
        precondition(node.location.line >= 1, "a node without a position")
        for element in node.elements { visit(element) }
        for (key, value) in node.entries {
            visit(key)
            visit(value)
        }
    }

    /// Waits for `body` on this thread, which libFuzzer owns and is not part of Swift's pool.
    private func blocking(_ body: @escaping @Sendable () async -> Int32) -> Int32 {
        let result = Mutex<Int32>(-1)
        let done = DispatchSemaphore(value: 0)
        Task {
            let status = await body()
            result.withLock { $0 = status }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 }
    }
}
