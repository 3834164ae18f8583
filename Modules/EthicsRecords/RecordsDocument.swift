public import EthicsCore
public import Foundation

/// The documents and files the register's commands produce: one record, an export bundle's
/// index and record pages (rendered) or records file (JSON data), and its journal extract.
public enum RecordsDocument {
    /// One version of a record, with where it stands among the record's versions and its links.
    /// - Parameter page: the record as the plugin that keeps it shows it; without one, the raw content.
    public static func record(
        _ record: RecordVersion, latestVersion: Int, links: [RecordLink], history: [RecordVersion] = [], titles: [String: String] = [:],
        page: Document? = nil, href: ((String) -> String)? = nil
    ) -> Document {
        var document = Document(
            title: "\(record.id): \(record.title)", subtitle: record.kind,
            metadata: [.init("Version", record.version == latestVersion ? "\(record.version) (latest)" : "\(record.version) of \(latestVersion)")]
                + facts(of: record, links: record.version == latestVersion ? links : [], history: history))
        document.append(contentsOf: content(of: record, page: page))
        document.append(.heading(level: 2, "Links"))
        document.append(linksBlock(links, of: record.id, titles: titles, href: href))
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

    /// The front page of an export bundle rendered as Markdown or HTML: what the bundle holds,
    /// the journal head it was exported at, and a row per record linking to the record's page.
    /// - Parameter pagePath: the bundle-relative path of a record's page, such as `records/dec-2026-0001.html`.
    public static func index(
        histories: [[RecordVersion]], links: [RecordLink], exported: Date, head: String?, journalCount: Int,
        pagePath: (String) -> String, recordsFollow: Bool = false
    ) -> Document {
        var document = Document(
            title: "Records register export",
            metadata: [
                .init("Exported", stamp(exported)),
                .init("Records", String(histories.count)),
                .init("Links", String(links.count)),
                .init("Journal entries in journal.jsonl", String(journalCount)),
                .init("Journal head", head ?? "none (the journal is empty)"),
            ])
        document.append(.paragraph([
            .text((recordsFollow ? "Each record has a section of its own below, with" : "Each record has a page of its own in this bundle, with")
                + " its content, its links in both directions, its sign-offs "
                + "and reviews, and its earlier versions. records.json holds the same records as data. journal.jsonl holds the "
                + "register's journal entries, each with the hash of the entry before it and its own. Every file is listed with its "
                + "SHA-256 in SHA256SUMS (check with "),
            .code("sha256sum -c SHA256SUMS"), .text(")."),
        ]))
        guard !histories.isEmpty else {
            document.append(.paragraph("The register holds no records."))
            return document
        }
        let rows: [[Table.Cell]] = histories.compactMap { versions in
            guard let latest = versions.last else { return nil }
            let steps = versions.compactMap(\.step)
            return [
                Table.Cell([.link([.text(latest.id)], url: pagePath(latest.id))]),
                Table.Cell(stringLiteral: latest.title), Table.Cell(stringLiteral: latest.kind),
                Table.Cell(stringLiteral: latest.statusShown(links: links)), Table.Cell(stringLiteral: String(latest.version)),
                Table.Cell(stringLiteral: steps.last.map { "\($0.action.rawValue) by \($0.by)" } ?? "none"),
                Table.Cell(stringLiteral: latest.reviewBy?.description ?? "not set"),
            ]
        }
        document.append(.table(Table(
            caption: [.text("Records in this export, oldest first")],
            header: ["Record", "Title", "Kind", "Status", "Versions", "Last sign-off or review", "Review by"],
            rows: rows, alignments: [.left, .left, .left, .left, .right], hasRowHeaders: true)))
        return document
    }

    /// A record's page in an export bundle: its latest version as `record(...)` shows it, the
    /// journal head of the export, and then each earlier version whose content differs.
    /// - Parameter href: the path of another record's page relative to this one, so links between
    ///   records are links between pages.
    public static func page(
        history versions: [RecordVersion], links: [RecordLink], titles: [String: String], head: String?,
        pages: (RecordVersion) -> Document?, href: @escaping (String) -> String
    ) -> Document? {
        guard let latest = versions.last else { return nil }
        var document = record(latest, latestVersion: latest.version, links: links, history: versions, titles: titles,
                              page: pages(latest), href: href)
        document.metadata.append(.init("Journal head at export", head ?? "none (the journal is empty)"))
        let earlier = versions.dropLast().reversed()
        guard !earlier.isEmpty else { return document }
        document.append(.heading(level: 2, "Earlier versions"))
        for version in earlier {
            document.append(.heading(level: 3, "Version \(version.version)"))
            document.append(.definitions(facts(of: version, links: []).map { .init($0.key, $0.value) }))
            if version.step != nil, versions.first(where: { $0.version == version.version - 1 })?.body == version.body {
                document.append(.paragraph("The same content as version \(version.version - 1); this version records a \(version.step!.action.rawValue)."))
            } else {
                document.append(contentsOf: content(of: version, page: pages(version), level: 4))
            }
        }
        return document
    }

    /// The whole export as one document, for a paper (ODT, DOCX) a committee reads front to back:
    /// the index, then each record's page as a section of its own, every link pointing within it.
    public static func paper(
        histories: [[RecordVersion]], links: [RecordLink], titles: [String: String], exported: Date, head: String?,
        journalCount: Int, pages: (RecordVersion) -> Document?
    ) -> Document {
        let within = { (id: String) in "#" + id }
        var document = index(
            histories: histories, links: links, exported: exported, head: head, journalCount: journalCount, pagePath: within,
            recordsFollow: true)
        for versions in histories {
            guard let id = versions.last?.id,
                  let page = page(history: versions, links: links, titles: titles, head: head, pages: pages, href: within)
            else { continue }
            document.append(.heading(level: 2, page.title, anchor: id))
            document.append(.definitions(page.metadata.map { Block.Definition($0.key, $0.value) }))
            document.append(contentsOf: page.blocks(nestedUnder: 2))
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

    /// - Parameter links: the record's links, so that an escalated decision still waiting for the
    ///   board says so; pass none for an earlier version.
    /// - Parameter history: the record's versions; with them, the author is the content's (a
    ///   version that only records a sign-off or a review is kept under the person who took the
    ///   step, who did not write the record) and that step is named.
    private static func facts(of record: RecordVersion, links: [RecordLink], history: [RecordVersion] = []) -> [Document.MetadataEntry] {
        let content = history.last { $0.version <= record.version && $0.step == nil }
        var facts: [Document.MetadataEntry] = [.init("Author", content?.author ?? record.author)]
        if let step = record.step {
            let role = step.role.map { " as \($0)" } ?? ""
            facts.append(.init("This version", "\(step.action.rawValue) by \(step.by)\(role)"))
        }
        return facts + [
            .init("Status", record.statusShown(links: links)),
            .init("Created", stamp(record.created)), .init("Kept", stamp(record.updated)),
            .init("Review by", record.reviewBy?.description ?? "not set"),
            .init("Tags", record.tags.isEmpty ? "none" : record.tags.joined(separator: ", ")),
            .init("Attributes", record.attributes.isEmpty ? "none" : record.attributes.joined(separator: ", ")),
        ]
    }

    /// The links that start or end at record `id`, in both directions, each with the other
    /// record's title when it is known.
    /// With `href`, each other record's id links to its page.
    static func linksBlock(_ links: [RecordLink], of id: String, titles: [String: String] = [:], href: ((String) -> String)? = nil) -> Block {
        let items = links.filter { $0.from == id || $0.to == id }.map { link -> [Inline] in
            let other = link.from == id ? link.to : link.from
            let reference: Inline = href.map { .link([.code(other)], url: $0(other)) } ?? .code(other)
            let named: [Inline] = [reference] + (titles[other].map { [.text(" (\($0))")] } ?? [])
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
