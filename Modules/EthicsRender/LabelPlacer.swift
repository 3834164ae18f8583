/// Places the labels of a drawing so that no two overlap: each label is measured (its wrapped
/// lines at the renderer's character width and line height), tried where it belongs, and moved
/// step by step across and along the flow, nearest first, until it is clear of every box and
/// label placed before it.
///
/// Placed rectangles are kept in a grid of buckets, so each test looks only at its neighbours and
/// placing n labels stays close to linear in n.
struct LabelPlacer {
    struct Rect {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double

        init(centreX: Double, centreY: Double, width: Double, height: Double) {
            minX = centreX - width / 2
            maxX = centreX + width / 2
            minY = centreY - height / 2
            maxY = centreY + height / 2
        }

        var centreX: Double { (minX + maxX) / 2 }
        var centreY: Double { (minY + maxY) / 2 }

        /// Whether the two overlap, with `gap` of clear space demanded between them.
        func intersects(_ other: Rect, gap: Double) -> Bool {
            minX < other.maxX + gap && other.minX < maxX + gap && minY < other.maxY + gap && other.minY < maxY + gap
        }
    }

    /// Clear space kept between a label and anything else.
    static let gap = 3.0
    private static let bucket = 96.0
    /// Tries before a label is put below everything else drawn (never reached in practice).
    private static let maxTries = 400

    private var buckets: [Int64: [Rect]] = [:]
    private var lowest = 0.0

    private static func key(_ x: Int, _ y: Int) -> Int64 { Int64(x) << 32 | Int64(UInt32(bitPattern: Int32(y))) }

    private func cells(of rect: Rect) -> (ClosedRange<Int>, ClosedRange<Int>) {
        let x0 = Int((rect.minX / Self.bucket).rounded(.down)), x1 = Int((rect.maxX / Self.bucket).rounded(.down))
        let y0 = Int((rect.minY / Self.bucket).rounded(.down)), y1 = Int((rect.maxY / Self.bucket).rounded(.down))
        return (x0...max(x0, x1), y0...max(y0, y1))
    }

    mutating func occupy(_ rect: Rect) {
        let (xs, ys) = cells(of: rect)
        for x in xs {
            for y in ys { buckets[Self.key(x, y), default: []].append(rect) }
        }
        lowest = max(lowest, rect.maxY)
    }

    func isClear(_ rect: Rect) -> Bool {
        let padded = Rect(centreX: rect.centreX, centreY: rect.centreY, width: rect.maxX - rect.minX + 2 * Self.gap, height: rect.maxY - rect.minY + 2 * Self.gap)
        let (xs, ys) = cells(of: padded)
        for x in xs {
            for y in ys {
                for other in buckets[Self.key(x, y)] ?? [] where rect.intersects(other, gap: Self.gap) { return false }
            }
        }
        return true
    }

    /// A clear place for a label of `width` × `height` as near `point` as can be, taken.
    mutating func place(width: Double, height: Double, near point: (x: Double, y: Double), leftRight: Bool) -> Rect {
        // Across the flow first (sideways in a top-down chart), where there is most room, then along.
        let step = 6.0
        for attempt in 0..<Self.maxTries {
            let ring = attempt == 0 ? 0 : (attempt - 1) / 4 + 1
            let offset = Double(ring) * step
            let (dx, dy): (Double, Double) = switch (attempt + 3) % 4 {
            case 0: leftRight ? (0, offset) : (offset, 0)
            case 1: leftRight ? (0, -offset) : (-offset, 0)
            case 2: leftRight ? (offset, 0) : (0, offset)
            default: leftRight ? (-offset, 0) : (0, -offset)
            }
            let candidate = Rect(centreX: point.x + dx, centreY: point.y + dy, width: width, height: height)
            if isClear(candidate) {
                occupy(candidate)
                return candidate
            }
        }
        // Crowded beyond reason: below everything, where nothing is.
        let rect = Rect(centreX: point.x, centreY: lowest + Self.gap * 2 + height / 2, width: width, height: height)
        occupy(rect)
        return rect
    }
}
