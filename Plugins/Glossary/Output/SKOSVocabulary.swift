import EthicsCore

/// The glossary as SKOS concepts, ready to write in either RDF syntax: one concept scheme, and
/// one concept per entry with its preferred and alternative labels, definition, related
/// concepts (see-also) and sources.
///
/// Concepts are named by `#id`. Without a base IRI these are relative references, which RDF
/// resolves against wherever the file is published, so a council need not decide a namespace
/// before it can export; `--base-iri https://data.example.gov.uk/glossary` makes them absolute.
struct SKOSVocabulary {
    /// One object of a statement: a resource named by IRI, or text in a language.
    enum Object: Equatable {
        case iri(String)
        case text(String)
    }

    struct Concept {
        var iri: String
        var prefLabel: String
        var altLabels: [String]
        var definition: String
        var related: [String]
        var sources: [Object]
        /// For resources: who publishes them.
        var publisher: String?
    }

    static let language = "en-GB"

    let schemeIRI: String
    let schemeTitle: String
    /// Where the glossary's content comes from, pack by pack.
    let schemeSources: [Object]
    let concepts: [Concept]

    init(glossary: Glossary, title: String, baseIRI: String?) {
        let base = baseIRI ?? ""
        func iri(_ id: String) -> String { base + "#" + id }
        schemeIRI = iri("glossary")
        schemeTitle = title
        var packAddresses: [String] = []
        for pack in glossary.packs where !packAddresses.contains(pack.provenance.url) {
            packAddresses.append(pack.provenance.url)
        }
        schemeSources = packAddresses.map(Object.iri)
        concepts = GlossaryDocuments.alphabetical(glossary.entries).map { entry in
            var sources: [Object] = entry.sources.map { source in
                switch source {
                case .entry(let id): .iri(iri(id))
                case .reference(let reference): reference.url.map(Object.iri) ?? .text(reference.title)
                }
            }
            if let url = entry.url { sources.append(.iri(url)) }
            return Concept(
                iri: iri(entry.id), prefLabel: entry.label, altLabels: entry.altLabels, definition: entry.definition,
                related: entry.seeAlso.filter { glossary[$0] != nil }.map(iri), sources: sources, publisher: entry.publisher)
        }
    }
}
