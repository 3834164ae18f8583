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
        // Full stops followed by a space are found in the bytes; only there is the next
        // character looked at (walking the definition character by character was 4% of a
        // glossary search page in `ethics serve`, which shows a summary for every result).
        let bytes = definition.utf8
        var index = bytes.startIndex
        while let stop = bytes[index...].firstIndex(of: UInt8(ascii: ".")) {
            let space = bytes.index(after: stop)
            guard space < bytes.endIndex else { break }
            index = space
            guard bytes[space] == UInt8(ascii: " ") else { continue }
            // The space must be a character of its own (not followed by a combining mark), and
            // so must the full stop, as when the text was walked by character.
            let following = bytes.index(after: space)
            guard following < bytes.endIndex, definition[stop] == ".", definition[space] == " " else { continue }
            if definition[following].isUppercase {
                return String(definition[...stop])
            }
        }
        return definition
    }
}
