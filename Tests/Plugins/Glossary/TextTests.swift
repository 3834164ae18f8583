@testable import Glossary
import Testing

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("Non-Maleficence", "non maleficence"),
        ("  data,  protection! ", "data protection"),
        ("Nolan's principles", "nolan s principles"),
        ("ISO/IEC 42001", "iso iec 42001"),
        ("Café ÉTUDE", "café étude"),
        ("—", ""),
    ])
    func foldsCaseAndPunctuation(text: String, folded: String) {
        #expect(TextFolding.fold(text) == folded)
    }
}

@Suite struct WordScannerTests {
    private func scan(_ text: String) -> [(word: String, joins: Bool)] {
        var text = text
        return text.withUTF8 { bytes in
            var words: [ScannedWord] = []
            WordScanner.scan(bytes, into: &words)
            return words.map { (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0.joinsPrevious) }
        }
    }

    @Test func splitsWordsAndSaysWhichMayContinueAPhrase() {
        let words = scan("Non-maleficence, data  protection; ISO/IEC 42001 -- x")
        #expect(words.map(\.word) == ["Non", "maleficence", "data", "protection", "ISO", "IEC", "42001", "x"])
        #expect(words.map(\.joins) == [false, true, false, true, false, true, true, false])
    }

    @Test func treatsNonASCIILettersAsWordsAndNonASCIISpaceAsSpace() {
        let words = scan("naïve\u{00A0}café’s")
        #expect(words.map(\.word) == ["naïve", "café", "s"])
        #expect(words.map(\.joins) == [false, true, false])
    }

    @Test func hashesFoldedWordsAlike() {
        var first: [ScannedWord] = []
        var second: [ScannedWord] = []
        var a = "CAFÉ Data"
        var b = "café data"
        a.withUTF8 { WordScanner.scan($0, into: &first) }
        b.withUTF8 { WordScanner.scan($0, into: &second) }
        #expect(first.map(\.hash) == second.map(\.hash))
        #expect(first[0].hash == WordHash.of(Array("café".utf8)))
    }
}

@Suite struct PluralFormsTests {
    @Test(arguments: [
        ("assessment", "assessments"), ("policy", "policies"), ("bias", "biases"), ("search", "searches"),
        ("day", "days"), ("box", "boxes"),
    ])
    func makesRegularPlurals(singular: String, plural: String) throws {
        let word = Array(singular.utf8)
        let ending = try #require(PluralForms.pluralEnding(of: word))
        #expect(String(decoding: word.dropLast(ending.drop) + ending.add, as: UTF8.self) == plural)
    }

    @Test func givesAcronymsALowerCaseSAndNumbersNoPlural() throws {
        #expect(try #require(PluralForms.pluralEnding(of: Array("DPIA".utf8), matchesCase: true)).add == Array("s".utf8))
        #expect(PluralForms.pluralEnding(of: Array("42001".utf8)) == nil)
    }

    @Test(arguments: [
        ("policies", ["policies", "policieses", "policy", "polici", "policie"]),
        ("assessments", ["assessments", "assessmentses", "assessment"]),
        ("bias", ["bias", "biases", "bia"]),
        ("class", ["class", "classes"]),
    ])
    func offersEverySingularAndPluralAWordMayStandFor(word: String, forms: [String]) {
        #expect(PluralForms.variants(of: Array(word.utf8)).map { String(decoding: $0, as: UTF8.self) } == forms)
    }
}
