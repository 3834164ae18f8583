import EthicsCore
import EthicsDiagnostics
import EthicsYAML

/// The checks one code file must pass on its own, beyond what decoding enforces: well-formed
/// ids that start with the code's id, provenance, an audience, and attributes the council knows,
/// each with a reason.
///
/// Checks that need every file (ids unique across codes, related clauses that exist) are made by
/// `CodeLibraryLoader` once all files are read.
struct CodeFileChecks {
    let file: CodeFile
    let root: YAMLNode
    let attributes: AttributeCatalog

    /// Every problem in the file; none means `code` can be built.
    func problems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if !Self.isValidCodeID(file.id) {
            problems.append(.error(
                "code id '\(file.id)' must be lowercase letters, digits and hyphens, such as 'bcs' or 'anytown'",
                at: root["id"]?.location ?? root.location, keyPath: "id"))
        }
        if file.provenance == nil {
            problems.append(.error(
                "the code has no provenance; every code file says where its content came from",
                at: root.location,
                suggestion: "add 'provenance:' with source, publisher, url, licence and retrieved (YYYY-MM-DD)"))
        }
        problems += audienceProblems()
        problems += layoutProblems()
        for section in sections {
            if let id = section.id, !id.hasPrefix(file.id + ".") {
                problems.append(.error(
                    "section id '\(id)' must start with the code's id, as in '\(file.id).\(id)'",
                    at: section.location))
            }
            for clause in section.clauses {
                problems += clauseProblems(clause)
            }
        }
        return problems
    }

    /// The code the file describes, assuming `problems()` found none.
    func code(from path: String) -> ProfessionalCode? {
        guard let provenance = file.provenance else { return nil }
        return ProfessionalCode(
            id: file.id, title: file.title, summary: file.summary, audience: file.audience ?? [], provenance: provenance,
            sections: sections, file: path, location: root["id"]?.location ?? root.location)
    }

    /// The file's sections, with ungrouped clauses as one section without a heading.
    var sections: [CodeSection] {
        if let sections = file.sections { return sections }
        guard let clauses = file.clauses else { return [] }
        return [CodeSection(id: nil, title: nil, summary: nil, clauses: clauses, location: root.location)]
    }

    private func audienceProblems() -> [Diagnostic] {
        guard let audience = file.audience, !audience.isEmpty else {
            return [.error(
                "the code names no audience; list the roles it applies to under 'audience'",
                at: root["audience"]?.location ?? root.location,
                suggestion: "for example 'audience: [council-officer, senior-manager]'")]
        }
        let nodes = root["audience"]?.elements ?? []
        return zip(audience, nodes).compactMap { role, node in
            Self.isValidCodeID(role) ? nil : .error(
                "role '\(role)' must be lowercase letters, digits and hyphens, such as 'data-scientist'",
                at: node.location, keyPath: "audience")
        }
    }

    private func layoutProblems() -> [Diagnostic] {
        switch (file.sections, file.clauses) {
        case (.some, .some):
            return [.error(
                "the code gives both 'sections' and 'clauses'; group every clause under sections, or list them all under clauses",
                at: root.keyNode("clauses")?.location ?? root.location)]
        case (nil, nil):
            return [.error(
                "the code has no clauses; list them under 'clauses', or group them under 'sections'",
                at: root.location)]
        case (.some(let sections), nil):
            return sections.filter(\.clauses.isEmpty).map { section in
                .error("section '\(section.id ?? "")' has no clauses", at: section.location)
            } + (sections.isEmpty ? [.error("the code's 'sections' list is empty", at: root.location)] : [])
        case (nil, .some(let clauses)):
            return clauses.isEmpty ? [.error("the code's 'clauses' list is empty", at: root.location)] : []
        }
    }

    private func clauseProblems(_ clause: Clause) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let prefix = file.id + "."
        if !clause.id.hasPrefix(prefix) {
            problems.append(.error(
                "clause id '\(clause.id)' must start with the code's id, as in '\(prefix)\(clause.id)'",
                at: clause.location))
        } else if !Self.isValidLocalClauseID(clause.id.dropFirst(prefix.count)) {
            problems.append(.error(
                "clause id '\(clause.id)' must continue after '\(prefix)' with letters, digits, hyphens and dots",
                at: clause.location))
        }
        if clause.attributes.isEmpty {
            problems.append(.error(
                "clause '\(clause.id)' serves no attribute; map it to at least one, with a one-line reason",
                at: clause.location,
                suggestion: "add 'attributes:' with, for example, '\(attributes.ids.first ?? "justice"): why the clause serves it'"))
        }
        problems += attributes.check(clause.attributeIDs, nodes: clause.attributes.map(\.keyNode))
        for mapping in clause.attributes where mapping.rationale.allSatisfy(\.isWhitespace) {
            problems.append(.error(
                "clause '\(clause.id)' maps to '\(mapping.attribute)' without saying why; give a one-line reason",
                at: mapping.location))
        }
        return problems
    }

    /// Code ids and role ids: what users type on the command line.
    static func isValidCodeID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The part of a clause id after the code's id keeps the source's own numbering, capitals
    /// included (`T4` in `uksa.T4`).
    static func isValidLocalClauseID(_ id: Substring) -> Bool {
        !id.isEmpty && !id.hasPrefix(".") && !id.hasSuffix(".") && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
    }
}
