import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// Reads every code file the settings name and checks them together, so that a council sees
/// every problem in its codes, across all files, in one run.
struct CodeLibraryLoader {
    let attributes: AttributeCatalog
    var decoder = YAMLDecoder()

    func load(_ paths: [ContentPath]) throws(DiagnosticError) -> CodeLibrary {
        var problems = DiagnosticCollector()
        var codes: [ProfessionalCode] = []
        var allDecoded = true
        // Each file is read on its own, several at once; their problems are kept in file order.
        for reading in EachFile.map(paths, { path in read(path) }) {
            problems.append(contentsOf: reading.problems)
            guard let code = reading.code else {
                allDecoded = false
                continue
            }
            codes.append(code)
        }
        problems.append(contentsOf: Self.duplicateProblems(in: codes))
        // A file that failed to decode hides its clauses, so references into it would be
        // reported as unknown for no fault of their own: check references only when all decoded.
        if allDecoded {
            problems.append(contentsOf: Self.referenceProblems(in: codes))
        }
        try problems.throwIfErrors()
        return CodeLibrary(codes: codes, attributes: attributes)
    }

    /// One file's code, or nil when it did not decode at all, with the file's problems.
    ///
    /// A file with problems still gives its code, so that every check runs in the same pass: a
    /// bad date (decoding), an unknown attribute (this file's checks) and a misspelt related
    /// clause (the checks across files) are all reported by one `config check`, not one a run.
    /// The caller throws the collected problems, so such a code is never used for anything else.
    private func read(_ path: ContentPath) -> (code: ProfessionalCode?, problems: [Diagnostic]) {
        // A file that cannot be read is reported at the line naming it; a value that failed to
        // decode is reported and stands in as a placeholder, so the rest is still checked.
        let reading = ContentFile<CodeFile>.read(path, kind: "code file", holding: "one code", decoder: decoder)
        guard let file = reading.file, let root = reading.root else { return (nil, reading.problems) }
        let checks = CodeFileChecks(file: file, root: root, attributes: attributes)
        return (checks.code(from: path.path), reading.problems + checks.problems())
    }

    /// Code ids, section ids and clause ids are one namespace (`show` accepts any of them), so
    /// each may be defined once across all the codes in use.
    static func duplicateProblems(in codes: [ProfessionalCode]) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var problems: [Diagnostic] = []
        func define(_ id: String, _ kind: String, at location: SourceLocation) {
            // An empty id is a placeholder for one already reported as undecodable.
            guard !id.isEmpty else { return }
            if let earlier = first[id] {
                problems.append(.error(
                    "\(kind) id '\(id)' is already defined at \(earlier); ids must be unique across all codes",
                    at: location))
            } else {
                first[id] = location
            }
        }
        for code in codes {
            define(code.id, "code", at: code.location)
            for section in code.sections {
                if let id = section.id { define(id, "section", at: section.location) }
                for clause in section.clauses {
                    define(clause.id, "clause", at: clause.location)
                }
            }
        }
        return problems
    }

    /// Every related clause must exist and belong to another code: links within one code would
    /// never show in a crosswalk, so they are almost always a typo for another code's clause.
    static func referenceProblems(in codes: [ProfessionalCode]) -> [Diagnostic] {
        let clauseIDs = codes.flatMap { $0.clauses.map(\.id) }
        let known = Set(clauseIDs)
        var problems: [Diagnostic] = []
        for clause in codes.flatMap(\.clauses) {
            for reference in clause.related {
                if !known.contains(reference.id) {
                    problems.append(.error(
                        "clause '\(clause.id)' names related clause '\(reference.id)', which no code defines",
                        at: reference.location,
                        suggestion: Suggestion.didYouMean(reference.id, among: clauseIDs)))
                } else if reference.id.prefix(while: { $0 != "." }) == clause.codeID {
                    problems.append(.error(
                        "clause '\(clause.id)' names '\(reference.id)' of its own code; related clauses belong to other codes",
                        at: reference.location))
                }
            }
        }
        return problems
    }
}
