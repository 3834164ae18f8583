/// One structural element of a document.
///
/// The set is deliberately small: enough for decision records (the path taken, the lens table, the
/// outcome), code matrices and heatmaps, canvas reports and glossary entries, and no more, so that
/// every renderer can do every block justice.
public indirect enum Block: Hashable, Sendable {
    /// A heading. Levels are those of HTML, and the document's title is its one level-1 heading,
    /// so sections start at 2; renderers clamp levels into `2...6`. `anchor` becomes the heading's
    /// id (reduced by ``Inline/anchorSlug(_:)``) so that links such as term references can land
    /// on it.
    case heading(level: Int, [Inline], anchor: String? = nil)
    case paragraph([Inline])
    /// A list whose items are themselves blocks, so an item can hold several paragraphs or a
    /// nested list.
    case list(ListKind, items: [[Block]])
    case table(Table)
    /// Terms and their explanations: glossary entries, canvas questions and answers.
    case definitions([Definition])
    /// Words quoted from elsewhere: a code clause, a consultee, a policy.
    case quote([Block])
    /// Preformatted text shown verbatim; `language` is a hint such as `yaml` or `swift`.
    case code(String, language: String? = nil)
    case graph(Graph)
    /// A note or warning set apart from the flow, with an optional title; renderers always name
    /// the kind in words so that it is never conveyed by colour alone.
    case callout(CalloutKind, title: [Inline] = [], [Block])
    /// A change of topic within a section.
    case thematicBreak
    /// Questions to answer: a page of a walk, a canvas area, a worksheet. Written as a worksheet
    /// (each question with its help and choices) in every format; the browser shows it as an
    /// HTML form.
    case form(Form)
}

extension Block {
    public enum ListKind: String, Hashable, Sendable, Codable {
        case unordered
        case ordered
    }

    public enum CalloutKind: String, Hashable, Sendable, Codable {
        case note
        case warning
    }

    /// One entry of a definition list: a term and the blocks that explain it.
    public struct Definition: Hashable, Sendable, Codable {
        public var term: [Inline]
        public var details: [Block]
        /// The id that links land on, such as ``Inline/anchor(forTerm:)`` for a glossary entry.
        public var anchor: String?

        public init(term: [Inline], details: [Block], anchor: String? = nil) {
            self.term = term
            self.details = details
            self.anchor = anchor
        }

        /// A term with a one-paragraph explanation.
        public init(_ term: String, _ detail: String, anchor: String? = nil) {
            self.init(term: [.text(term)], details: [.paragraph(detail)], anchor: anchor)
        }
    }
}

// MARK: - Builders for the common cases

extension Block {
    /// A heading of plain text.
    public static func heading(level: Int, _ text: String, anchor: String? = nil) -> Block {
        .heading(level: level, [.text(text)], anchor: anchor)
    }

    /// A paragraph of plain text.
    public static func paragraph(_ text: String) -> Block {
        .paragraph([.text(text)])
    }

    /// A list whose items are each one paragraph of plain text.
    public static func list(_ kind: ListKind = .unordered, _ items: [String]) -> Block {
        .list(kind, items: items.map { [.paragraph($0)] })
    }

    /// A list whose items are each one paragraph of mixed inline content.
    public static func list(_ kind: ListKind = .unordered, paragraphs items: [[Inline]]) -> Block {
        .list(kind, items: items.map { [.paragraph($0)] })
    }

    /// A callout holding one paragraph of plain text.
    public static func callout(_ kind: CalloutKind, title: String = "", _ text: String) -> Block {
        .callout(kind, title: title.isEmpty ? [] : [.text(title)], [.paragraph(text)])
    }
}
