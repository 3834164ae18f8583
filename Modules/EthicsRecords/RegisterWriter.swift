package import EthicsCore
package import Foundation

/// The handful of row reads and writes one transaction of an engine offers: all the SQL an engine
/// writes for a write. What is kept, in which order, and what each journal entry says and hashes
/// is decided once, by ``RegisterWriter``, so the SQLite and PostgreSQL engines keep the same
/// chain: the same writes at the same moments give the same hashes, entry for entry.
package protocol RegisterRowWriter {
    /// The highest serial given to a record of `kind` in `year`; 0 when none.
    func maxSerial(kind: String, year: Int) throws -> Int
    func insertRecord(id: String, kind: String, year: Int, serial: Int, createdAt: String) throws
    /// The record's kind and the time its first version was kept; nil when there is no such record.
    func recordRow(_ id: String) throws -> (kind: String, createdAt: String)?
    /// The highest version of record `id`; 0 when it has none.
    /// The latest version of record `id`, as stored.
    func latestVersion(of id: String) throws -> StoredVersion?
    func linkExists(from: String, to: String, relation: String) throws -> Bool
    func insertLink(from: String, to: String, relation: String, linkedAt: String, sequence: Int64) throws
    /// The last journal entry's sequence and hash; nil when the journal is empty.
    func journalHead() throws -> JournalHead?
    func insertJournal(_ entry: JournalEntry) throws
    func insertVersion(_ version: StoredVersion, sequence: Int64) throws
    /// Every journal entry of `topic`, oldest first.
    func journalled(topic: String) throws -> [JournalEntry]
}

/// A moment as stored (`text`) and as the date that text stands for.
package typealias RegisterStamp = (text: String, date: Date)

/// One write's logic, over an engine's rows, inside the engine's transaction (which must keep the
/// journal's head from moving underneath: SQLite's IMMEDIATE transaction, PostgreSQL's advisory
/// lock).
package struct RegisterWriter {
    package let rows: any RegisterRowWriter
    package let time: RegisterStamp
    /// The journal's head once this write has read or moved it: within the transaction nothing
    /// else can append, so each further entry follows it without asking the database again (on
    /// PostgreSQL each question is a round trip made while every other writer waits).
    private let known = KnownHead()

    package init(rows: any RegisterRowWriter, time: RegisterStamp) {
        self.rows = rows
        self.time = time
    }

    private final class KnownHead {
        var head: JournalHead??
    }

    /// The journal's head as this write leaves it (so far).
    package func head() throws -> JournalHead? {
        if let head = known.head { return head }
        let head = try rows.journalHead()
        known.head = .some(head)
        return head
    }

    /// Keeps a new record as its version 1.
    package func insert(_ draft: RecordDraft) throws -> RecordVersion {
        try draft.validate()
        let year = Int(time.text.prefix(4)) ?? 1970
        let serial = try rows.maxSerial(kind: draft.kind.id, year: year) + 1
        let id = draft.kind.recordID(year: year, serial: serial)
        try rows.insertRecord(id: id, kind: draft.kind.id, year: year, serial: serial, createdAt: time.text)
        return try insertVersion(draft: draft, id: id, number: 1, created: time, topic: "record.created")
    }

    /// Keeps the next version of record `id`.
    package func insertVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        guard let row = try rows.recordRow(id) else {
            try draft.validate()
            throw RecordRegisterError("there is no record '\(id)'")
        }
        let latest = try rows.latestVersion(of: id)
        try draft.validate(previousTitle: latest?.title)
        guard row.kind == draft.kind.id else {
            throw RecordRegisterError("record '\(id)' is a \(row.kind), not a \(draft.kind.id)")
        }
        try Self.refuseFinal(latest, of: id, newContent: true)
        let created = (text: row.createdAt, date: Timestamp.parse(row.createdAt) ?? time.date)
        return try insertVersion(draft: draft, id: id, number: (latest?.version ?? 0) + 1, created: created, topic: "record.versioned")
    }

    /// Links two records; the same link twice changes nothing.
    package func insertLink(from: String, to: String, _ relation: RecordLink.Relation) throws {
        if from == to { throw RecordRegisterError("record '\(from)' cannot be linked to itself") }
        for id in [from, to] where try rows.recordRow(id) == nil {
            throw RecordRegisterError("there is no record '\(id)'")
        }
        if try rows.linkExists(from: from, to: to, relation: relation.rawValue) { return }
        let payload = CanonicalJSON.object([("from", from), ("to", to), ("relation", relation.rawValue)])
        let sequence = try append(topic: "record.linked", payload: payload)
        try rows.insertLink(from: from, to: to, relation: relation.rawValue, linkedAt: time.text, sequence: sequence)
    }

    /// Appends one entry after the current head.
    @discardableResult
    package func append(topic: String, payload: String) throws -> Int64 {
        let head = try head()
        let sequence = (head?.sequence ?? 0) + 1
        let previous = head?.hash ?? JournalEntry.genesisHash
        let hash = JournalEntry.computeHash(sequence: sequence, time: time.text, topic: topic, payload: payload, previousHash: previous)
        try rows.insertJournal(JournalEntry(
            sequence: sequence, time: time.text, topic: topic, payload: payload, previousHash: previous, hash: hash))
        known.head = .some(JournalHead(sequence: sequence, hash: hash))
        return sequence
    }

    /// Journals `event`.
    package func append<E: Event>(_ event: E) throws {
        try append(topic: E.topic, payload: EventJSON.encode(event))
    }

    /// The first journal entry of `E`'s topic whose event satisfies `matches`.
    package func firstJournalled<E: Event>(_ type: E.Type, where matches: (E) -> Bool) throws -> JournalEntry? {
        RegisterWriter.first(of: type, in: try rows.journalled(topic: E.topic), where: matches)
    }

    package static func first<E: Event>(of type: E.Type, in entries: [JournalEntry], where matches: (E) -> Bool) -> JournalEntry? {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return entries.first { entry in
            (try? decoder.decode(E.self, from: Data(entry.payload.utf8))).map(matches) ?? false
        }
    }

    /// Keeps every draft as a new record, then journals the event `announcing` makes of them;
    /// throws ``AlreadyJournalled`` first when `unlessJournalled` finds the same thing done before.
    package func recordAll<E: Event>(
        _ drafts: [RecordDraft], unlessJournalled: ((E) -> Bool)?, announcing: ([RecordVersion]) -> E
    ) throws -> [RecordVersion] {
        if let unlessJournalled, let earlier = try firstJournalled(E.self, where: unlessJournalled) {
            throw AlreadyJournalled(entry: earlier)
        }
        let kept = try drafts.map { try insert($0) }
        try append(announcing(kept))
        return kept
    }

    /// Keeps `step` as the next version of record `id` with `link` and the step's fact (see
    /// ``RegisterStore/keep(_:of:reviewBy:link:fact:)``).
    package func keep(
        _ step: LifecycleStep, of id: String, reviewBy: CalendarDate??, link: RecordLink?, fact: (RecordVersion) -> any Event
    ) throws -> RecordVersion {
        guard let stored = try rows.latestVersion(of: id) else {
            throw RecordRegisterError("there is no record '\(id)' in the register")
        }
        try Self.refuseFinal(stored, of: id)
        let latest = try stored.recordVersion()
        let draft = RecordDraft(
            kind: RecordKind(id: latest.kind, prefix: String(id.prefix { $0 != "-" }), title: latest.kind),
            title: latest.title, author: step.by, status: step.action.status(after: latest.status),
            reviewBy: reviewBy ?? latest.reviewBy, tags: latest.tags, attributes: latest.attributes, body: latest.body)
        try draft.validate(previousTitle: latest.title)
        let created = (text: stored.createdAt, date: Timestamp.parse(stored.createdAt) ?? time.date)
        let version = try insertVersion(
            draft: draft, id: id, number: latest.version + 1, created: created, topic: "record.versioned", step: step)
        if let link {
            try insertLink(from: link.from, to: link.to, link.relation)
        }
        let event = fact(version)
        try append(topic: type(of: event).topic, payload: EventJSON.encode(event))
        return version
    }

    /// A superseded or withdrawn record takes no further step and no new content: the plugin
    /// that kept it starts a new record instead (and `records supersede` may link the two).
    private static func refuseFinal(_ latest: StoredVersion?, of id: String, newContent: Bool = false) throws {
        guard let latest, LifecycleStep.finalStatuses.contains(latest.status) else { return }
        throw RecordRegisterError("record '\(id)' is \(latest.status) (version \(latest.version)); nothing more can be done to it"
            + (newContent ? ": keep what changed as a new record" : ""))
    }

    private func insertVersion(
        draft: RecordDraft, id: String, number: Int, created: RegisterStamp, topic: String, step: LifecycleStep? = nil
    ) throws -> RecordVersion {
        let stepJSON = try step.map { step in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(step), as: UTF8.self)
        }
        guard let body = String(data: draft.body, encoding: .utf8) else {
            throw RecordRegisterError("a record's body must be UTF-8 JSON")
        }
        let stored = StoredVersion(
            id: id, kind: draft.kind.id, version: number, title: draft.title, author: draft.author,
            status: draft.status, reviewBy: draft.reviewBy?.description, tags: CanonicalJSON.array(draft.tags),
            attributes: CanonicalJSON.array(draft.attributes), body: body, createdAt: created.text, recordedAt: time.text,
            step: stepJSON)
        let payload = CanonicalJSON.object([
            ("id", id), ("kind", draft.kind.id), ("version", String(number)), ("title", draft.title),
            ("author", draft.author), ("status", draft.status), ("contentHash", stored.contentHash),
        ])
        let sequence = try append(topic: topic, payload: payload)
        try rows.insertVersion(stored, sequence: sequence)
        // Built from the draft rather than read back: it is exactly what was stored.
        return RecordVersion(
            id: id, kind: draft.kind.id, version: number, title: draft.title, author: draft.author, status: draft.status,
            reviewBy: draft.reviewBy, tags: draft.tags, attributes: draft.attributes, body: draft.body,
            created: created.date, updated: time.date, step: step)
    }
}

/// One write to a register through its engine's rows: how ``RecordRegister/write(_:)`` writes.
package struct RegisterWriteTransaction: RegisterTransaction {
    package let writer: RegisterWriter

    package init(writer: RegisterWriter) {
        self.writer = writer
    }

    package func record(_ draft: RecordDraft) throws -> RecordVersion {
        try writer.insert(draft)
    }

    package func addVersion(of id: String, _ draft: RecordDraft) throws -> RecordVersion {
        try writer.insertVersion(of: id, draft)
    }

    package func link(from: String, to: String, _ relation: RecordLink.Relation) throws {
        try writer.insertLink(from: from, to: to, relation)
    }

    package func journal(topic: String, payload: String) throws {
        try writer.append(topic: topic, payload: payload)
    }
}
