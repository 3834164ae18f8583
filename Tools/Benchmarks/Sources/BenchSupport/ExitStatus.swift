#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How every benchmark program ends, so that `Tools/benchmark` can tell a missed target from a
/// benchmark that could not run.
public enum ExitStatus: Int32, Sendable {
    /// Measured, and every target was met.
    case success = 0
    /// Measured, and at least one target was missed.
    case targetMissed = 1
    /// The command line was not understood.
    case usage = 2
    /// Nothing trustworthy was measured: a command failed, or a result was wrong.
    case measurementFailed = 3

    /// Exits with this status, first writing `message`, if any, to standard error.
    public func exit(_ message: String? = nil) -> Never {
        if let message {
            var line = message.hasSuffix("\n") ? message : message + "\n"
            line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        #if canImport(Glibc)
        Glibc.exit(rawValue)
        #else
        Darwin.exit(rawValue)
        #endif
    }
}
