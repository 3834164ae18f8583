import Foundation

/// An sRGB colour written as `#rrggbb` or `#rgb`, as a council's brand guidelines give it.
///
/// It knows its WCAG relative luminance and contrast ratio, because a brand colour is used for
/// link text and must stay legible: WCAG 2.2 AA asks for 4.5:1 against the page for normal text.
public struct HexColour: Hashable, Sendable, CustomStringConvertible {
    public let red: UInt8
    public let green: UInt8
    public let blue: UInt8

    /// The minimum contrast ratio for normal text under WCAG 2.2 AA (success criterion 1.4.3).
    public static let minimumTextContrast = 4.5
    public static let white = HexColour(red: 255, green: 255, blue: 255)

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#rrggbb` or `#rgb` (either case); nil for anything else, including names like `red`.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "#"), bytes.count == 7 || bytes.count == 4 else { return nil }
        var digits: [UInt8] = []
        for byte in bytes.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digits.append(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digits.append(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        red = digits[0] << 4 | digits[1]
        green = digits[2] << 4 | digits[3]
        blue = digits[4] << 4 | digits[5]
    }

    /// `#rrggbb` in lowercase: the one spelling written into CSS.
    public var description: String {
        let hex = Array("0123456789abcdef")
        return "#" + String([red, green, blue].flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0xF)]] })
    }

    /// WCAG 2.x relative luminance, from 0 (black) to 1 (white).
    public var relativeLuminance: Double {
        func linear(_ channel: UInt8) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The WCAG contrast ratio between two colours, from 1 to 21, whichever is lighter.
    public func contrastRatio(against other: HexColour) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The lightest shade of this colour (the same hue, scaled towards black) that reaches `ratio`
    /// against `background`, so an error can suggest a fix that stays on brand.
    public func darkened(toContrast ratio: Double, against background: HexColour) -> HexColour {
        var shade = self
        var factor = 1.0
        while shade.contrastRatio(against: background) < ratio, factor > 0 {
            factor -= 0.01
            shade = HexColour(
                red: UInt8((Double(red) * factor).rounded(.down)),
                green: UInt8((Double(green) * factor).rounded(.down)),
                blue: UInt8((Double(blue) * factor).rounded(.down)))
        }
        return shade
    }
}

