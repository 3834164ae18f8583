import EthicsCore
import Foundation

/// `ethics glossary export --format json`: the glossary's data for other tools, in the
/// vocabulary of its content files (camel-cased, as JSON usually is), with each pack's
/// provenance. Keys are sorted so that the same glossary always gives the same bytes.
struct GlossaryJSON: Encodable {
    struct Entry: Encodable {
        var id: String
        var kind: String
        var type: String?
        var label: String
        var altLabels: [String]
        var definition: String
        var seeAlso: [String]
        var attributes: [String]
        var tags: [String]
        var sources: [Source]
        var publisher: String?
        var url: String?
    }

    /// A source: `{"entry": "id"}` for a glossary resource, the reference's fields otherwise.
    enum Source: Encodable {
        case entry(String)
        case reference(Reference)

        private enum CodingKeys: String, CodingKey {
            case entry
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .entry(let id):
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .entry)
            case .reference(let reference):
                try reference.encode(to: encoder)
            }
        }
    }

    var sources: [Provenance]
    var entries: [Entry]

    init(_ glossary: Glossary) {
        sources = glossary.packs.map(\.provenance)
        entries = GlossaryDocuments.alphabetical(glossary.entries).map { entry in
            let type: String? = if case .resource(let type) = entry.kind { type.rawValue } else { nil }
            return Entry(
                id: entry.id, kind: entry.kind.isTerm ? "term" : "resource", type: type, label: entry.label,
                altLabels: entry.altLabels, definition: entry.definition, seeAlso: entry.seeAlso,
                attributes: entry.attributes, tags: entry.tags,
                sources: entry.sources.map { source in
                    switch source {
                    case .entry(let id): .entry(id)
                    case .reference(let reference): .reference(reference)
                    }
                },
                publisher: entry.publisher, url: entry.url)
        }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
