import EthicsCore
import EthicsYAML

/// The shape of a glossary content file, as written in YAML:
///
/// ```yaml
/// provenance: {source: ..., publisher: ..., url: ..., licence: ..., retrieved: 2026-11-22}
/// terms:
///   - id: algorithmic-bias
///     label: Algorithmic bias
///     alt-labels: [AI bias]
///     definition: ...
///     see-also: [fairness]
///     attributes: [justice]
///     tags: [ai]
///     sources: [data-ethics-framework]      # a resource's id, or {title, publisher, url, note}
/// resources:
///   - id: data-ethics-framework
///     type: guidance
///     title: Data Ethics Framework
///     publisher: Central Digital and Data Office
///     url: https://www.gov.uk/government/publications/data-ethics-framework
///     summary: ...
/// ```
///
/// Entries are kept as nodes at first and decoded one by one, so that each problem, and each
/// later check (ids, attributes), can point at the entry's own line.
struct PackRecord: Decodable {
    var provenance: Provenance
    var terms: [YAMLNode]?
    var resources: [YAMLNode]?
}

/// Either kind of entry may say `overrides: true` to replace an entry of the same id from an
/// earlier file: how a council adapts a shipped definition without editing the shipped file.
struct TermRecord: Decodable {
    var id: String
    var label: String
    var altLabels: [String]?
    var definition: String
    var seeAlso: [String]?
    var attributes: [String]?
    var tags: [String]?
    var sources: [SourceRecord]?
    var overrides: Bool?

    enum CodingKeys: String, CodingKey {
        case id, label, altLabels = "alt-labels", definition, seeAlso = "see-also", attributes, tags, sources, overrides
    }
}

struct ResourceRecord: Decodable {
    var id: String
    var type: ResourceType
    var title: String
    var altLabels: [String]?
    var publisher: String
    var url: String
    var summary: String
    var seeAlso: [String]?
    var attributes: [String]?
    var tags: [String]?
    var overrides: Bool?

    enum CodingKeys: String, CodingKey {
        case id, type, title, altLabels = "alt-labels", publisher, url, summary, seeAlso = "see-also", attributes, tags, overrides
    }
}

/// A source as written: a resource's id (a plain value) or a reference (a mapping).
enum SourceRecord: Decodable {
    case entry(String)
    case reference(Reference)

    init(from decoder: any Decoder) throws {
        if try YAMLNode(from: decoder).kind == .scalar {
            self = .entry(try decoder.singleValueContainer().decode(String.self))
        } else {
            self = .reference(try Reference(from: decoder))
        }
    }

    var source: EntrySource {
        switch self {
        case .entry(let id): .entry(id)
        case .reference(let reference): .reference(reference)
        }
    }
}
