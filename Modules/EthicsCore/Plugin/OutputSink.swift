import EthicsDiagnostics
import Glibc
import Synchronization

/// Where a command's results go: standard output in the CLI, a buffer in tests. Diagnostics
/// never go here (they go to standard error), so a command's output can be piped.
///
/// The standard streams are the last line of defence for text a command writes itself rather
/// than through the renderer (`imported 'TITLE'`): control characters are neutralised there too.
public struct OutputSink: Sendable {
    private let writeText: @Sendable (String) -> Void
    /// Takes a binary file's bytes as they are; nil for a sink of text only.
    private let writeBinary: (@Sendable ([UInt8]) -> Void)?
    /// Whether a person reads this output on a terminal, where a binary file would be noise.
    public let isTerminal: Bool
    /// Whether nothing written here can arrive: the process was started with this stream closed
    /// (`ethics … >&-`). A command that keeps a record checks it first (see `DocumentDelivery`),
    /// so it does not keep the record and then lose the result.
    public let isClosed: Bool

    /// A sink of text only, such as a test's buffer.
    public init(_ write: @escaping @Sendable (String) -> Void) {
        writeText = write
        writeBinary = nil
        isTerminal = false
        isClosed = false
    }

    /// A sink that also takes binary files (an ODT or DOCX paper piped to a file).
    public init(
        text: @escaping @Sendable (String) -> Void, binary: @escaping @Sendable ([UInt8]) -> Void, isTerminal: Bool,
        isClosed: Bool = false
    ) {
        writeText = text
        writeBinary = binary
        self.isTerminal = isTerminal
        self.isClosed = isClosed
    }

    /// Whether a binary file may be written here: a sink that takes bytes and is not a terminal.
    public var takesBinary: Bool { writeBinary != nil && !isTerminal }

    /// Writes a binary file's bytes unchanged (no control character is neutralised: they are
    /// data, not text for a terminal). Only for a sink that ``takesBinary``; others ignore it.
    public func write(bytes: [UInt8]) {
        writeBinary?(bytes)
    }

    /// Writes `text` as given; add the newline yourself, or use `line`.
    public func write(_ text: String) {
        writeText(text)
    }

    public func line(_ text: String = "") {
        writeText(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// The process's standard output. A write that fails (a closed descriptor, a full disk,
    /// `> /dev/full`) is remembered rather than ignored, and nothing more is written after it:
    /// `standardOutputStatus(after:)` turns it into a failing exit status, so a script never
    /// takes a lost export for a successful one.
    public static let standardOutput = OutputSink(
        text: { text in
            guard standardOutputFailure.load(ordering: .acquiring) == 0 else { return }
            if let failure = writeAll(ControlCharacters.neutralised(text), to: STDOUT_FILENO) {
                standardOutputFailure.store(failure, ordering: .releasing)
            }
        },
        binary: { bytes in
            guard standardOutputFailure.load(ordering: .acquiring) == 0 else { return }
            if let failure = writeAll(bytes, to: STDOUT_FILENO) {
                standardOutputFailure.store(failure, ordering: .releasing)
            }
        },
        isTerminal: isatty(STDOUT_FILENO) != 0,
        isClosed: standardOutputWasClosed.load(ordering: .acquiring))

    /// Whether the process started without a standard output (set by `occupyClosedStandardStreams`).
    private static let standardOutputWasClosed = Atomic<Bool>(false)

    /// Diagnostics and logs: kept apart from results so output can be piped. Like standard
    /// output, it never passes on a control character from content (a diagnostic quotes what
    /// the user wrote), so neither stream can drive the terminal of the person reading.
    public static let standardError = OutputSink { _ = writeAll(ControlCharacters.neutralised($0), to: STDERR_FILENO) }

    /// The `errno` of the first failed write to standard output, or 0.
    private static let standardOutputFailure = Atomic<Int32>(0)

    /// Call once, first thing in `main`: a standard stream the process was started without
    /// (`ethics … >&-`) gets `/dev/null` opened read-only in its place. Otherwise the next file
    /// the toolkit opens (a temporary file, a register) would take descriptor 1, and the results
    /// meant for standard output would be written into it. Opened read-only, a write to the
    /// stand-in fails with EBADF exactly as it would on the closed stream, so it is reported.
    public static func occupyClosedStandardStreams() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            if descriptor == STDOUT_FILENO { standardOutputWasClosed.store(true, ordering: .releasing) }
            let stand = open("/dev/null", O_RDONLY)
            if stand >= 0 && stand != descriptor {
                dup2(stand, descriptor)
                close(stand)
            }
        }
    }

    /// The exit status to end with once the command returned `status`: a failed write to
    /// standard output turns success into 2, with one line on standard error naming why. A
    /// reader that went away (`ethics … | head`, EPIPE) is not an error worth a word: the process
    /// normally dies quietly of SIGPIPE first, and if SIGPIPE is ignored it stays quiet here too.
    public static func standardOutputStatus(after status: Int32) -> Int32 {
        let failure = standardOutputFailure.load(ordering: .acquiring)
        guard failure != 0 else { return status }
        if failure == EPIPE { return status }
        standardError.line("error: cannot write the results to standard output: \(String(cString: strerror(failure)).lowercased())")
        return status == 0 ? 2 : status
    }

    /// Writes all of `text`; the `errno` of a failed write, or nil.
    private static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes in writeAll(bytes, to: descriptor) }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBufferPointer { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }

    /// A sink that keeps everything written, for tests.
    public static func buffer() -> (sink: OutputSink, contents: @Sendable () -> String) {
        let storage = Mutex("")
        return (OutputSink { text in storage.withLock { $0 += text } }, { storage.withLock { $0 } })
    }
}
