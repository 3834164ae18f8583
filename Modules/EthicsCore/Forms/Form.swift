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

    public init(id: String, label: String, help: String? = nil, kind: Kind, isRequired: Bool = true) {
        self.id = id
        self.label = label
        self.help = help
        self.kind = kind
        self.isRequired = isRequired
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
