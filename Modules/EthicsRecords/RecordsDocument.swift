public import EthicsCore
public import Foundation

/// The documents and files the register's commands produce: one record, an export bundle's
/// records file (rendered, or as JSON data) and its journal extract.
public enum RecordsDocument {
    /// One version of a record, with where it stands among the record's versions and its links.
    /// - Parameter page: the record as the plugin that keeps it shows it; without one, the raw content.
    public static func record(
        _ record: RecordVersion, latestVersion: Int, links: [RecordLink], history: [RecordVersion] = [], titles: [String: String] = [:],
        page: Document? = nil
    ) -> Document {
        var document = Document(
            title: "\(record.id): \(record.title)", subtitle: record.kind,
            metadata: [.init("Version", record.version == latestVersion ? "\(record.version) (latest)" : "\(record.version) of \(latestVersion)")]
                + facts(of: record))
        document.append(contentsOf: content(of: record, page: page))
        document.append(.heading(level: 2, "Links"))
        document.append(linksBlock(links, of: record.id, titles: titles))
        if let steps = stepsTable(history) {
            document.append(.heading(level: 2, "Sign-offs and reviews"))
            document.append(steps)
        }
        return document
    }

    /// A version's content: the plugin's page of it, its headings under the section's, or the raw
    /// JSON when no enabled plugin shows this kind.
    static func content(of record: RecordVersion, page: Document?, level: Int = 2) -> [Block] {
        guard let page else {
            return [.heading(level: level, "Content"), .code(prettyJSON(record.body), language: "json")]
        }
        var blocks: [Block] = [.heading(level: level, page.subtitle.map { "Content: \($0)" } ?? "Content")]
        if !page.metadata.isEmpty {
            blocks.append(.definitions(page.metadata.map { Block.Definition($0.key, $0.value) }))
        }
        return blocks + page.blocks(nestedUnder: level)
    }

    /// Every record with every version, for an export rendered as Markdown or HTML.
    public static func bundle(
        histories: [[RecordVersion]], links: [RecordLink], exported: Date, head: String?, journalCount: Int,
        pages: (RecordVersion) -> Document? = { _ in nil }
    ) -> Document {
        var document = Document(
            title: "Records register export",
            metadata: [
                .init("Exported", stamp(exported)),
                .init("Records", String(histories.count)),
                .init("Journal entries in journal.jsonl", String(journalCount)),
                .init("Journal head", head ?? "none (the journal is empty)"),
            ])
        document.append(.paragraph(
            "Each file of this bundle is listed with its SHA-256 in SHA256SUMS (check with `sha256sum -c SHA256SUMS`). "
                + "journal.jsonl holds the register's journal entries, each with the hash of the entry before it and its own."))
        if histories.isEmpty {
            document.append(.paragraph("The register holds no records."))
        }
        let titles = Dictionary(histories.compactMap { $0.last.map { ($0.id, $0.title) } }, uniquingKeysWith: { first, _ in first })
        for versions in histories {
            guard let latest = versions.last else { continue }
            document.append(.heading(level: 2, "\(latest.id): \(latest.title)", anchor: latest.id))
            document.append(.definitions([.init("Kind", latest.kind), .init("Created", stamp(latest.created))]))
            document.append(.heading(level: 3, "Links"))
            document.append(linksBlock(links, of: latest.id, titles: titles))
            if let steps = stepsTable(versions) {
                document.append(.heading(level: 3, "Sign-offs and reviews"))
                document.append(steps)
            }
            for version in versions.reversed() {
                document.append(.heading(level: 3, "Version \(version.version)\(version.version == latest.version ? " (latest)" : "")"))
                document.append(.definitions(facts(of: version).map { .init($0.key, $0.value) }))
                if version.step != nil, versions.first(where: { $0.version == version.version - 1 })?.body == version.body {
                    document.append(.paragraph("The same content as version \(version.version - 1); this version records a \(version.step!.action.rawValue)."))
                } else {
                    document.append(contentsOf: content(of: version, page: pages(version), level: 4))
                }
            }
        }
        return document
    }

    /// Every record with every version as JSON data: bodies as JSON objects, keys sorted.
    public static func json(histories: [[RecordVersion]], links: [RecordLink], exported: Date, head: String?) throws -> [UInt8] {
        let records: [[String: Any]] = histories.compactMap { versions in
            guard let first = versions.first else { return nil }
            return [
                "id": first.id, "kind": first.kind, "created": stamp(first.created),
                "versions": versions.map { version -> [String: Any] in
                    [
                        "version": version.version, "title": version.title, "author": version.author,
                        "status": version.status, "reviewBy": version.reviewBy?.description ?? NSNull(),
                        "tags": version.tags, "attributes": version.attributes, "kept": stamp(version.updated),
                        "body": (try? JSONSerialization.jsonObject(with: version.body)) ?? NSNull(),
                    ]
                },
            ]
        }
        let object: [String: Any] = [
            "exported": stamp(exported),
            "journalHead": head ?? NSNull(),
            "records": records,
            "links": links.map { ["from": $0.from, "to": $0.to, "relation": $0.relation.rawValue] },
        ]
        var data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(UInt8(ascii: "\n"))
        return Array(data)
    }

    /// One JSON object a line per entry: sequence, time, topic, payload, previousHash and hash,
    /// so anyone can recompute each entry's hash (see `JournalEntry.canonicalEncoding`).
    public static func journalLines(_ entries: [JournalEntry]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for entry in entries {
            bytes.append(contentsOf: try encoder.encode(entry))
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    private static func facts(of record: RecordVersion) -> [Document.MetadataEntry] {
        [
            .init("Author", record.author), .init("Status", record.status),
            .init("Created", stamp(record.created)), .init("Kept", stamp(record.updated)),
            .init("Review by", record.reviewBy?.description ?? "not set"),
            .init("Tags", record.tags.isEmpty ? "none" : record.tags.joined(separator: ", ")),
            .init("Attributes", record.attributes.isEmpty ? "none" : record.attributes.joined(separator: ", ")),
        ]
    }

    /// The links that start or end at record `id`, in both directions, each with the other
    /// record's title when it is known.
    static func linksBlock(_ links: [RecordLink], of id: String, titles: [String: String] = [:]) -> Block {
        let items = links.filter { $0.from == id || $0.to == id }.map { link -> [Inline] in
            let other = link.from == id ? link.to : link.from
            let named: [Inline] = [.code(other)] + (titles[other].map { [.text(" (\($0))")] } ?? [])
            let verb = link.relation == .cites ? "cites" : "supersedes"
            return link.from == id
                ? [.text("This record \(verb) ")] + named
                : named + [.text(link.relation == .cites ? " cites this record" : " supersedes this record")]
        }
        return items.isEmpty ? .paragraph("None.") : .list(paragraphs: items)
    }

    /// The lifecycle steps in `history`: reviews, sign-offs, supersession and withdrawal, oldest
    /// first; nil when there are none.
    static func stepsTable(_ history: [RecordVersion]) -> Block? {
        let steps = history.filter { $0.step != nil }
        guard !steps.isEmpty else { return nil }
        return .table(Table(
            caption: [.text("Sign-offs and reviews")],
            header: ["Version", "Step", "By", "Role", "When", "Outcome or reason"],
            rows: steps.map { version in
                let step = version.step!
                return [Table.Cell(stringLiteral: String(version.version)), Table.Cell(stringLiteral: step.action.rawValue),
                        Table.Cell(stringLiteral: step.by), Table.Cell(stringLiteral: step.role ?? ""),
                        Table.Cell(stringLiteral: stamp(version.updated)),
                        Table.Cell(stringLiteral: [step.outcome, step.note, step.replacedBy.map { "replaced by \($0)" }]
                            .compactMap { $0 }.joined(separator: ": "))]
            },
            alignments: [.right], hasRowHeaders: true))
    }

    private static func prettyJSON(_ body: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: body),
              let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return String(decoding: body, as: UTF8.self) }
        return String(decoding: pretty, as: UTF8.self)
    }

    private static func stamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
