/// The plain, aligned table every benchmark prints, so that `Tools/benchmark` output reads as one
/// report and stays easy to diff or paste into an issue (no colour, no box drawing).
public struct ResultsTable: Sendable {
    public private(set) var rows: [ResultRow] = []

    public init() {}

    public mutating func append(_ row: ResultRow) {
        rows.append(row)
    }

    /// True when no row failed its target; benchmarks exit non-zero otherwise.
    public var allTargetsMet: Bool {
        !rows.contains { $0.verdict == .fail }
    }

    public func render() -> String {
        let header = ["benchmark", "subject", "figure", "target", "result"]
        return Self.aligned([header] + rows.map { [$0.benchmark, $0.subject, $0.figure, $0.target, $0.verdict.label] })
    }

    /// `lines` (the first usually a header) as columns padded to their widest cell. Every line
    /// must have the same number of cells.
    public static func aligned(_ lines: [[String]]) -> String {
        guard let header = lines.first else { return "" }
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { cells in
            let padded = zip(cells, widths).dropLast().map { cell, width in
                cell + String(repeating: " ", count: width - cell.count)
            }
            // The last column is left ragged so that no line ends in blanks.
            return (padded + [cells[cells.count - 1]]).joined(separator: "  ")
        }
        .joined(separator: "\n")
    }
}
