import Foundation

/// The part of `JSONLinesEventSink` that must not run on two threads at once: its encoder and
/// the handle it writes to. The sink keeps it behind a lock.
struct JSONLinesWriter {
    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    let handle: FileHandle
    private let encoder: JSONEncoder

    init(handle: FileHandle) {
        self.handle = handle
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
    }

    func write<E: Event>(_ event: E, at time: Date) throws {
        // Assembled by hand because JSONEncoder promises no key order for the envelope.
        var line = Data(#"{"topic":"#.utf8)
        line.append(try encoder.encode(E.topic))
        line.append(contentsOf: #","time":""#.utf8)
        line.append(contentsOf: time.formatted(Self.timeStyle).utf8)
        line.append(contentsOf: #"","event":"#.utf8)
        line.append(try encoder.encode(event))
        line.append(contentsOf: "}\n".utf8)
        try handle.write(contentsOf: line)
    }
}
