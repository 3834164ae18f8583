/// Writes a ``SKOSVocabulary`` as RDF 1.1 Turtle.
///
/// Escaping follows the Turtle grammar: in strings, quotes, backslashes and line breaks are
/// escaped; in IRIs, the characters an IRIREF may not hold (spaces, `<>"{}|^`` ` `` and `\`) are
/// percent-encoded, so text from any content file yields a file every RDF parser accepts.
enum SKOSTurtleWriter {
    static func write(_ vocabulary: SKOSVocabulary) -> String {
        var turtle = """
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix dct: <http://purl.org/dc/terms/> .

            \(iri(vocabulary.schemeIRI)) a skos:ConceptScheme ;
                dct:title \(literal(vocabulary.schemeTitle))
            """
        if !vocabulary.schemeSources.isEmpty {
            turtle += " ;\n    dct:source " + vocabulary.schemeSources.map(object).joined(separator: ", ")
        }
        turtle += " .\n"
        for concept in vocabulary.concepts {
            var statements = [
                "skos:inScheme \(iri(vocabulary.schemeIRI))",
                "skos:prefLabel \(literal(concept.prefLabel))",
            ]
            if !concept.altLabels.isEmpty {
                statements.append("skos:altLabel " + concept.altLabels.map(literal).joined(separator: ", "))
            }
            statements.append("skos:definition \(literal(concept.definition))")
            if !concept.related.isEmpty {
                statements.append("skos:related " + concept.related.map(iri).joined(separator: ", "))
            }
            if !concept.sources.isEmpty {
                statements.append("dct:source " + concept.sources.map(object).joined(separator: ", "))
            }
            if let publisher = concept.publisher {
                statements.append("dct:publisher \(literal(publisher))")
            }
            turtle += "\n\(iri(concept.iri)) a skos:Concept ;\n    " + statements.joined(separator: " ;\n    ") + " .\n"
        }
        return turtle
    }

    private static func object(_ object: SKOSVocabulary.Object) -> String {
        switch object {
        case .iri(let value): iri(value)
        case .text(let value): literal(value)
        }
    }

    /// A language-tagged string literal.
    static func literal(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case let control where control.value < 0x20 || (0x7F..<0xA0).contains(control.value):
                // Turtle's \u escape keeps the character without writing it raw into the file.
                let digits = String(control.value, radix: 16, uppercase: true)
                escaped += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\"@" + SKOSVocabulary.language
    }

    static func iri(_ text: String) -> String {
        var escaped = "<"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{00}"..."\u{20}", "<", ">", "\"", "{", "}", "|", "^", "`", "\\":
                escaped += "%" + String(scalar.value >> 4, radix: 16, uppercase: true)
                    + String(scalar.value & 0x0F, radix: 16, uppercase: true)
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + ">"
    }
}
