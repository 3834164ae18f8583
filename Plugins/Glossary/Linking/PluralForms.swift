/// Regular English plurals and singulars of a word, so that a document that mentions "data
/// protection impact assessments" links the singular entry, and a search for "policies" finds a
/// definition that says "policy".
///
/// Only regular endings are handled (-s, -es, -ies); an irregular plural ("criteria") can be
/// added to an entry as an alternative label. A word ending in a digit ("42001") has no plural.
enum PluralForms {
    private static let s = Array("s".utf8)
    private static let es = Array("es".utf8)
    private static let ies = Array("ies".utf8)
    private static let y = Array("y".utf8)

    /// How to make the plural of a folded word, or of an acronym as written (which takes a
    /// lower-case s: DPIA, DPIAs): how many bytes to drop from its end and what to add.
    static func pluralEnding(of word: some BidirectionalCollection<UInt8>, matchesCase: Bool = false) -> (drop: Int, add: [UInt8])? {
        guard let last = word.last, (last | 0x20) >= UInt8(ascii: "a"), (last | 0x20) <= UInt8(ascii: "z") else { return nil }
        if matchesCase { return (0, s) }
        let previous = word.dropLast().last ?? 0
        if last == UInt8(ascii: "y"), word.count > 1, !"aeiou".utf8.contains(previous) {
            return (1, ies)
        }
        if last == UInt8(ascii: "s") || last == UInt8(ascii: "x") || last == UInt8(ascii: "z")
            || (last == UInt8(ascii: "h") && (previous == UInt8(ascii: "c") || previous == UInt8(ascii: "s"))) {
            return (0, es)
        }
        return (0, s)
    }

    /// The singulars a folded word ending in s may be the plural of: "policies" may come from
    /// "policy", "biases" from "bias" or "biase", "assessments" from "assessment". Some are not
    /// words, which costs nothing, since only real labels and words are looked up.
    static func singulars(of word: [UInt8]) -> [[UInt8]] {
        guard word.count > 2, word.last == UInt8(ascii: "s") else { return [] }
        var forms: [[UInt8]] = []
        if word.count > 3, word.suffix(3).elementsEqual(ies) { forms.append(Array(word.dropLast(3)) + y) }
        if word.suffix(2).elementsEqual(es) { forms.append(Array(word.dropLast(2))) }
        if word[word.count - 2] != UInt8(ascii: "s") { forms.append(Array(word.dropLast())) }
        return forms
    }

    /// A folded word and the forms it may take as singular or plural, for full-text search.
    static func variants(of word: [UInt8]) -> [[UInt8]] {
        var forms = [word]
        if let ending = pluralEnding(of: word) {
            forms.append(Array(word.dropLast(ending.drop)) + ending.add)
        }
        for singular in singulars(of: word) where !forms.contains(singular) {
            forms.append(singular)
        }
        return forms
    }
}
