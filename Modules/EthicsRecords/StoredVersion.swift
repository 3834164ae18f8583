package import EthicsCore
import Foundation

/// A version exactly as its columns hold it: the text its content hash is computed over.
package struct StoredVersion: Sendable, Hashable {
    package var id: String
    package var kind: String
    package var version: Int
    package var title: String
    package var author: String
    package var status: String
    package var reviewBy: String?
    package var tags: String
    package var attributes: String
    package var body: String
    package var createdAt: String
    package var recordedAt: String
    /// The lifecycle step as JSON, nil for a version that changed content.
    package var step: String? = nil

    package init(
        id: String, kind: String, version: Int, title: String, author: String, status: String, reviewBy: String?,
        tags: String, attributes: String, body: String, createdAt: String, recordedAt: String, step: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.version = version
        self.title = title
        self.author = author
        self.status = status
        self.reviewBy = reviewBy
        self.tags = tags
        self.attributes = attributes
        self.body = body
        self.createdAt = createdAt
        self.recordedAt = recordedAt
        self.step = step
    }

    /// SHA-256 over every stored field, each length-prefixed (see `JournalEntry.canonicalEncoding`).
    /// A version with a lifecycle step hashes it too (format v2); versions without one hash as
    /// they always have, so registers written before steps existed still verify.
    package var contentHash: String {
        var fields = [
            step == nil ? "ethics-record-v1" : "ethics-record-v2", id, kind, String(version), title, author, status,
            reviewBy ?? "", tags, attributes, body, createdAt, recordedAt,
        ]
        if let step { fields.append(step) }
        return Hashing.sha256(Hashing.fields(fields))
    }

    package func recordVersion() throws -> RecordVersion {
        let decoder = JSONDecoder()
        return RecordVersion(
            id: id, kind: kind, version: version, title: title, author: author, status: status,
            reviewBy: reviewBy.flatMap(CalendarDate.init), tags: CanonicalJSON.strings(tags),
            attributes: CanonicalJSON.strings(attributes), body: Data(body.utf8),
            created: Timestamp.parse(createdAt) ?? Date(timeIntervalSince1970: 0),
            updated: Timestamp.parse(recordedAt) ?? Date(timeIntervalSince1970: 0),
            step: step.flatMap { try? decoder.decode(LifecycleStep.self, from: Data($0.utf8)) })
    }
}

