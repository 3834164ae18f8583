/// A format the renderer can write, as users name it in `--format`.
///
/// It lives beside the document model rather than in the renderer because plugins (which see only
/// EthicsCore) take it as an option and document hooks name the formats they apply to.
public enum OutputFormat: String, Hashable, Sendable, Codable, CaseIterable {
    /// Plain text for a terminal: underlined headings, aligned tables, no colour codes.
    case text
    /// CommonMark with GitHub's tables; diagrams as fenced `mermaid` blocks.
    case markdown
    /// One self-contained, accessible HTML page.
    case html
    /// The document model itself, for other tools.
    case json
    /// The document's tables only.
    case csv
    /// The document's graphs only, as Mermaid flowcharts.
    case mermaid
    /// The document's graphs only, as Graphviz digraphs.
    case dot
    /// An OpenDocument text file (ODF, the UK government's standard for editable documents), for
    /// committee papers. A zip archive, so it is written to a file, never to a terminal.
    case odt
    /// A Word document (Office Open XML), which council committee systems take. A zip archive,
    /// like ``odt``.
    case docx

    /// How much of a document a format can carry.
    public enum Content: Hashable, Sendable {
        /// Every block.
        case wholeDocument
        /// Only the tables; a document without one cannot be written in this format.
        case tablesOnly
        /// Only the graphs; a document without one cannot be written in this format.
        case graphsOnly
    }

    public var content: Content {
        switch self {
        case .text, .markdown, .html, .json, .odt, .docx: .wholeDocument
        case .csv: .tablesOnly
        case .mermaid, .dot: .graphsOnly
        }
    }

    /// The formats people read as pages (HTML, Markdown and the word-processor papers): where document hooks apply by
    /// default (the glossary links terms there).
    public static let annotated: Set<OutputFormat> = [.markdown, .html, .odt, .docx]

    /// Whether the format is bytes rather than text: a zip archive that must go to a file.
    public var isBinary: Bool {
        switch self {
        case .odt, .docx: true
        default: false
        }
    }

    /// The formats a person reads as a paper: where a command writes HTML it also writes these.
    public static let papers: [OutputFormat] = [.odt, .docx]

    /// The media type a web server sends the format as.
    public var mediaType: String {
        switch self {
        case .text: "text/plain; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: "application/json"
        case .csv: "text/csv; charset=utf-8"
        case .mermaid: "text/vnd.mermaid; charset=utf-8"
        case .dot: "text/vnd.graphviz; charset=utf-8"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }

    /// The help of a command's `--format`, made from the formats it writes so the two cannot
    /// differ: `Output format: text, markdown or html (default: text, or the one the output file's
    /// name says).`
    public static func optionHelp(_ formats: [OutputFormat], otherwise fallback: OutputFormat, lead: String = "Output format") -> String {
        let names = formats.map(\.rawValue)
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] : names.joined()
        return "\(lead): \(list) (default: \(fallback.rawValue), or the one the output file's name says)."
    }

    /// The format a command writes: the one asked for with `--format`; else the one the output
    /// file's name says (`-o paper.docx`), when the command writes it; else the command's own.
    public static func chosen(_ asked: OutputFormat?, output: String?, supported: [OutputFormat], otherwise fallback: OutputFormat) -> OutputFormat {
        if let asked { return asked }
        if let output, let named = OutputFormat(fileName: output), supported.contains(named) { return named }
        return fallback
    }

    /// The format a file's name says it holds (`paper.docx`, `page.htm`, `notes.md`); nil for a
    /// name without one of these extensions. `.txt` says only "text", which Markdown, CSV and the
    /// diagram formats all are, so it names none of them.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "json": self = .json
        case "csv": self = .csv
        case "mmd", "mermaid": self = .mermaid
        case "dot", "gv": self = .dot
        case "odt": self = .odt
        case "docx": self = .docx
        default: return nil
        }
    }

    /// The usual file-name extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        case .csv: "csv"
        case .mermaid: "mmd"
        case .dot: "dot"
        case .odt: "odt"
        case .docx: "docx"
        }
    }
}
