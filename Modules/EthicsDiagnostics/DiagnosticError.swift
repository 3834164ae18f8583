/// The toolkit's one error type for problems in user input: every diagnostic found, not only the
/// first, so a council officer can fix a file in one pass.
///
/// Code that finds problems collects them and throws one `DiagnosticError`; the CLI prints each
/// on its own line and exits with status 2.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public private(set) var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Self.ordered(diagnostics)
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    /// Convenience for the common single-problem case.
    public static func error(
        _ message: String, at location: SourceLocation? = nil, file: String? = nil,
        keyPath: String? = nil, suggestion: String? = nil
    ) -> DiagnosticError {
        DiagnosticError(.error(message, at: location, file: file, keyPath: keyPath, suggestion: suggestion))
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }

    /// Sorted, with at most `limit` kept; past that a last line says how many were left out,
    /// attributed to the file of the first one (the one to open first).
    public init(_ diagnostics: [Diagnostic], limit: Int) {
        let ordered = Self.ordered(diagnostics)
        guard ordered.count > limit, let first = ordered.first else {
            self.diagnostics = ordered
            return
        }
        self.diagnostics = Array(ordered.prefix(limit))
            + [.error("\(ordered.count - limit) more problems not shown; fix these first", file: first.file ?? first.location?.file)]
    }

    /// File order, then position (a file-level diagnostic, without one, first), then severity,
    /// then the order found; identical diagnostics are reported once.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }
        func key(_ diagnostic: Diagnostic) -> (String, Int, Int) {
            (diagnostic.location?.file ?? diagnostic.file ?? "", diagnostic.location?.line ?? 0, diagnostic.location?.column ?? 0)
        }
        return unique.enumerated().sorted { a, b in
            let (left, right) = (key(a.element), key(b.element))
            if left != right { return left < right }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Gathers diagnostics while a whole file (or a whole config tree) is checked, then throws them
/// together. A value type: pass it `inout` through the checking code.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// Runs `body`; a `DiagnosticError` it throws is collected instead of propagated, so the
    /// caller can go on checking the next file. Returns nil when `body` threw.
    public mutating func collecting<T>(_ body: () throws(DiagnosticError) -> T) -> T? {
        do {
            return try body()
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Throws everything collected when any of it is an error.
    public func throwIfErrors() throws(DiagnosticError) {
        if hasErrors { throw DiagnosticError(diagnostics) }
    }
}
