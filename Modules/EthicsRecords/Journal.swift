import Crypto
package import Foundation

/// One entry of the register's journal: an event or a record write, chained to the entry before
/// it by that entry's hash.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// 1, 2, 3, … with no gaps.
    public var sequence: Int64
    /// When it was appended: ISO 8601, UTC, to the millisecond.
    public var time: String
    /// The event's topic (`decision.recorded`) or the write's (`record.created`).
    public var topic: String
    /// The event or write as JSON, exactly the text that was hashed.
    public var payload: String
    /// The previous entry's hash; 64 zeros for the first entry.
    public var previousHash: String
    /// SHA-256 of ``canonicalEncoding``, in lowercase hex.
    public var hash: String

    public init(sequence: Int64, time: String, topic: String, payload: String, previousHash: String, hash: String) {
        self.sequence = sequence
        self.time = time
        self.topic = topic
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash the first entry chains to.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The bytes an entry's hash covers: a version line, then the previous hash, the sequence,
    /// the time, the topic and the payload, each written as its UTF-8 length, a colon, the bytes
    /// and a newline, so no two different entries share an encoding.
    public static func canonicalEncoding(
        sequence: Int64, time: String, topic: String, payload: String, previousHash: String
    ) -> [UInt8] {
        Hashing.fields(["ethics-journal-v1", previousHash, String(sequence), time, topic, payload])
    }

    public static func computeHash(
        sequence: Int64, time: String, topic: String, payload: String, previousHash: String
    ) -> String {
        Hashing.sha256(canonicalEncoding(
            sequence: sequence, time: time, topic: topic, payload: payload, previousHash: previousHash))
    }

    /// SHA-256 of `bytes` in lowercase hex, as `sha256sum` prints it.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        Hashing.sha256(bytes)
    }

    /// Whether the stored hash matches the entry's fields.
    public var isSelfConsistent: Bool {
        hash == Self.computeHash(sequence: sequence, time: time, topic: topic, payload: payload, previousHash: previousHash)
    }
}

package enum Hashing {
    package static func fields(_ fields: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(0) { $0 + $1.utf8.count + 8 })
        for field in fields {
            bytes.append(contentsOf: String(field.utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: field.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    package static func sha256(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    package static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// What `verify` found: the journal's length and head, and the first problem, if any.
public struct RegisterVerification: Sendable, Hashable {
    /// The first thing that does not add up.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The journal entry at fault, when the problem is in the journal or points to it.
        public var sequence: Int64?
        /// The record at fault, when the problem is in a kept record.
        public var recordID: String?
        public var message: String

        public var description: String { message }
    }

    public var entryCount: Int
    public var versionCount: Int
    public var linkCount = 0
    /// The last entry's hash: quote it (in a board paper, an FOI answer) to pin the journal as it stood.
    public var headHash: String?
    /// The last entry's sequence and hash, `SEQ:HASH`: what `--expect-head` takes.
    public var head: JournalHead?
    /// Whether a head given with `--expect-head` was checked and found.
    public var pinnedHeadChecked = false
    /// Whether the head the engine noted beside the register after its last write was there to
    /// be checked, and was found (an SQLite register's `register.head`; PostgreSQL keeps none).
    public var notedHeadChecked = false
    public var problem: Problem?

    public init(entryCount: Int, versionCount: Int, headHash: String?, problem: Problem?) {
        self.entryCount = entryCount
        self.versionCount = versionCount
        self.headHash = headHash
        self.problem = problem
    }

    public var isIntact: Bool { problem == nil }

    /// "12 journal entries, 9 record versions, 1 link": what a verified copy holds, for the lines
    /// `records backup` and `records copy` print.
    public var contents: String {
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        return [count(entryCount, "journal entry", "journal entries"), count(versionCount, "record version", "record versions"),
                count(linkCount, "link", "links")].joined(separator: ", ")
    }
}
