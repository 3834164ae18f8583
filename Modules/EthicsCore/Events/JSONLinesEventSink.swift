public import Foundation
import Synchronization

/// Writes each event as one JSON line, `{"topic":…,"time":…,"event":{…}}`, for the journal.
///
/// One line per event, written with a single `write` and no buffering in between, so a crash
/// loses at most the event being written and `tail -f`, `grep` and `jq` work on the file as it
/// grows. Keys come out in that fixed order and the event's own keys sorted, so the same events
/// always give the same bytes. Dates inside events are written as ISO 8601 to the second, for the
/// people who read a journal (an ethics board, a Freedom of Information answer) rather than as
/// seconds since 2001, and so that `JSONDecoder`'s `.iso8601` strategy reads them back.
public final class JSONLinesEventSink: EventSink {
    private let output: Mutex<JSONLinesWriter>
    private let now: @Sendable () -> Date

    /// Writes to an open handle, which stays the caller's to close.
    /// - Parameter now: the clock stamped into each line; tests pass a fixed one.
    public init(fileHandle: FileHandle, now: @escaping @Sendable () -> Date = Date.init) {
        output = Mutex(JSONLinesWriter(handle: fileHandle))
        self.now = now
    }

    /// Appends to the file at `path`, creating it readable and writable by its owner only, since
    /// events may carry sensitive project detail. Appending (`O_APPEND`) keeps each line whole even
    /// when two processes journal to the same file.
    public convenience init(path: String, now: @escaping @Sendable () -> Date = Date.init) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        self.init(fileHandle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), now: now)
    }

    public func receive<E: Event>(_ event: E) throws {
        let time = now()
        try output.withLock { try $0.write(event, at: time) }
    }
}
