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
            let what = context.map { "the \(Self.noun($0)) that starts at \(contextPlace)" } ?? "the block around it"
            message = "this line does not fit the indentation of \(what); check its indentation and that every 'key: value' has its colon"
        } else if problem.contains("mapping values are not allowed"),
                  let (indent, above) = Self.indentation(bytes, line: mark.line), indent > above.indent, above.hasValue {
            // `  id: x` then `   name: y`: the deeper line continues the value above it, where a
            // ':' cannot start a key. The indentation is the mistake; quotes are not the fix.
            message = "this line is indented \(indent) spaces, more than the \(above.indent) of the line above it, so YAML reads it as more of that line's value, where 'key:' cannot start; indent it like line \(above.line + 1)"
        } else if problem.contains("mapping values are not allowed") {
            message = "a ':' here starts a mapping where none can start; put quotes around text that contains ': '"
        } else if let context {
            message = "\(problem) (\(Self.plain(context)) that starts at \(contextPlace))"
        } else {
            message = problem
        }
        error = .error(message, at: location)
    }

    /// "while parsing a block mapping" -> "block mapping"
    private static func noun(_ context: String) -> String {
        for prefix in ["while parsing a ", "while scanning a ", "while parsing an ", "while scanning an "]
        where context.hasPrefix(prefix) {
            return String(context.dropFirst(prefix.count))
        }
        return context
    }

    /// The indentation of line `line` (0-based), and of the nearest line above it that holds
    /// something other than a comment: its number, indentation, and whether a value follows
    /// its first `: ` (a `key:` alone opens a block, and deeper lines below it are right).
    private static func indentation(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> (Int, (line: Int, indent: Int, hasValue: Bool))? {
        var starts = [0]
        for i in 0..<bytes.count where bytes[i] == 0x0A { starts.append(i + 1) }
        guard line < starts.count else { return nil }
        func describe(_ number: Int) -> (indent: Int, content: ArraySlice<UInt8>) {
            let start = starts[number]
            let end = number + 1 < starts.count ? starts[number + 1] : bytes.count
            var i = start
            while i < end, bytes[i] == 0x20 { i += 1 }
            var content = Array(bytes[i..<end])[...]
            while let last = content.last, last == 0x0A || last == 0x0D || last == 0x20 { content.removeLast() }
            return (i - start, content)
        }
        let current = describe(line).indent
        var number = line - 1
        while number >= 0 {
            let (indent, content) = describe(number)
            if !content.isEmpty, content.first != UInt8(ascii: "#") {
                var hasValue = false
                if let colon = content.indices.first(where: { content[$0] == UInt8(ascii: ":") && $0 + 1 < content.endIndex && content[$0 + 1] == 0x20 }) {
                    let rest = content[(colon + 1)...].drop { $0 == 0x20 }
                    hasValue = !rest.isEmpty && rest.first != UInt8(ascii: "#")
                }
                return (current, (number, indent, hasValue))
            }
            number -= 1
        }
        return nil
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
