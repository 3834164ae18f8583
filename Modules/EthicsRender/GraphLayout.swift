import EthicsCore

/// Where each node of a graph goes in a drawing: a layered layout, computed in time roughly
/// linear in the size of the graph so that no content can make rendering hang.
///
/// 1. Cycles are broken by a depth-first search that turns each edge closing a cycle around
///    (self-loops are set aside); those edges are still drawn, curving back along the side.
/// 2. Each node's layer is the length of the longest path reaching it, so every edge points
///    down (or right) and a decision flow reads in the order of its steps.
/// 3. Within a layer, nodes are ordered by the mean position of their predecessors, then placed
///    as near that mean as their neighbours allow, which keeps chains straight.
///
/// Sizes are estimated from the label: text is wrapped at ``maxLineCharacters`` and measured at
/// an average character width, since a renderer without fonts cannot measure glyphs.
struct GraphLayout {
    struct Box {
        /// The centre.
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var lines: [Substring]
        var layer: Int
    }

    static let maxLineCharacters = 28
    static let characterWidth = 7.8
    static let lineHeight = 18.0
    static let padding = (horizontal: 14.0, vertical: 10.0)
    /// Space between neighbours in a layer, and between layers (room for an edge label).
    static let siblingGap = 28.0
    static let layerGap = 64.0
    static let margin = 16.0

    let boxes: [Box]
    /// For each edge, whether the layout kept its direction; false for edges that close a cycle,
    /// which are drawn back against the flow. Self-loops are false too.
    let followsFlow: [Bool]
    let width: Double
    let height: Double
    /// For each layer, the lowest and highest coordinate its boxes reach across the flow (x when
    /// the graph runs top-down), so edges that skip layers or loop back can be routed around them.
    let layerSpans: [(low: Double, high: Double)]

    init(_ graph: ResolvedGraph) {
        let count = graph.nodes.count
        let leftRight = graph.direction == .leftRight
        let followsFlow = Self.acyclicDirections(graph)
        let layers = Self.longestPathLayers(graph, followsFlow: followsFlow)

        var boxes = graph.nodes.enumerated().map { index, node in
            Self.box(for: node, layer: layers[index])
        }
        // Along a layer ("across") is x top-down and y left-right; between layers ("along") the other.
        func across(_ box: Box) -> Double { leftRight ? box.height : box.width }
        func along(_ box: Box) -> Double { leftRight ? box.width : box.height }

        var predecessors = Array(repeating: [Int](), count: count)
        for (index, edge) in graph.edges.enumerated() where edge.from != edge.to {
            let (from, to) = followsFlow[index] ? (edge.from, edge.to) : (edge.to, edge.from)
            predecessors[to].append(from)
        }

        let layerCount = (layers.max() ?? -1) + 1
        var members = Array(repeating: [Int](), count: layerCount)
        for node in 0..<count { members[layers[node]].append(node) }
        // Left to right, an edge's label sits between two columns, which must be wide enough for it.
        var gapAfter = Array(repeating: Self.layerGap, count: layerCount)
        // Top down, it must be tall enough for the label's wrapped lines.
        for (index, edge) in graph.edges.enumerated() where followsFlow[index] {
            guard let label = edge.label else { continue }
            let layer = layers[edge.from]
            if leftRight {
                gapAfter[layer] = max(gapAfter[layer], Double(label.count) * Self.characterWidth + 40)
            } else {
                let lines = Self.wrap(label, width: SVGGraphRenderer.edgeLabelCharacters).count
                gapAfter[layer] = max(gapAfter[layer], Double(lines) * Self.lineHeight + 40)
            }
        }
        var spans = Array(repeating: (low: 0.0, high: 0.0), count: layerCount)

        // Place layer by layer, each centred on 0 across, then shift everything into view.
        var centre = Array(repeating: 0.0, count: count)
        var layerStart = 0.0
        var minAcross = 0.0
        var maxAcross = 0.0
        for layer in 0..<layerCount {
            var nodes = members[layer]
            var desired: [Int: Double] = [:]
            if layer > 0 {
                for node in nodes {
                    let preds = predecessors[node]
                    desired[node] = preds.reduce(0) { $0 + centre[$1] } / Double(max(preds.count, 1))
                }
                nodes.sort { (desired[$0] ?? 0, $0) < (desired[$1] ?? 0, $1) }
            }
            let total = nodes.reduce(0) { $0 + across(boxes[$1]) } + Double(max(nodes.count - 1, 0)) * Self.siblingGap
            var next = -total / 2
            var drift = 0.0
            for node in nodes {
                let size = across(boxes[node])
                let wanted = (desired[node] ?? next + size / 2) - size / 2
                let start = layer > 0 ? max(wanted, next) : next
                centre[node] = start + size / 2
                drift += centre[node] - (desired[node] ?? centre[node])
                next = start + size + Self.siblingGap
            }
            // Pushing right to avoid overlaps drifts a row off its predecessors; shift it back.
            let shift = nodes.isEmpty ? 0 : drift / Double(nodes.count)
            var thickness = 0.0
            var span = (low: Double.infinity, high: -Double.infinity)
            for node in nodes {
                centre[node] -= shift
                span.low = min(span.low, centre[node] - across(boxes[node]) / 2)
                span.high = max(span.high, centre[node] + across(boxes[node]) / 2)
                thickness = max(thickness, along(boxes[node]))
            }
            spans[layer] = nodes.isEmpty ? (0, 0) : span
            minAcross = min(minAcross, spans[layer].low)
            maxAcross = max(maxAcross, spans[layer].high)
            for node in nodes {
                let alongCentre = layerStart + thickness / 2
                if leftRight {
                    boxes[node].x = alongCentre
                    boxes[node].y = centre[node]
                } else {
                    boxes[node].x = centre[node]
                    boxes[node].y = alongCentre
                }
            }
            layerStart += thickness + gapAfter[layer]
        }

        let offset = Self.margin - minAcross
        for node in 0..<count {
            if leftRight {
                boxes[node].x += Self.margin
                boxes[node].y += offset
            } else {
                boxes[node].x += offset
                boxes[node].y += Self.margin
            }
        }
        let acrossExtent = maxAcross - minAcross + 2 * Self.margin
        let alongExtent = max(layerStart - (gapAfter.last ?? 0), 0) + 2 * Self.margin
        self.boxes = boxes
        layerSpans = spans.map { ($0.low + offset, $0.high + offset) }
        self.followsFlow = followsFlow
        width = leftRight ? alongExtent : acrossExtent
        height = leftRight ? acrossExtent : alongExtent
    }

    /// A box sized for the node's wrapped label and its shape: diamonds and circles need more
    /// room around the same text than rectangles do.
    private static func box(for node: ResolvedGraph.Node, layer: Int) -> Box {
        let lines = wrap(node.label)
        let longest = lines.map(\.count).max() ?? 0
        var width = max(Double(longest) * characterWidth + 2 * padding.horizontal, 56)
        var height = Double(max(lines.count, 1)) * lineHeight + 2 * padding.vertical
        switch node.shape {
        case .box, .rounded: break
        case .stadium: width += height / 2
        case .diamond:
            width *= 1.5
            height *= 1.6
        case .circle:
            width *= 1.3
            height *= 1.3
        }
        return Box(x: 0, y: 0, width: width, height: height, lines: lines, layer: layer)
    }

    /// The lowest and highest coordinate across the flow that the boxes of layers `range` reach.
    func span(ofLayers range: ClosedRange<Int>) -> (low: Double, high: Double) {
        var result = (low: Double.infinity, high: -Double.infinity)
        for layer in range where layer >= 0 && layer < layerSpans.count {
            result.low = min(result.low, layerSpans[layer].low)
            result.high = max(result.high, layerSpans[layer].high)
        }
        return result
    }

    /// Greedy word wrap at `width` characters; a word longer than a line is split.
    static func wrap(_ label: String, width maxLineCharacters: Int = maxLineCharacters) -> [Substring] {
        var lines: [Substring] = []
        for paragraph in label.split(whereSeparator: \.isNewline) {
            var lineStart = paragraph.startIndex
            var lineEnd = paragraph.startIndex
            var count = 0
            var index = paragraph.startIndex
            while index < paragraph.endIndex {
                if paragraph[index] == " " {
                    index = paragraph.index(after: index)
                    continue
                }
                var wordEnd = index
                var wordCount = 0
                while wordEnd < paragraph.endIndex, paragraph[wordEnd] != " ", wordCount < maxLineCharacters {
                    wordEnd = paragraph.index(after: wordEnd)
                    wordCount += 1
                }
                if count > 0, count + 1 + wordCount > maxLineCharacters {
                    lines.append(paragraph[lineStart..<lineEnd])
                    count = 0
                }
                if count == 0 { lineStart = index }
                count += (count == 0 ? 0 : 1) + wordCount
                lineEnd = wordEnd
                index = wordEnd
            }
            if count > 0 { lines.append(paragraph[lineStart..<lineEnd]) }
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Marks the edges that close a cycle, found by an iterative depth-first search from each
    /// node in reading order (so the first-written direction of a loop is the one kept).
    private static func acyclicDirections(_ graph: ResolvedGraph) -> [Bool] {
        let count = graph.nodes.count
        var outgoing = Array(repeating: [Int](), count: count)
        for (index, edge) in graph.edges.enumerated() where edge.from != edge.to {
            outgoing[edge.from].append(index)
        }
        var follows = graph.edges.map { $0.from != $0.to }
        // 0: not seen, 1: on the current path, 2: finished.
        var state = Array(repeating: UInt8(0), count: count)
        var stack: [(node: Int, next: Int)] = []
        for root in 0..<count where state[root] == 0 {
            state[root] = 1
            stack.append((root, 0))
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let edge = outgoing[top.node][top.next]
                    let target = graph.edges[edge].to
                    switch state[target] {
                    case 0:
                        state[target] = 1
                        stack.append((target, 0))
                    case 1:
                        follows[edge] = false
                    default:
                        break
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return follows
    }

    /// Longest-path layering of the acyclic graph left once cycle-closing edges are turned
    /// around, by Kahn's topological order.
    private static func longestPathLayers(_ graph: ResolvedGraph, followsFlow: [Bool]) -> [Int] {
        let count = graph.nodes.count
        var successors = Array(repeating: [Int](), count: count)
        var incoming = Array(repeating: 0, count: count)
        for (index, edge) in graph.edges.enumerated() where edge.from != edge.to {
            let (from, to) = followsFlow[index] ? (edge.from, edge.to) : (edge.to, edge.from)
            successors[from].append(to)
            incoming[to] += 1
        }
        var layer = Array(repeating: 0, count: count)
        var ready = (0..<count).filter { incoming[$0] == 0 }
        var cursor = 0
        while cursor < ready.count {
            let node = ready[cursor]
            cursor += 1
            for next in successors[node] {
                layer[next] = max(layer[next], layer[node] + 1)
                incoming[next] -= 1
                if incoming[next] == 0 { ready.append(next) }
            }
        }
        return layer
    }
}
