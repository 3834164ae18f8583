public import EthicsCore
public import EthicsDiagnostics
public import EthicsYAML

/// Reads glossary content files into a ``Glossary``, checking everything a file can get wrong
/// and reporting every problem at once, each at its line.
///
/// Files load in order. An id may be defined once per file; a later file may replace an entry
/// from an earlier one only if the new entry says `overrides: true`, so a council's local file
/// cannot change a shipped definition by accident, and an override that no longer replaces
/// anything (because the shipped entry was renamed) is reported rather than silently added.
///
/// Editorial problems that leave the glossary usable (a see-also that names no entry, a label
/// used twice, a term without a source) are not errors here; ``GlossaryLinter`` reports them.
public struct GlossaryLoader: Sendable {
    public var attributes: AttributeCatalog
    public var decoder: YAMLDecoder

    public init(attributes: AttributeCatalog, decoder: YAMLDecoder = YAMLDecoder()) {
        self.attributes = attributes
        self.decoder = decoder
    }

    /// Loads the files a configuration names; a file that cannot be read is reported at the
    /// line that names it.
    public func load(paths: [ContentPath]) throws(DiagnosticError) -> Glossary {
        let decoder = decoder
        return try load(paths.map { path in
            Source(file: path.path) { ContentFile<PackRecord>.read(path, kind: Self.kind, holding: Self.contents, decoder: decoder) }
        })
    }

    /// Loads files given by path alone (tests, tools); a file that cannot be read is reported
    /// against the file itself.
    public func load(files: [String]) throws(DiagnosticError) -> Glossary {
        let decoder = decoder
        return try load(files.map { file in
            Source(file: file) { ContentFile<PackRecord>.read(file: file, kind: Self.kind, holding: Self.contents, decoder: decoder) }
        })
    }

    private static let kind = "glossary file"
    private static let contents = "'provenance:' and 'terms:' or 'resources:'"

    /// A file to load, and how to read it.
    private struct Source: Sendable {
        var file: String
        var read: @Sendable () -> ContentFile<PackRecord>
    }

    /// Each file is read on its own (several at once), then the files are put together in order,
    /// applying the override rule, with every problem in the order a file-by-file read gives.
    private func load(_ sources: [Source]) throws(DiagnosticError) -> Glossary {
        let readings = EachFile.map(sources) { source in read(source) }
        var problems = DiagnosticCollector()
        var assembly = Assembly()
        var packs: [GlossaryPack] = []
        for (source, reading) in zip(sources, readings) {
            problems.append(contentsOf: reading.problems)
            for entry in reading.entries {
                problems.append(contentsOf: entry.problems)
                if let value = entry.entry {
                    assembly.add(value, overrides: entry.overrides, node: entry.node, file: source.file, problems: &problems)
                }
            }
            if let pack = reading.pack { packs.append(pack) }
        }
        try problems.throwIfErrors()
        return Glossary(entries: assembly.entries, packs: packs)
    }

    /// One file as read on its own: its entries with their own problems, and the file's.
    private struct FileReading: Sendable {
        var problems: [Diagnostic] = []
        var entries: [EntryReading] = []
        var pack: GlossaryPack?
    }

    /// One entry with the problems found in it alone; `entry` is nil when it did not decode.
    private struct EntryReading: Sendable {
        var entry: GlossaryEntry?
        var overrides = false
        var node: YAMLNode
        var problems: [Diagnostic] = []
    }

    private func read(_ source: Source) -> FileReading {
        let reading = source.read()
        guard let pack = reading.file else { return FileReading(problems: reading.problems) }
        let entries = (pack.terms ?? []).map { readTerm($0, provenance: pack.provenance) }
            + (pack.resources ?? []).map { readResource($0, provenance: pack.provenance) }
        return FileReading(
            problems: reading.problems, entries: entries,
            pack: GlossaryPack(file: source.file, provenance: pack.provenance, entryCount: entries.count { $0.entry != nil }))
    }

    private func readTerm(_ node: YAMLNode, provenance: Provenance) -> EntryReading {
        var problems = DiagnosticCollector()
        guard let record = decodeCleanly(TermRecord.self, from: node, problems: &problems) else {
            return EntryReading(node: node, problems: problems.diagnostics)
        }
        let entry = GlossaryEntry(
            id: record.id, kind: .term, label: record.label, altLabels: record.altLabels ?? [],
            definition: record.definition, seeAlso: record.seeAlso ?? [], attributes: record.attributes ?? [],
            tags: record.tags ?? [], sources: (record.sources ?? []).map(\.source),
            provenance: provenance, origin: Self.origin(of: node, labelKey: "label"))
        check(entry, node: node, labelKey: "label", definitionKey: "definition", problems: &problems)
        for (source, sourceNode) in zip(record.sources ?? [], node["sources"]?.elements ?? []) {
            if case .reference(let reference) = source, let url = reference.url {
                checkURL(url, at: sourceNode["url"] ?? sourceNode, problems: &problems)
            }
        }
        return EntryReading(entry: entry, overrides: record.overrides ?? false, node: node, problems: problems.diagnostics)
    }

    private func readResource(_ node: YAMLNode, provenance: Provenance) -> EntryReading {
        var problems = DiagnosticCollector()
        guard let record = decodeCleanly(ResourceRecord.self, from: node, problems: &problems) else {
            return EntryReading(node: node, problems: problems.diagnostics)
        }
        let entry = GlossaryEntry(
            id: record.id, kind: .resource(record.type), label: record.title, altLabels: record.altLabels ?? [],
            definition: record.summary, seeAlso: record.seeAlso ?? [], attributes: record.attributes ?? [],
            tags: record.tags ?? [], publisher: record.publisher, url: record.url,
            provenance: provenance, origin: Self.origin(of: node, labelKey: "title"))
        check(entry, node: node, labelKey: "title", definitionKey: "summary", problems: &problems)
        checkURL(record.url, at: node["url"] ?? node, problems: &problems)
        return EntryReading(entry: entry, overrides: record.overrides ?? false, node: node, problems: problems.diagnostics)
    }

    /// Decodes one entry; nil when it had problems (already collected), so that its
    /// placeholder values do not set off further, misleading checks.
    private func decodeCleanly<T: Decodable>(_ type: T.Type, from node: YAMLNode, problems: inout DiagnosticCollector) -> T? {
        var own = DiagnosticCollector()
        let value = decoder.decode(T.self, from: node, collectingInto: &own)
        problems.append(contentsOf: own.diagnostics)
        return own.diagnostics.isEmpty ? value : nil
    }

    private func check(_ entry: GlossaryEntry, node: YAMLNode, labelKey: String, definitionKey: String, problems: inout DiagnosticCollector) {
        if !Self.isIdentifier(entry.id) {
            problems.append(.error(
                "the id '\(entry.id)' must be lowercase letters, digits and hyphens, starting with a letter",
                at: (node["id"] ?? node).location, keyPath: "id"))
        }
        for (text, key) in [(entry.label, labelKey), (entry.definition, definitionKey)] where text.trimmingBlanks.isEmpty {
            problems.append(.error("'\(key)' must not be empty", at: (node[key] ?? node).location, keyPath: key))
        }
        for (label, labelNode) in zip(entry.altLabels, node["alt-labels"]?.elements ?? []) where TextFolding.fold(label).isEmpty {
            problems.append(.error("an alternative label needs at least one letter or digit", at: labelNode.location, keyPath: "alt-labels"))
        }
        problems.append(contentsOf: attributes.check(entry.attributes, nodes: node["attributes"]?.elements ?? []))
        for (tag, tagNode) in zip(entry.tags, node["tags"]?.elements ?? []) where !Self.isIdentifier(tag) {
            problems.append(.error(
                "the tag '\(tag)' must be lowercase letters, digits and hyphens, starting with a letter",
                at: tagNode.location, keyPath: "tags"))
        }
    }

    /// Renderers only make web and mail addresses clickable, so anything else is a mistake.
    private func checkURL(_ url: String, at node: YAMLNode, problems: inout DiagnosticCollector) {
        guard !WebAddress.isValid(url) else { return }
        problems.append(.error("'\(url)' is not a web address; write it in full, starting https://", at: node.location, keyPath: "url"))
    }

    private static func origin(of node: YAMLNode, labelKey: String) -> EntryOrigin {
        EntryOrigin(
            entry: node.location,
            label: (node[labelKey] ?? node).location,
            altLabels: node["alt-labels"]?.elements.map(\.location) ?? [],
            seeAlso: node["see-also"]?.elements.map(\.location) ?? [],
            sources: node["sources"]?.elements.map(\.location) ?? [])
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return text.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }
}

/// The entries loaded so far and where each id was defined, applying the override rule.
private struct Assembly {
    private struct Placement {
        var position: Int
        var file: String
        var location: SourceLocation
    }

    private(set) var entries: [GlossaryEntry] = []
    private var placements: [String: Placement] = [:]

    mutating func add(_ entry: GlossaryEntry, overrides: Bool, node: YAMLNode, file: String, problems: inout DiagnosticCollector) {
        let idLocation = (node["id"] ?? node).location
        guard let earlier = placements[entry.id] else {
            if overrides {
                problems.append(.error(
                    "'\(entry.id)' says it overrides an entry, but no earlier glossary file defines '\(entry.id)'",
                    at: (node["overrides"] ?? node).location, keyPath: "overrides",
                    suggestion: "check the id against the shipped glossary, or remove 'overrides: true'"))
            }
            placements[entry.id] = Placement(position: entries.count, file: file, location: idLocation)
            entries.append(entry)
            return
        }
        if earlier.file == file {
            problems.append(.error(
                "'\(entry.id)' is defined twice in this file; the first is at line \(earlier.location.line)",
                at: idLocation, keyPath: "id"))
        } else if !overrides {
            problems.append(.error(
                "'\(entry.id)' is already defined at \(earlier.location)",
                at: idLocation, keyPath: "id",
                suggestion: "add 'overrides: true' to this entry to replace it, or choose another id"))
        } else {
            entries[earlier.position] = entry
            placements[entry.id] = Placement(position: earlier.position, file: file, location: idLocation)
        }
    }
}
