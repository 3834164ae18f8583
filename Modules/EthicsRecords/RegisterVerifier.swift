import Foundation

/// What `verify` checks, the same for every engine: each engine hands over its rows in order, and
/// the verdict (and its wording) comes from here.
///
/// - the journal: every entry chains to the one before it, with no gap, and matches its hash;
/// - every record version, record and link has the journal entry that kept it, with the same
///   content (versions by their content hash), and versions run 1, 2, 3 … with no gap;
/// - every record's year and serial are the ones its id names (they number the next record);
/// - every entry that kept a version, a record or a link still has it: nothing was deleted;
/// - the journal still reaches the heads noted outside it: nothing was cut off or rewritten.
package struct RegisterVerifier {
    /// The engine's rows, each read in the order named.
    package struct Rows {
        /// Journal entries by sequence; nil after the last.
        package var nextEntry: () throws -> JournalEntry?
        /// Versions with the sequence of the entry that kept them, by that sequence.
        package var nextVersion: () throws -> (version: StoredVersion, sequence: Int64)?
        /// Ids of records with no version at all.
        package var orphans: () throws -> [String]
        /// Records whose id does not end with their year and serial (``RecordKind/idSuffix(year:serial:)``).
        package var misnumbered: () throws -> [(id: String, year: Int, serial: Int)]
        /// Links with the sequence of the entry that kept them, by that sequence.
        package var nextLink: () throws -> (from: String, to: String, relation: String, sequence: Int64)?

        package init(
            nextEntry: @escaping () throws -> JournalEntry?,
            nextVersion: @escaping () throws -> (version: StoredVersion, sequence: Int64)?,
            orphans: @escaping () throws -> [String],
            misnumbered: @escaping () throws -> [(id: String, year: Int, serial: Int)],
            nextLink: @escaping () throws -> (from: String, to: String, relation: String, sequence: Int64)?
        ) {
            self.nextEntry = nextEntry
            self.nextVersion = nextVersion
            self.orphans = orphans
            self.misnumbered = misnumbered
            self.nextLink = nextLink
        }
    }

    /// Checks `rows`, stopping at the first problem. `noted` is the head the engine noted itself
    /// after its last write (if it keeps one), `pinned` a head the user gave.
    package static func verify(_ rows: Rows, noted: JournalHead?, pinned: JournalHead?) throws -> RegisterVerification {
        var result = RegisterVerification(entryCount: 0, versionCount: 0, headHash: nil, problem: nil)
        func fail(_ sequence: Int64?, _ recordID: String? = nil, _ message: String) -> RegisterVerification {
            result.problem = .init(sequence: sequence, recordID: recordID, message: message)
            return result
        }
        var expected: Int64 = 1
        var previous = JournalEntry.genesisHash
        var kept: [Int64: (topic: String, payload: String)] = [:]
        var hashes: [Int64: String] = [:]
        while let entry = try rows.nextEntry() {
            if entry.sequence != expected {
                return fail(expected, nil, "journal entry \(expected) is missing (the next entry is \(entry.sequence))")
            }
            if entry.previousHash != previous {
                return fail(entry.sequence, nil,
                    "journal entry \(entry.sequence) (\(entry.topic), \(entry.time)) does not chain to entry \(entry.sequence - 1): its previous hash differs")
            }
            if !entry.isSelfConsistent {
                return fail(entry.sequence, nil,
                    "journal entry \(entry.sequence) (\(entry.topic), \(entry.time)) was altered: its contents no longer match its hash")
            }
            if ["record.created", "record.versioned", "record.linked"].contains(entry.topic) {
                kept[entry.sequence] = (entry.topic, entry.payload)
            }
            hashes[entry.sequence] = entry.hash
            previous = entry.hash
            expected += 1
            result.entryCount += 1
            result.headHash = entry.hash
        }
        let last = expected - 1
        // The whole chain holds, so its end is the journal's head whatever is found after this.
        result.head = result.headHash.map { JournalHead(sequence: last, hash: $0) }

        // Each row that carries meaning has its entry, and says what the entry says.
        func payload(_ sequence: Int64) -> [String: String]? {
            kept[sequence].flatMap { CanonicalJSON.stringFields($0.payload) }
        }
        var matched = Set<Int64>()
        var lastVersion: [String: Int] = [:]
        while let (stored, sequence) = try rows.nextVersion() {
            let topic = stored.version == 1 ? "record.created" : "record.versioned"
            guard kept[sequence]?.topic == topic, let recorded = payload(sequence), recorded["id"] == stored.id,
                  recorded["version"] == String(stored.version) else {
                return fail(sequence, stored.id,
                    "record \(stored.id) version \(stored.version) has no matching journal entry (it names entry \(sequence))")
            }
            guard recorded["contentHash"] == stored.contentHash, recorded["kind"] == nil || recorded["kind"] == stored.kind else {
                return fail(sequence, stored.id,
                    "record \(stored.id) version \(stored.version) was altered: it no longer matches journal entry \(sequence)")
            }
            guard stored.version == (lastVersion[stored.id] ?? 0) + 1 else {
                return fail(sequence, stored.id,
                    "record \(stored.id) jumps to version \(stored.version) after version \(lastVersion[stored.id] ?? 0): a version is missing")
            }
            lastVersion[stored.id] = stored.version
            matched.insert(sequence)
            result.versionCount += 1
        }
        if let orphan = try rows.orphans().first {
            return fail(nil, orphan, "record \(orphan) has no versions: they were deleted, or the record was added outside the toolkit")
        }
        if let (id, year, serial) = try rows.misnumbered().first {
            // Not covered by any hash, but they number the next record of the year: a changed
            // serial would give a new record an id already taken, or skip one.
            return fail(nil, id,
                "record \(id) is numbered year \(year), serial \(serial) in the register, which is not what its id says: its row was changed outside the toolkit")
        }
        while let (from, to, relation, sequence) = try rows.nextLink() {
            guard kept[sequence]?.topic == "record.linked", let recorded = payload(sequence),
                  recorded["from"] == from, recorded["to"] == to, recorded["relation"] == relation else {
                return fail(sequence, from,
                    "the link \(from) \(relation) \(to) does not match journal entry \(sequence): it was added or changed outside the toolkit")
            }
            matched.insert(sequence)
            result.linkCount += 1
        }

        // Each entry that kept something still has it.
        for sequence in kept.keys.sorted() where !matched.contains(sequence) {
            let entry = kept[sequence]!
            let recorded = payload(sequence) ?? [:]
            let what = entry.topic == "record.linked"
                ? "the link \(recorded["from"] ?? "?") \(recorded["relation"] ?? "?") \(recorded["to"] ?? "?")"
                : "record \(recorded["id"] ?? "?") version \(recorded["version"] ?? "?")"
            return fail(sequence, recorded["id"] ?? recorded["from"],
                "journal entry \(sequence) (\(entry.topic)) kept \(what), which is no longer in the register: it was deleted")
        }

        // The journal reaches the heads noted outside it.
        for (isNoted, head) in [(true, noted), (false, pinned)] {
            guard let head else { continue }
            let source = isNoted ? "the head noted beside the register after its last write" : "the head you gave"
            if head.sequence > last {
                return fail(last + 1, nil, last == 0
                    ? "the register is empty, but \(source) is \(head): it held \(head.sequence) journal entries; its records were lost (a missing write-ahead log, or an older copy restored)"
                    : "the journal ends at entry \(last), but \(source) is \(head): entries after \(last) were removed")
            }
            if let hash = hashes[head.sequence], !head.matches(sequence: head.sequence, hash: hash) {
                return fail(head.sequence, nil,
                    "journal entry \(head.sequence) is \(hash.prefix(16))…, not \(head.hash.prefix(16))… as \(source) says: the journal was rewritten")
            }
            if isNoted { result.notedHeadChecked = true } else { result.pinnedHeadChecked = true }
        }
        return result
    }
}
