public import EthicsCore

/// Links the glossary's terms in a document: the first mention of each entry (by its label, an
/// alternative label or a plural, in any case, as whole words) becomes a term reference, and an
/// appendix at the end defines every term the document uses that it does not define itself.
///
/// Headings, the terms of definition lists, code, and text already inside a link are left
/// alone: a heading is not the place for a link, and links must never nest. Within an entry's
/// own definition (the glossary's export), that entry is not linked to itself.
///
/// Linking is linear in the size of the document: each run of text is split into words once,
/// and each word costs one hash lookup (see ``PhraseMatcher``).
public struct TermLinker: Sendable {
    public let glossary: Glossary
    /// The heading of the appendix of terms used.
    public var appendixTitle = "Terms used in this document"

    public init(glossary: Glossary) {
        self.glossary = glossary
    }

    /// `document` with its terms linked and, when it uses any it does not define, the appendix.
    public func link(_ document: Document) -> Document {
        let survey = DocumentSurvey(document)
        var pass = LinkingPass(glossary: glossary)
        for termID in survey.termReferences {
            if let position = glossary.position(of: termID) { pass.markUsed(position) }
        }
        var linked = document
        linked.blocks = pass.linkBlocks(document.blocks)
        let undefined = pass.used.filter {
            survey.anchors.isEmpty || !survey.anchors.contains(glossary.entries[$0].anchor)
        }
        if !undefined.isEmpty {
            linked.append(contentsOf: appendixBlocks(for: undefined))
        }
        return linked
    }

    /// The appendix: each term's definition under its anchor, alphabetically, then the packs
    /// the definitions come from, since a council publishing the document must credit them.
    private func appendixBlocks(for positions: [Int]) -> [Block] {
        let sorted = positions
            .map { (key: TextFolding.fold(glossary.entries[$0].label), id: glossary.entries[$0].id, position: $0) }
            .sorted { ($0.key, $0.id) < ($1.key, $1.id) }
        var definitions: [Block.Definition] = []
        definitions.reserveCapacity(sorted.count)
        // A handful of packs at most, whose entries share one provenance each: a linear search
        // compares the same strings by identity, where a set hashed every field of every one.
        var sources: [Provenance] = []
        for item in sorted {
            let entry = glossary.entries[item.position]
            var details: [Block] = [.paragraph(entry.definition)]
            if let link = GlossaryDocuments.resourceLink(entry) { details.append(link) }
            definitions.append(Block.Definition(term: [.text(entry.label)], details: details, anchor: entry.anchor))
            if let provenance = entry.provenance, !sources.contains(provenance) {
                sources.append(provenance)
            }
        }
        var blocks: [Block] = [.heading(level: 2, appendixTitle, anchor: "terms-used"), .definitions(definitions)]
        if !sources.isEmpty {
            blocks.append(.paragraph("Definitions adapted from: " + sources.map(\.citation).joined(separator: "; ") + "."))
        }
        return blocks
    }
}
