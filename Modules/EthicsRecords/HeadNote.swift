import EthicsCore
import Foundation
import Glibc

/// Where a journal stands: its last entry's sequence and hash, written `SEQ:HASH`.
///
/// A hash chain proves that nothing inside it was changed, but not that its tail was not cut off
/// or the whole chain rewritten: only a head kept somewhere else can show that (Certificate
/// Transparency's signed tree heads are the model). So every write notes the head beside the
/// register, every paper and verify prints it, and `records verify --expect-head SEQ:HASH` checks
/// the register against a head noted anywhere else (a committee paper, an email, a ticket).
public struct JournalHead: Sendable, Hashable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// Reads `SEQ:HASH` (the hash in full, or its first 12 or more hex digits).
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = Int64(parts[0]), sequence > 0, parts[1].count >= 12, parts[1].count <= 64,
              parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        self.sequence = sequence
        hash = String(parts[1])
    }

    public var description: String { "\(sequence):\(hash)" }

    /// Whether an entry with this sequence and full hash is the head this one names.
    package func matches(sequence: Int64, hash: String) -> Bool {
        sequence == self.sequence && hash.hasPrefix(self.hash)
    }
}

/// The head noted beside the register after every write (`register.head`): the local, automatic
/// half of "publish the head". It catches a register that lost its write-ahead log, was restored
/// from an older copy, or had its last entries deleted; it cannot catch an attacker who rewrites
/// both files, which is what a head kept elsewhere is for.
struct HeadNote {
    let path: String

    init(register: String) {
        path = register.replacingOccurrences(of: ".sqlite", with: "") + ".head"
    }

    func record(_ head: JournalHead) throws {
        try SafeFile.write(Array("\(head)\n".utf8), to: path)
    }

    /// The head noted last, nil when none was noted (a register from before notes were kept).
    func read() -> JournalHead? {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return JournalHead(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
