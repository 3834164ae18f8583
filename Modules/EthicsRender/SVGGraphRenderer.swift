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
    static func append(_ graph: ResolvedGraph, idPrefix: String, title: String, to html: inout String) {
        let layout = GraphLayout(graph)
        let leftRight = graph.direction == .leftRight
        var body = ""
        var extent = (width: layout.width, height: layout.height)

        body += "<g class=\"edges\">\n"
        for (index, edge) in graph.edges.enumerated() {
            let from = layout.boxes[edge.from]
            let to = layout.boxes[edge.to]
            let curve: Curve
            if edge.from == edge.to {
                curve = .selfLoop(around: from, leftRight: leftRight)
            } else if layout.followsFlow[index] && to.layer > from.layer {
                curve = .forward(from: from, to: to, leftRight: leftRight)
            } else {
                curve = .back(from: from, to: to, leftRight: leftRight)
            }
            body += "<path class=\"edge\" d=\"\(curve.path)\" marker-end=\"url(#\(idPrefix)-arrow)\"/>\n"
            extent.width = max(extent.width, curve.maxX + GraphLayout.margin)
            extent.height = max(extent.height, curve.maxY + GraphLayout.margin)
            if let label = edge.label {
                let point = curve.labelPoint
                body += "<text class=\"edge-label\" x=\"\(number(point.x))\" y=\"\(number(point.y))\">"
                body.appendHTMLEscaped(label)
                body += "</text>\n"
                let halfWidth = Double(label.count) * GraphLayout.characterWidth / 2
                extent.width = max(extent.width, point.x + halfWidth + GraphLayout.margin)
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

        let width = number(extent.width.rounded(.up))
        let height = number(extent.height.rounded(.up))
        html += "<svg class=\"graph-drawing\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
        html += "role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\">\n<title id=\"\(idPrefix)-title\">"
        html.appendHTMLEscaped(title)
        let steps = graph.nodes.count
        let links = graph.edges.count
        html += "</title>\n<desc id=\"\(idPrefix)-desc\">A diagram of \(steps) step\(steps == 1 ? "" : "s") and "
        html += "\(links) connection\(links == 1 ? "" : "s"); the text version that follows lists each one.</desc>\n"
        html += "<defs><marker id=\"\(idPrefix)-arrow\" class=\"arrowhead\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
        html += "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n"
        html += body
        html += "</svg>\n"
    }

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

    /// Against the flow (a loop back) or within a layer: out of one side and into the same side
    /// of the target, bulging past both boxes so it does not run through the boxes between.
    static func back(from: Box, to: Box, leftRight: Bool) -> Curve {
        if leftRight {
            let start = (x: from.x, y: from.y + from.height / 2)
            let end = (x: to.x, y: to.y + to.height / 2)
            let bulge = max(start.y, end.y) + 48
            return Curve(start: start, control1: (start.x, bulge), control2: (end.x, bulge), end: end)
        }
        let start = (x: from.x + from.width / 2, y: from.y)
        let end = (x: to.x + to.width / 2, y: to.y)
        let bulge = max(start.x, end.x) + 48
        return Curve(start: start, control1: (bulge, start.y), control2: (bulge, end.y), end: end)
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
}
