import BenchSupport

/// Writes a deterministic glossary of about `targetBytes`, so every run reads the same text.
struct GlossaryGenerator {
    var targetBytes: Int

    private static let words = [
        "data", "ethics", "council", "service", "resident", "algorithm", "bias", "consent", "privacy",
        "accountable", "transparent", "fair", "harm", "benefit", "decision", "record", "review", "public",
        "model", "prediction", "housing", "repair", "care", "equality", "impact", "assessment", "risk",
    ]

    func text() -> String {
        var generator = SplitMix64(seed: 2026_11_22)
        var output = "# Generated glossary for the YAML benchmark\nentries:\n"
        output.reserveCapacity(targetBytes + 4096)
        var index = 0
        while output.utf8.count < targetBytes {
            let term = "\(words(3, &generator)) \(index)"
            output += "  - term: \(term)\n"
            output += "    definition: \"\(sentence(30, &generator)), as used in case \(index).\"\n"
            output += "    synonyms: [\(words(1, &generator)) \(index)a, \(words(2, &generator)) \(index)b, \(words(1, &generator)) \(index)c]\n"
            output += "    see-also:\n      - \(words(2, &generator)) \(index / 2)\n      - \(words(2, &generator)) \(index / 3)\n"
            output += "    sources:\n"
            for source in 0..<2 {
                output += "      - title: \(sentence(4, &generator))\n"
                output += "        url: https://example.org/glossary/\(index)/\(source)\n"
            }
            index += 1
        }
        return output
    }

    private func words(_ count: Int, _ generator: inout SplitMix64) -> String {
        (0..<count).map { _ in Self.words[generator.below(Self.words.count)] }.joined(separator: " ")
    }

    private func sentence(_ count: Int, _ generator: inout SplitMix64) -> String {
        let text = words(count, &generator)
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
