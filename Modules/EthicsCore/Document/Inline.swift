import Foundation

/// A run of text inside a block: the part of a document that can be emphasised, linked or
/// recognised as a glossary term.
///
/// A string literal is an `Inline`, so mixed content reads naturally:
/// `["Consult the ", .termReference("DPO", termID: "dpo"), " before ", .strong(["publishing"])]`.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    /// Code, a command or an identifier, shown verbatim in a fixed-width face.
    case code(String)
    /// A link to `url`. Renderers only make `http`, `https` and `mailto` URLs and in-document
    /// fragments (`#…`) clickable; anything else (a `javascript:` URL in hostile content) is shown
    /// as text.
    case link([Inline], url: String)
    /// A mention of a glossary term. Renderers link it to the term's entry, whose anchor is
    /// ``anchor(forTerm:)``, so every format agrees on where a term lives.
    case termReference(String, termID: String)
    /// A forced line break inside a paragraph (an address, a verse); not a paragraph break.
    case lineBreak
    /// A command of the toolkit that does what the sentence suggests (`ethics consequence-scanning
    /// scan`), with the page that does it in a browser. Written as the command in every format;
    /// `ethics serve` writes a link to the page instead, where the browser has it, so a document
    /// written once reads right at a terminal and in a browser.
    case command(String, page: OperationPage)
}

/// The page of a plugin's operation, as a sentence names it (`a new scan`).
public struct OperationPage: Hashable, Sendable, Codable {
    /// The words a link to the page shows, fitting the sentence in place of the command.
    public var words: String
    public var plugin: String
    public var operation: String

    public init(_ words: String, plugin: String, operation: String) {
        self.words = words
        self.plugin = plugin
        self.operation = operation
    }
}

extension Inline: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension Inline {
    /// `.emphasis` of plain text.
    public static func emphasis(_ text: String) -> Inline { .emphasis([.text(text)]) }

    /// `.strong` of plain text.
    public static func strong(_ text: String) -> Inline { .strong([.text(text)]) }

    /// A link whose visible text is plain.
    public static func link(_ text: String, url: String) -> Inline { .link([.text(text)], url: url) }

    /// The fragment identifier (without `#`) of the glossary entry for `termID`: `term-` followed
    /// by the id reduced to lowercase ASCII letters, digits, `-` and `_`.
    ///
    /// The glossary gives its entries this anchor and renderers link term references to it, so a
    /// link made in Markdown lands on the same place in HTML.
    public static func anchor(forTerm termID: String) -> String {
        "term-" + anchorSlug(termID)
    }

    /// `text` reduced to characters that are safe in an HTML id, a URL fragment and a file name
    /// without escaping: lowercase ASCII letters and digits, `-` and `_`, with accents dropped
    /// and apostrophes left out; every other run becomes one `-`.
    public static func anchorSlug(_ text: String) -> String {
        // "Zoë's café" is zoes-cafe, not zo-s-caf: accents are dropped, apostrophes run letters on.
        let text = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        // Built as bytes: appending to a String's unicode scalars one at a time took two thirds
        // of this function's time, and it runs for every anchor of every page (3% of a glossary
        // search page in `ethics serve`).
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let byte: UInt8
            switch scalar {
            case "'", "\u{2019}":
                continue
            case "a"..."z", "0"..."9", "-", "_":
                byte = UInt8(scalar.value)
            case "A"..."Z":
                byte = UInt8(scalar.value) + 32
            default:
                pendingDash = true
                continue
            }
            if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingDash = false
            slug.append(byte)
        }
        return slug.isEmpty ? "_" : String(decoding: slug, as: UTF8.self)
    }
}
