import Foundation

/// Writes a ``SKOSVocabulary`` as JSON-LD 1.1: one `@graph` holding the scheme and its concepts,
/// with a context that maps short keys to SKOS and Dublin Core terms and makes British English
/// the language of every string.
enum SKOSJSONLDWriter {
    static func write(_ vocabulary: SKOSVocabulary) throws -> String {
        var graph: [Node] = [Node(
            id: vocabulary.schemeIRI, type: "skos:ConceptScheme", title: vocabulary.schemeTitle,
            source: nonEmpty(vocabulary.schemeSources.map(Value.init)))]
        for concept in vocabulary.concepts {
            graph.append(Node(
                id: concept.iri, type: "skos:Concept", inScheme: vocabulary.schemeIRI, prefLabel: concept.prefLabel,
                altLabel: nonEmpty(concept.altLabels), definition: concept.definition,
                related: nonEmpty(concept.related), source: nonEmpty(concept.sources.map(Value.init)),
                publisher: concept.publisher))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Graph(graph: graph)), as: UTF8.self) + "\n"
    }

    private static func nonEmpty<T>(_ values: [T]) -> [T]? {
        values.isEmpty ? nil : values
    }

    private struct Graph: Encodable {
        let context = Context()
        let graph: [Node]

        enum CodingKeys: String, CodingKey {
            case context = "@context", graph = "@graph"
        }
    }

    /// Short keys for the terms the export uses; `related` and `inScheme` hold IRIs.
    private struct Context: Encodable {
        struct Term: Encodable {
            let id: String
            var type: String?

            enum CodingKeys: String, CodingKey {
                case id = "@id", type = "@type"
            }
        }

        let skos = "http://www.w3.org/2004/02/skos/core#"
        let dct = "http://purl.org/dc/terms/"
        let language = SKOSVocabulary.language
        let prefLabel = Term(id: "skos:prefLabel")
        let altLabel = Term(id: "skos:altLabel")
        let definition = Term(id: "skos:definition")
        let related = Term(id: "skos:related", type: "@id")
        let inScheme = Term(id: "skos:inScheme", type: "@id")
        let title = Term(id: "dct:title")
        let source = Term(id: "dct:source")
        let publisher = Term(id: "dct:publisher")

        enum CodingKeys: String, CodingKey {
            case skos, dct, language = "@language", prefLabel, altLabel, definition, related, inScheme, title, source, publisher
        }
    }

    private struct Node: Encodable {
        let id: String
        let type: String
        var title: String?
        var inScheme: String?
        var prefLabel: String?
        var altLabel: [String]?
        var definition: String?
        var related: [String]?
        var source: [Value]?
        var publisher: String?

        enum CodingKeys: String, CodingKey {
            case id = "@id", type = "@type", title, inScheme, prefLabel, altLabel, definition, related, source, publisher
        }
    }

    /// An object that may be an IRI (`{"@id": ...}`) or text in the context's language.
    private enum Value: Encodable {
        case iri(String)
        case text(String)

        init(_ object: SKOSVocabulary.Object) {
            switch object {
            case .iri(let iri): self = .iri(iri)
            case .text(let text): self = .text(text)
            }
        }

        private enum CodingKeys: String, CodingKey {
            case id = "@id"
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .iri(let iri):
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(iri, forKey: .id)
            case .text(let text):
                var container = encoder.singleValueContainer()
                try container.encode(text)
            }
        }
    }
}
