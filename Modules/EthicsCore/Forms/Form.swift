public import EthicsYAML
/// A question, or a page of questions, described as data: the one description that a terminal
/// asks line by line, an answers file answers in YAML, and a browser shows as an HTML form.
///
/// A flowchart node, a canvas area and a consequence are each a form. The front ends differ only
/// in how they ask; what is asked, the choices, the help and the checks are written once, here, so
/// a council officer gets the same messages wherever they answer.
public struct Form: Hashable, Sendable, Codable {
    /// Stable within its operation: the key of its answers in an answers file (`recognise-1`).
    public var id: String
    /// The question, or the page's heading.
    public var title: String
    /// Guidance shown before the fields.
    public var help: String?
    public var fields: [FormField]

    public init(id: String, title: String, help: String? = nil, fields: [FormField]) {
        self.id = id
        self.title = title
        self.help = help
        self.fields = fields
    }

    public func field(_ id: String) -> FormField? {
        fields.first { $0.id == id }
    }
}

/// One question of a form.
public struct FormField: Hashable, Sendable, Codable {
    /// The id of the optional field naming who is accountable for what an operation keeps, when
    /// that is someone other than the acting person (`--author` on the command line). The
    /// browser leaves it out: there the signed-in person is accountable for what they keep, and
    /// nobody keeps a record in another's name.
    public static let accountableID = "author"

    /// The optional field naming who is accountable for `what` (the decision, the scan), the
    /// acting person when left out.
    public static func accountable(for what: String) -> FormField {
        FormField(id: accountableID, label: "Who is accountable for \(what)", help: "You, when left out.", kind: .text, isRequired: false)
    }

    /// The key of its value: in the answers, in an answers file, and as the command-line option
    /// `--<id>`.
    public var id: String
    public var label: String
    public var help: String?
    public var kind: Kind
    /// Whether the form can be submitted without it.
    public var isRequired: Bool
    /// The shape a one-line answer must have (an email address, a web address), checked wherever
    /// it is given; nil for any line of text.
    public var format: TextFormat?

    public indirect enum Kind: Hashable, Sendable, Codable {
        /// One line of text.
        case text
        /// Several lines or paragraphs; line breaks are kept.
        case longText
        /// Exactly one of the choices.
        case choice([FormChoice])
        /// Any number of the choices.
        case choices([FormChoice])
        /// A whole number in the range (a rating, a score).
        case integer(ClosedRange<Int>)
        /// A day, `YYYY-MM-DD`.
        case date
        /// Yes or no.
        case flag
        /// The same group of fields answered as many times as there are items: consequences,
        /// actions, risks ("add another").
        case repeating([FormField], itemLabel: String)
    }

    public init(id: String, label: String, help: String? = nil, kind: Kind, isRequired: Bool = true, format: TextFormat? = nil) {
        self.id = id
        self.label = label
        self.help = help
        self.kind = kind
        self.isRequired = isRequired
        self.format = format
    }
}

/// A shape a one-line answer must have, beyond being one line: what a published record says about
/// how to reach the council must lead somewhere. Checked by ``FormField/parse(_:)`` on every front
/// end, and by a plugin's own checks of a file written by hand.
public enum TextFormat: String, YAMLStringEnum, Codable, Hashable, CaseIterable {
    /// An email address: `data@council.gov.uk`.
    case email
    /// A web address in full: `https://www.council.gov.uk/...`.
    case url
    /// The id of a record in the register: `dec-2026-0001`. Its shape is checked where it is
    /// typed, so a mistyped id is asked again at once; whether the register holds it is the
    /// operation's to check.
    case recordID = "record-id"

    /// What is wrong with `text` as an answer of this shape, said of the field `label`; nil when
    /// it fits.
    public func problem(with text: String, label: String) -> String? {
        switch self {
        case .email:
            Self.isEmailAddress(text) ? nil : "'\(label)' must be an email address, such as data@council.gov.uk, not '\(text)'"
        case .url:
            WebAddress.isPublishable(text)
                ? nil : "'\(label)' must be a public web address in full, such as https://www.council.gov.uk/page, not '\(text)'"
        case .recordID:
            RecordKind.hasRecordIDShape(text)
                ? nil : "'\(label)' must be a record id, such as dec-2026-0001 (lowercase letters, the year, the number), not '\(text)'"
        }
    }

    /// A name, one `@`, and a domain of at least two labels: the name of letters, digits and
    /// the few marks addresses use (`.` not first, last or doubled; `+`, `-`, `_`, `'`), the domain
    /// of letters, digits and hyphens (not at a label's ends). Stricter than RFC 5322, which
    /// allows quoted names and comments no council publishes, so that `mailto:` prefixes, angle
    /// brackets and pasted display names are caught.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, text.count <= 254 else { return false }
        let name = parts[0], domain = parts[1]
        guard !name.isEmpty, name.count <= 64, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains(".."),
              name.allSatisfy({ $0.isLetter || $0.isNumber || ".+-_'".contains($0) }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-") && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        } && labels.last!.allSatisfy(\.isLetter)
    }
}

/// One choice of a choice field.
public struct FormChoice: Hashable, Sendable, Codable {
    /// What is stored and what an answers file gives: `act`.
    public var id: String
    /// What a person reads: `Act: we can change this ourselves`.
    public var label: String
    public var help: String?

    public init(id: String, label: String, help: String? = nil) {
        self.id = id
        self.label = label
        self.help = help
    }
}
