import Foundation

/// The boxes of the labels in a drawing the renderer made, measured as the renderer measures
/// them (7.8 px a character, 18 px a line, centred on each line's position), so a test can check
/// that no two labels were drawn over each other.
public enum SVGLabelBoxes {
    public struct Box: Sendable, CustomStringConvertible {
        public var text: String
        public var minX, minY, maxX, maxY: Double

        public func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        public var description: String { "'\(text)' [\(Int(minX)), \(Int(minY)) – \(Int(maxX)), \(Int(maxY))]" }
    }

    /// Every `<text>` element of `svg`: its lines (`<tspan x y>`) as one box.
    public static func boxes(in svg: String) -> [Box] {
        var boxes: [Box] = []
        for element in svg.matches(of: /<text[^>]*>(.*?)<\/text>/) {
            var box: Box?
            for line in String(element.output.1).matches(of: /<tspan x="([-0-9.]+)" y="([-0-9.]+)">([^<]*)<\/tspan>/) {
                guard let x = Double(line.output.1), let y = Double(line.output.2) else { continue }
                let text = unescaped(String(line.output.3))
                let half = Double(text.count) * 7.8 / 2
                let lineBox = Box(text: text, minX: x - half, minY: y - 9, maxX: x + half, maxY: y + 9)
                if var whole = box {
                    whole.text += " " + text
                    whole.minX = min(whole.minX, lineBox.minX)
                    whole.maxX = max(whole.maxX, lineBox.maxX)
                    whole.minY = min(whole.minY, lineBox.minY)
                    whole.maxY = max(whole.maxY, lineBox.maxY)
                    box = whole
                } else {
                    box = lineBox
                }
            }
            if let box { boxes.append(box) }
        }
        return boxes
    }

    /// The first two boxes that overlap, or nil.
    public static func firstOverlap(in svg: String) -> (Box, Box)? {
        let boxes = boxes(in: svg)
        for (index, box) in boxes.enumerated() {
            for other in boxes[(index + 1)...] where box.intersects(other) { return (box, other) }
        }
        return nil
    }

    private static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
