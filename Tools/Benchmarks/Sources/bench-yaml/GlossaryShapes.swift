/// The glossary-shaped documents both decoders read: the shape the glossary plugin's content
/// packs have (term, definition, synonyms, see-also, sources).
struct GlossaryFile: Decodable {
    var entries: [Entry]
}

struct Entry: Decodable {
    var term: String
    var definition: String
    var synonyms: [String]
    var seeAlso: [String]
    var sources: [Source]

    enum CodingKeys: String, CodingKey {
        case term, definition, synonyms, sources
        case seeAlso = "see-also"
    }
}

struct Source: Decodable {
    var title: String
    var url: String
}
