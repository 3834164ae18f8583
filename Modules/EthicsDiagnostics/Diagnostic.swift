/// One problem found in something a user wrote: a config, a content pack, an answers file.
///
/// Every layer of the toolkit reports problems as diagnostics so that they all print the same way,
/// `path:line:column: error: message`, which editors, terminals and CI annotators understand.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Where the problem is; nil only when there is no file to point at (a missing file is located
    /// at the line that names it, not here).
    public var location: SourceLocation?
    /// A file without a position, used when the whole file is the problem (unreadable, empty).
    public var file: String?
    /// The dotted key path inside the document (`plugins.glossary.files[2]`), when known.
    public var keyPath: String?
    public var message: String
    /// A fix worth trying, phrased as a question the way compilers do: "did you mean 'glossary'?"
    public var suggestion: String?

    public init(
        _ severity: Severity = .error,
        _ message: String,
        at location: SourceLocation? = nil,
        file: String? = nil,
        keyPath: String? = nil,
        suggestion: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.file = file ?? location?.file
        self.keyPath = keyPath
        self.suggestion = suggestion
    }

    public static func error(
        _ message: String, at location: SourceLocation? = nil, file: String? = nil,
        keyPath: String? = nil, suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, message, at: location, file: file, keyPath: keyPath, suggestion: suggestion)
    }

    /// `path:line:column: error: message (at key.path); did you mean 'x'?`
    public var description: String {
        var text = ""
        if let location {
            text += "\(location): "
        } else if let file {
            text += "\(file): "
        }
        text += "\(severity.rawValue): \(message)"
        if let keyPath, !keyPath.isEmpty {
            text += " (at \(keyPath))"
        }
        if let suggestion {
            text += "; \(suggestion)"
        }
        return text
    }
}
