import EthicsCore

/// How wide a table cell's text prints in a paper, so a column can be given room for its longest
/// word and no word is broken across lines (a break mid-word reads badly and, in a PDF, cannot be
/// searched for).
///
/// The widths are the advance widths of DejaVu Sans and DejaVu Sans Bold, the fonts LibreOffice
/// falls back to where Liberation Sans (Arial's metric twin) is not installed; they are wider than
/// Arial, Liberation Sans and Calibri at every printable ASCII character, so a column measured with
/// them keeps its words whole whichever of those the reader's word processor uses. Code is set in a
/// monospaced font, 0.6 em a character in DejaVu Sans Mono and Liberation Mono alike, at 9.5 points
/// beside the 9 of table text. Read from the fonts' hmtx tables (DejaVu fonts 2.37, free licence),
/// in thousandths of an em, U+0020 to U+007E.
enum PaperTextWidth {
    private static let regular: [UInt16] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]

    private static let bold: [UInt16] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]

    /// A code character, in thousandths of an em of table text: 0.602 em at 9.5 points of 9.
    private static let code = 636

    /// Anything else (accented letters, curly quotes, dashes) is taken as a wide capital's width.
    private static let other = 850

    /// The widest piece of `inlines` a line cannot break within (a word, split again after a
    /// hyphen or slash, which stays with the piece before it), and the widest line, in ems.
    static func measure(_ inlines: [Inline], bold: Bool) -> (word: Double, line: Double) {
        var measurer = Measurer()
        measurer.add(inlines, bold: bold)
        measurer.endLine()
        return (Double(measurer.widestWord) / 1000, Double(measurer.widestLine) / 1000)
    }

    private struct Measurer {
        var word = 0, line = 0, widestWord = 0, widestLine = 0

        mutating func add(_ inlines: [Inline], bold: Bool) {
            for inline in inlines {
                switch inline {
                case .text(let text), .termReference(let text, _): add(text, widths: bold ? PaperTextWidth.bold : regular)
                case .code(let text), .command(let text, _): add(text, widths: nil)
                case .emphasis(let content): add(content, bold: bold)
                case .strong(let content): add(content, bold: true)
                case .link(let content, let url): content.isEmpty ? add(url, widths: regular) : add(content, bold: bold)
                case .lineBreak: endLine()
                }
            }
        }

        /// Adds `text` measured by `widths`, or as code when nil.
        mutating func add(_ text: String, widths: [UInt16]?) {
            for scalar in text.unicodeScalars {
                let value = Int(scalar.value)
                let width = widths.map { (0x20...0x7E).contains(value) ? Int($0[value - 0x20]) : other } ?? code
                switch scalar {
                case "\n": endLine()
                case " ", "\t": endWord(); line += width
                case "-", "/": word += width; line += width; endWord()
                default: word += width; line += width
                }
            }
        }

        mutating func endWord() {
            widestWord = max(widestWord, word)
            word = 0
        }

        mutating func endLine() {
            endWord()
            widestLine = max(widestLine, line)
            line = 0
        }
    }
}
