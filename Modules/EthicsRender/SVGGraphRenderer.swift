import EthicsCore

/// Draws a graph as inline SVG for HTML pages: boxes in layers (see ``GraphLayout``), edges as
/// curves with arrowheads and labels.
///
/// The drawing needs no script, font or file, so it shows the same in a browser, in print and
/// in an archived copy. It is an image to assistive technology (`role="img"`, named by its
/// `<title>` and `<desc>`); the figure around it carries the graph as a text list, which is the
/// text alternative. Ids are prefixed so that several graphs can share a page, and every label
/// passes through the one HTML escaping function (its five references are valid XML too).
enum SVGGraphRenderer {
    /// Appends the `<svg>` element for `graph` to `html`. `idPrefix` must be unique in the page.
    /// A `standalone` drawing is an SVG file of its own (an image in an ODT or DOCX paper): it
    /// declares its namespace and carries its own styles, since no page stylesheet reaches it.
    /// Returns the drawing's size in CSS pixels.
    @discardableResult
    static func append(
        _ graph: ResolvedGraph, idPrefix: String, title: String, standalone: Bool = false, to html: inout String
    ) -> (width: Double, height: Double) {
        let layout = GraphLayout(graph)
        let leftRight = graph.direction == .leftRight
        var body = ""
        var bounds = (minX: 0.0, minY: 0.0, maxX: layout.width, maxY: layout.height)

        // Every node's box is taken before any edge label is placed, so no label covers a box.
        var placer = LabelPlacer()
        for box in layout.boxes {
            placer.occupy(LabelPlacer.Rect(centreX: box.x, centreY: box.y, width: box.width, height: box.height))
        }
        body += "<g class=\"edges\">\n"
        for (index, edge) in graph.edges.enumerated() {
            let from = layout.boxes[edge.from]
            let to = layout.boxes[edge.to]
            let curve: Curve
            let low = min(from.layer, to.layer)
            let high = max(from.layer, to.layer)
            if edge.from == edge.to {
                curve = .selfLoop(around: from, leftRight: leftRight)
            } else if layout.followsFlow[index] && to.layer == from.layer + 1 {
                curve = .forward(from: from, to: to, leftRight: leftRight)
            } else if layout.followsFlow[index] && to.layer > from.layer {
                // Skipping layers: round the near side of the layers between, clear of their boxes.
                let clear = layout.span(ofLayers: low + 1...high - 1).low - Self.clearance
                curve = .around(from: from, to: to, at: clear, highSide: false, leftRight: leftRight)
            } else {
                // Back against the flow, or within a layer: round the far side.
                let clear = layout.span(ofLayers: low...high).high + Self.clearance
                curve = .around(from: from, to: to, at: clear, highSide: true, leftRight: leftRight)
            }
            body += "<path class=\"edge\" d=\"\(curve.path)\" marker-end=\"url(#\(idPrefix)-arrow)\"/>\n"
            bounds.minX = min(bounds.minX, curve.minX - GraphLayout.margin)
            bounds.minY = min(bounds.minY, curve.minY - GraphLayout.margin)
            bounds.maxX = max(bounds.maxX, curve.maxX + GraphLayout.margin)
            bounds.maxY = max(bounds.maxY, curve.maxY + GraphLayout.margin)
            if let label = edge.label {
                // Wrapped, measured and placed clear of every box and every label placed before it.
                let lines = GraphLayout.wrap(label, width: Self.edgeLabelCharacters)
                let width = Double(lines.map(\.count).max() ?? 0) * GraphLayout.characterWidth + 4
                let height = Double(lines.count) * GraphLayout.lineHeight
                var point = curve.labelPoint
                // A self-loop's label goes beside the loop, not on it.
                if edge.from == edge.to, !leftRight { point.x = curve.maxX + width / 2 + 4 }
                if edge.from == edge.to, leftRight { point.y = curve.maxY + height / 2 }
                let box = placer.place(width: width, height: height, near: point, leftRight: leftRight)
                let firstLine = box.centreY - Double(lines.count - 1) * GraphLayout.lineHeight / 2
                body += "<text class=\"edge-label\" x=\"\(number(box.centreX))\" y=\"\(number(firstLine))\">"
                for (line, text) in lines.enumerated() {
                    body += "<tspan x=\"\(number(box.centreX))\" y=\"\(number(firstLine + Double(line) * GraphLayout.lineHeight))\">"
                    body.appendHTMLEscaped(text)
                    body += "</tspan>"
                }
                body += "</text>\n"
                bounds.minX = min(bounds.minX, box.minX - GraphLayout.margin)
                bounds.maxX = max(bounds.maxX, box.maxX + GraphLayout.margin)
                bounds.minY = min(bounds.minY, box.minY - GraphLayout.margin)
                bounds.maxY = max(bounds.maxY, box.maxY + GraphLayout.margin)
            }
        }
        body += "</g>\n<g class=\"nodes\">\n"
        for (index, node) in graph.nodes.enumerated() {
            let box = layout.boxes[index]
            body += "<g class=\"node node-\(node.shape.rawValue)"
            if let className = node.className { body += " kind-\(className)" }
            body += "\">"
            body += shape(node.shape, box)
            let firstLine = box.y - Double(box.lines.count - 1) * GraphLayout.lineHeight / 2
            body += "<text x=\"\(number(box.x))\" y=\"\(number(firstLine))\">"
            for (line, text) in box.lines.enumerated() {
                body += "<tspan x=\"\(number(box.x))\" y=\"\(number(firstLine + Double(line) * GraphLayout.lineHeight))\">"
                body.appendHTMLEscaped(text)
                body += "</tspan>"
            }
            body += "</text></g>\n"
        }
        body += "</g>\n"

        // The view box starts where the leftmost curve or label does, which may be left of zero.
        let (originX, originY) = (bounds.minX.rounded(.down), bounds.minY.rounded(.down))
        let width = number((bounds.maxX - originX).rounded(.up))
        let height = number((bounds.maxY - originY).rounded(.up))
        html += standalone ? "<svg xmlns=\"http://www.w3.org/2000/svg\" " : "<svg "
        html += "class=\"graph-drawing\" viewBox=\"\(number(originX)) \(number(originY)) \(width) \(height)\" "
        html += "width=\"\(width)\" height=\"\(height)\" "
        html += "role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\">\n<title id=\"\(idPrefix)-title\">"
        html.appendHTMLEscaped(title)
        let steps = graph.nodes.count
        let links = graph.edges.count
        html += "</title>\n<desc id=\"\(idPrefix)-desc\">A diagram of \(steps) step\(steps == 1 ? "" : "s") and "
        html += "\(links) connection\(links == 1 ? "" : "s"); the text version that follows lists each one.</desc>\n"
        html += "<defs><marker id=\"\(idPrefix)-arrow\" class=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
        html += "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n"
        if standalone {
            html += "<style>\(Self.standaloneStyle)</style>\n"
            html += "<rect x=\"\(number(originX))\" y=\"\(number(originY))\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        }
        html += body
        html += "</svg>\n"
        return ((bounds.maxX - originX).rounded(.up), (bounds.maxY - originY).rounded(.up))
    }

    /// The page stylesheet's rules for drawings, with its colours written out, for a drawing that
    /// travels as a file of its own.
    static let standaloneStyle = """
        text { fill: #0b0c0c; font-family: sans-serif; font-size: 14px; text-anchor: middle; dominant-baseline: central; }
        .shape { fill: #ffffff; stroke: #0b0c0c; stroke-width: 1.5; }
        .node-diamond .shape { fill: #f3f2f1; }
        .kind-visited .shape { stroke-width: 4; }
        .edge { fill: none; stroke: #505a5f; stroke-width: 1.5; }
        .arrowhead { fill: #505a5f; }
        .edge-label { font-size: 13px; fill: #0b0c0c; paint-order: stroke; stroke: #ffffff; stroke-width: 5px; stroke-linejoin: round; }
        """

    /// The widest line of an edge label, in characters; longer labels wrap.
    static let edgeLabelCharacters = 22

    /// How far a routed edge keeps from the boxes it goes round.
    static let clearance = 28.0

    private static func shape(_ shape: Graph.Node.Shape, _ box: GraphLayout.Box) -> String {
        let (left, top) = (box.x - box.width / 2, box.y - box.height / 2)
        let rect = "x=\"\(number(left))\" y=\"\(number(top))\" width=\"\(number(box.width))\" height=\"\(number(box.height))\""
        switch shape {
        case .box:
            return "<rect class=\"shape\" \(rect)/>"
        case .rounded:
            return "<rect class=\"shape\" \(rect) rx=\"10\"/>"
        case .stadium:
            return "<rect class=\"shape\" \(rect) rx=\"\(number(box.height / 2))\"/>"
        case .circle:
            return "<ellipse class=\"shape\" cx=\"\(number(box.x))\" cy=\"\(number(box.y))\" "
                + "rx=\"\(number(box.width / 2))\" ry=\"\(number(box.height / 2))\"/>"
        case .diamond:
            let points = [(box.x, top), (box.x + box.width / 2, box.y), (box.x, top + box.height), (left, box.y)]
            return "<polygon class=\"shape\" points=\"\(points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " "))\"/>"
        }
    }

    /// Coordinates to one decimal place, without a trailing `.0`, so output is stable and short.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = tenths / 10
        let fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}

/// One edge as a cubic Bézier curve from `start` to `end`.
private struct Curve {
    var start: (x: Double, y: Double)
    var control1: (x: Double, y: Double)
    var control2: (x: Double, y: Double)
    var end: (x: Double, y: Double)

    typealias Box = GraphLayout.Box

    /// With the flow: from the bottom (or right) of one box to the top (or left) of the next.
    static func forward(from: Box, to: Box, leftRight: Bool) -> Curve {
        if leftRight {
            let start = (x: from.x + from.width / 2, y: from.y)
            let end = (x: to.x - to.width / 2, y: to.y)
            let middle = (start.x + end.x) / 2
            return Curve(start: start, control1: (middle, start.y), control2: (middle, end.y), end: end)
        }
        let start = (x: from.x, y: from.y + from.height / 2)
        let end = (x: to.x, y: to.y - to.height / 2)
        let middle = (start.y + end.y) / 2
        return Curve(start: start, control1: (start.x, middle), control2: (end.x, middle), end: end)
    }

    /// Round the side of the layers in between: out of one box's side and into the same side of
    /// the other, bulging to `clear` across the flow. The high side is the right (or, left to
    /// right, the bottom); the low side the left (or top).
    static func around(from: Box, to: Box, at clear: Double, highSide: Bool, leftRight: Bool) -> Curve {
        let sign = highSide ? 1.0 : -1.0
        if leftRight {
            let start = (x: from.x, y: from.y + sign * from.height / 2)
            let end = (x: to.x, y: to.y + sign * to.height / 2)
            let apex = highSide ? max(clear, start.y + 24, end.y + 24) : min(clear, start.y - 24, end.y - 24)
            let bulge = controlOffset(apex: apex, from: (start.y + end.y) / 2)
            return Curve(start: start, control1: (start.x, bulge), control2: (end.x, bulge), end: end)
        }
        let start = (x: from.x + sign * from.width / 2, y: from.y)
        let end = (x: to.x + sign * to.width / 2, y: to.y)
        let apex = highSide ? max(clear, start.x + 24, end.x + 24) : min(clear, start.x - 24, end.x - 24)
        let bulge = controlOffset(apex: apex, from: (start.x + end.x) / 2)
        return Curve(start: start, control1: (bulge, start.y), control2: (bulge, end.y), end: end)
    }

    /// A cubic curve reaches three quarters of the way to its control points, so they go a third
    /// further out than the apex wanted.
    private static func controlOffset(apex: Double, from base: Double) -> Double {
        base + (apex - base) * 4 / 3
    }

    /// A small loop on the right (or bottom) of the box, back into itself.
    static func selfLoop(around box: Box, leftRight: Bool) -> Curve {
        if leftRight {
            let y = box.y + box.height / 2
            return Curve(start: (box.x - 8, y), control1: (box.x - 28, y + 40), control2: (box.x + 28, y + 40), end: (box.x + 8, y))
        }
        let x = box.x + box.width / 2
        return Curve(start: (x, box.y - 8), control1: (x + 40, box.y - 28), control2: (x + 40, box.y + 28), end: (x, box.y + 8))
    }

    var path: String {
        let n = SVGGraphRenderer.number
        return "M\(n(start.x)),\(n(start.y)) C\(n(control1.x)),\(n(control1.y)) \(n(control2.x)),\(n(control2.y)) \(n(end.x)),\(n(end.y))"
    }

    /// The curve's midpoint, where its label is centred.
    var labelPoint: (x: Double, y: Double) {
        ((start.x + 3 * control1.x + 3 * control2.x + end.x) / 8,
         (start.y + 3 * control1.y + 3 * control2.y + end.y) / 8)
    }

    /// The far edges of the curve's bounding hull, for sizing the drawing.
    var maxX: Double { max(start.x, control1.x, control2.x, end.x) }
    var maxY: Double { max(start.y, control1.y, control2.y, end.y) }
    var minX: Double { min(start.x, control1.x, control2.x, end.x) }
    var minY: Double { min(start.y, control1.y, control2.y, end.y) }
}
