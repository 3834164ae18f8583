import EthicsCore
import EthicsRender
import Foundation
@testable import Glossary
import Testing

@Suite struct ExportTests {
    let glossary = Fixtures.glossary

    @Test func writesSKOSTurtleWithLabelsDefinitionsRelationsAndSources() {
        let packed = Glossary(entries: glossary.entries, packs: [
            GlossaryPack(file: "pack.yaml", provenance: Fixtures.provenance, entryCount: glossary.entries.count),
        ])
        let turtle = SKOSTurtleWriter.write(SKOSVocabulary(glossary: packed, title: "Test glossary", baseIRI: nil))
        #expect(turtle.hasPrefix("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n"))
        #expect(turtle.contains("""
            <#algorithmic-bias> a skos:Concept ;
                skos:inScheme <#glossary> ;
                skos:prefLabel "Algorithmic bias"@en-GB ;
                skos:altLabel "AI bias"@en-GB, "machine bias"@en-GB ;
                skos:definition "Systematic unfairness in how an algorithmic tool treats people."@en-GB ;
                skos:related <#fairness> ;
                dct:source <#data-ethics-framework> .
            """))
        #expect(turtle.contains("""
            dct:source <https://www.gov.uk/government/publications/data-ethics-framework> ;
                dct:publisher "Central Digital and Data Office"@en-GB .
            """))
        #expect(turtle.contains("<#glossary> a skos:ConceptScheme ;\n    dct:title \"Test glossary\"@en-GB ;\n    dct:source <https://example.org/pack> ."))
    }

    @Test func escapesTurtleStringsAndIRIs() {
        #expect(SKOSTurtleWriter.literal("say \"hi\"\\\n") == #""say \"hi\"\\\n"@en-GB"#)
        #expect(SKOSTurtleWriter.iri("https://example.org/a b<c>{d}|é") == "<https://example.org/a%20b%3Cc%3E%7Bd%7D%7Cé>")
    }

    @Test func controlCharactersInTurtleStringsAreEscapedNotWrittenRaw() {
        #expect(SKOSTurtleWriter.literal("clear \u{1B}[2J \u{9B}x \u{0}") == #""clear \u001B[2J \u009Bx \u0000"@en-GB"#)
    }

    @Test func makesConceptNamesAbsoluteGivenABase() {
        let vocabulary = SKOSVocabulary(glossary: glossary, title: "T", baseIRI: "https://data.example.gov.uk/glossary")
        #expect(vocabulary.concepts.first?.iri == "https://data.example.gov.uk/glossary#algorithm")
    }

    @Test func writesSKOSJSONLDThatParsesWithTheSameConcepts() throws {
        let text = try SKOSJSONLDWriter.write(SKOSVocabulary(glossary: glossary, title: "Test glossary", baseIRI: nil))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let context = try #require(json["@context"] as? [String: Any])
        #expect(context["skos"] as? String == "http://www.w3.org/2004/02/skos/core#")
        #expect(context["@language"] as? String == "en-GB")
        let graph = try #require(json["@graph"] as? [[String: Any]])
        #expect(graph.count == glossary.entries.count + 1)
        let bias = try #require(graph.first { $0["@id"] as? String == "#algorithmic-bias" })
        #expect(bias["@type"] as? String == "skos:Concept")
        #expect(bias["prefLabel"] as? String == "Algorithmic bias")
        #expect(bias["altLabel"] as? [String] == ["AI bias", "machine bias"])
        #expect(bias["related"] as? [String] == ["#fairness"])
        #expect((bias["source"] as? [[String: String]])?.first?["@id"] == "#data-ethics-framework")
    }

    @Test func writesJSONDataWithSourcesAndProvenance() throws {
        let text = try GlossaryJSON(Glossary(entries: glossary.entries, packs: [
            GlossaryPack(file: "/tmp/pack.yaml", provenance: Fixtures.provenance, entryCount: 8),
        ])).encoded()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == [
            "algorithm", "algorithmic-bias", "data-ethics-framework", "data-protection", "dpia", "fairness",
            "information-technology", "policy",
        ])
        let framework = try #require(entries.first { $0["id"] as? String == "data-ethics-framework" })
        #expect(framework["kind"] as? String == "resource")
        #expect(framework["type"] as? String == "guidance")
        #expect(framework["url"] as? String == "https://www.gov.uk/government/publications/data-ethics-framework")
        #expect((entries[1]["sources"] as? [[String: String]]) == [["entry": "data-ethics-framework"]])
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.first?["retrieved"] as? String == "2026-11-22")
        #expect(!text.contains("/tmp/pack.yaml"), "exports do not reveal where the files were on this machine")
    }

    @Test func writesOneCSVRowPerEntry() throws {
        let csv = try Renderer().render(GlossaryDocuments.exportTable(glossary), as: .csv)
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == glossary.entries.count + 1)
        #expect(lines[0] == "id,kind,type,label,alt_labels,definition,see_also,attributes,tags,publisher,url,sources,pack")
        #expect(lines[2] == "algorithmic-bias,term,,Algorithmic bias,AI bias; machine bias,Systematic unfairness in how an algorithmic tool treats people.,fairness,justice,ai,,,data-ethics-framework,Test pack")
    }

    @Test func anchorsEveryEntryOfThePublishedPage() throws {
        let document = GlossaryDocuments.export(glossary, council: Council(id: "t", name: "Testshire"), attributes: Fixtures.attributes)
        let markdown = try Renderer().render(document, as: .markdown)
        for entry in glossary.entries {
            #expect(markdown.contains("<a id=\"\(entry.anchor)\"></a>"), "\(entry.id) has no anchor")
        }
        #expect(markdown.contains("## <a id=\"resources-guidance\"></a>Guidance"))
        #expect(markdown.contains("See also: [Fairness](#term-fairness)"))
    }
}
