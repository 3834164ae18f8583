/// Rows and columns of facts: the lens table of a decision, a code matrix, a canvas summary.
///
/// A table always says what it is (its caption) and which cells are headers, because screen
/// readers announce both. Cells may carry an intensity so that a code matrix can be shown as a
/// heatmap; the number is always printed, so the table reads the same without colour.
public struct Table: Hashable, Sendable, Codable {
    public enum Alignment: String, Hashable, Sendable, Codable {
        case left
        case center
        case right
    }

    /// One cell: its content and, for heatmaps, how strongly it is shaded.
    public struct Cell: Hashable, Sendable, Codable {
        public var content: [Inline]
        /// A value in `0...1` for heatmap shading. A cell without content has it printed (two
        /// decimals), so colour is never the only signal; a cell with content must state the value
        /// in words itself (`2 of 7 clauses (29%)`). Values outside the range are clamped and a
        /// non-finite value is treated as absent.
        public var intensity: Double?

        public init(_ content: [Inline], intensity: Double? = nil) {
            self.content = content
            self.intensity = intensity
        }

        /// A heatmap cell that shows only its intensity.
        public init(intensity: Double) {
            self.init([], intensity: intensity)
        }

        /// The intensity clamped to `0...1`, or nil when absent or not a finite number.
        public var normalizedIntensity: Double? {
            guard let intensity, intensity.isFinite else { return nil }
            return min(max(intensity, 0), 1)
        }
    }

    /// Names the table for every reader; HTML uses it as the `<caption>`. Empty when the
    /// surrounding heading already says it, though a caption is kinder to screen-reader users.
    public var caption: [Inline]
    public var header: [Cell]
    public var rows: [[Cell]]
    /// Per-column alignment; columns beyond the end of the array are left-aligned.
    public var alignments: [Alignment]
    /// Whether the first cell of each row names the row (a code, a lens), making it a row header.
    public var hasRowHeaders: Bool
    /// What a reader is told instead when the table has no rows ("No entry matches"): the
    /// formats people read show it in the table's place, while a spreadsheet and JSON keep the
    /// header row, so a scheduled export of a filter that is empty this week still reads as a
    /// table. Nil: an empty table is shown as one.
    public var whenEmpty: [Inline]?

    public init(
        caption: [Inline] = [],
        header: [Cell],
        rows: [[Cell]],
        alignments: [Alignment] = [],
        hasRowHeaders: Bool = false,
        whenEmpty: [Inline]? = nil
    ) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.alignments = alignments
        self.hasRowHeaders = hasRowHeaders
        self.whenEmpty = whenEmpty
    }

    /// The number of columns: the widest of the header and the rows, so a ragged table loses
    /// nothing (renderers pad short rows with empty cells).
    public var columnCount: Int {
        rows.reduce(header.count) { max($0, $1.count) }
    }

    /// The alignment of column `index`.
    public func alignment(ofColumn index: Int) -> Alignment {
        alignments.indices.contains(index) ? alignments[index] : .left
    }
}

extension Table.Cell: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self.init([.text(value)])
    }
}
