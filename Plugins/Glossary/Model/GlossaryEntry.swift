public import EthicsCore

/// One entry of the glossary: a term with its definition, or a resource with its summary.
public struct GlossaryEntry: Hashable, Sendable, Identifiable {
    /// Lowercase letters, digits and hyphens; what `see-also`, `sources` and anchors use.
    public var id: String {
        didSet { anchor = Inline.anchor(forTerm: id) }
    }
    /// The fragment the entry's definition is anchored at in every rendered document. Kept, not
    /// derived on each use: linking a document compares it for every term found.
    public private(set) var anchor: String
    public var kind: EntryKind
    /// The preferred label: a term's name, a resource's title.
    public var label: String
    /// Other names people use for the same thing: synonyms, abbreviations, older names.
    public var altLabels: [String]
    /// A term's definition or a resource's summary, in the project's own words.
    public var definition: String
    /// Ids of related entries.
    public var seeAlso: [String]
    /// Ids of the attributes of ethical practice the entry bears on.
    public var attributes: [String]
    /// Free topic tags (`data`, `ai`, `law`) for `list --tag`.
    public var tags: [String]
    public var sources: [EntrySource]
    /// A resource's publisher; nil for terms.
    public var publisher: String?
    /// A resource's address; nil for terms.
    public var url: String?
    /// The provenance of the pack the entry came from; nil for entries built in code.
    public var provenance: Provenance?
    /// Where the entry was written; nil for entries built in code.
    public var origin: EntryOrigin?

    public init(
        id: String, kind: EntryKind = .term, label: String, altLabels: [String] = [],
        definition: String, seeAlso: [String] = [], attributes: [String] = [], tags: [String] = [],
        sources: [EntrySource] = [], publisher: String? = nil, url: String? = nil,
        provenance: Provenance? = nil, origin: EntryOrigin? = nil
    ) {
        self.id = id
        anchor = Inline.anchor(forTerm: id)
        self.kind = kind
        self.label = label
        self.altLabels = altLabels
        self.definition = definition
        self.seeAlso = seeAlso
        self.attributes = attributes
        self.tags = tags
        self.sources = sources
        self.publisher = publisher
        self.url = url
        self.provenance = provenance
        self.origin = origin
    }

    /// The preferred label, then the alternative labels.
    public var allLabels: [String] { [label] + altLabels }

    /// Whether a reader can tell where the entry comes from: a term must cite a source, while a
    /// resource is its own source once it has an address.
    public var hasSource: Bool {
        !sources.isEmpty || (!kind.isTerm && url != nil)
    }

    /// The definition's first sentence, for result lists where the whole would be too long. A
    /// sentence ends at a full stop followed by a space and a capital, so "e.g. a DPIA" does not
    /// end one.
    public var summary: String {
        var index = definition.startIndex
        while index < definition.endIndex {
            let next = definition.index(after: index)
            if definition[index] == ".", next < definition.endIndex, definition[next] == " " {
                let following = definition.index(after: next)
                if following < definition.endIndex, definition[following].isUppercase {
                    return String(definition[...index])
                }
            }
            index = next
        }
        return definition
    }
}
