import CYAML
import EthicsDiagnostics

/// libyaml's report of why it stopped, rephrased for people who are not YAML experts.
///
/// libyaml's own words are precise but terse ("did not find expected key"); the common
/// accidents (a tab used for indentation, a bracket never closed, a file cut short) get a
/// sentence that says what to fix, and the place where the construct began is named too.
struct LibYAMLProblem {
    let error: DiagnosticError

    init(parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, file: String) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        if parser.error == YAML_MEMORY_ERROR {
            error = .error("the YAML parser ran out of memory", file: file)
            return
        }
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset rather than a mark.
            let location = TextFile.position(of: parser.problem_offset, in: Array(bytes), file: file)
            error = .error("the file is not valid UTF-8 YAML text: \(problem)", at: location)
            return
        }
        let mark = parser.problem_mark
        let location = SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
        let context = parser.context.map { String(cString: $0) }
        let contextMark = parser.context_mark
        let contextPlace = "line \(contextMark.line + 1), column \(contextMark.column + 1)"
        let atTab = Self.indentationHasTab(bytes, line: mark.line)

        let message: String
        if problem.contains("tab") || (atTab && problem.contains("cannot start any token")) {
            message = "a tab character is used for indentation here; YAML indentation must use spaces"
        } else if problem.contains("expected ',' or ']'") {
            message = "the list opened with '[' at \(contextPlace) is not closed: expected ',' or ']'"
        } else if problem.contains("expected ',' or '}'") {
            message = "the mapping opened with '{' at \(contextPlace) is not closed: expected ',' or '}'"
        } else if problem.contains("end of stream") {
            let what = context.map { " (\(Self.plain($0)) that starts at \(contextPlace))" } ?? ""
            message = "the file ends too early\(what); is it cut short, or is a quote or bracket never closed?"
        } else if problem == "did not find expected key" || problem == "did not find expected '-' indicator" {
            let what = context.map { " \(Self.plain($0)) that starts at \(contextPlace)" } ?? ""
            message = "this line does not fit the indentation of the\(what.isEmpty ? " block around it" : what); check its indentation and that every 'key: value' has its colon"
        } else if problem.contains("mapping values are not allowed") {
            message = "a ':' here starts a mapping where none can start; put quotes around text that contains ': '"
        } else if let context {
            message = "\(problem) (\(Self.plain(context)) that starts at \(contextPlace))"
        } else {
            message = problem
        }
        error = .error(message, at: location)
    }

    /// "while parsing a block mapping" -> "in the block mapping"
    private static func plain(_ context: String) -> String {
        for prefix in ["while parsing a ", "while scanning a ", "while parsing an ", "while scanning an "]
        where context.hasPrefix(prefix) {
            return "in the " + context.dropFirst(prefix.count)
        }
        return context
    }

    /// Whether line `line` (0-based) is indented with a tab. Found by line number because
    /// libyaml's `mark.index` counts characters, not bytes.
    private static func indentationHasTab(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Bool {
        var i = 0
        var current = 0
        while current < line, i < bytes.count {
            if bytes[i] == 0x0A { current += 1 }
            i += 1
        }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 {
            if bytes[i] == 0x09 { return true }
            i += 1
        }
        return false
    }
}
