import Glibc
import Synchronization

/// Where a command's results go: standard output in the CLI, a buffer in tests. Diagnostics
/// never go here (they go to standard error), so a command's output can be piped.
public struct OutputSink: Sendable {
    private let writeText: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) {
        writeText = write
    }

    /// Writes `text` as given; add the newline yourself, or use `line`.
    public func write(_ text: String) {
        writeText(text)
    }

    public func line(_ text: String = "") {
        writeText(text.hasSuffix("\n") ? text : text + "\n")
    }

    public static let standardOutput = OutputSink { writeAll($0, to: STDOUT_FILENO) }

    /// Diagnostics and logs: kept apart from results so output can be piped.
    public static let standardError = OutputSink { writeAll($0, to: STDERR_FILENO) }

    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    /// A sink that keeps everything written, for tests.
    public static func buffer() -> (sink: OutputSink, contents: @Sendable () -> String) {
        let storage = Mutex("")
        return (OutputSink { text in storage.withLock { $0 += text } }, { storage.withLock { $0 } })
    }
}
