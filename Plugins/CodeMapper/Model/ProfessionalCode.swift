import EthicsCore
import EthicsDiagnostics

/// A professional code of ethics or conduct, loaded and checked: the Nolan principles, the BCS
/// code, a council's own code.
struct ProfessionalCode: Sendable, Identifiable {
    /// What users type: `bcs`, `nolan`, `anytown`. Lowercase letters, digits and hyphens.
    var id: String
    var title: String
    var summary: String
    /// The roles the code binds (`data-scientist`, `senior-manager`), for `for ROLE`.
    var audience: [String]
    var provenance: Provenance
    var sections: [CodeSection]
    /// The file the code was read from.
    var file: String
    /// Where the code's id is written, for messages about the code as a whole.
    var location: SourceLocation

    /// Every clause, in the order the file gives them.
    var clauses: [Clause] {
        sections.flatMap(\.clauses)
    }

    /// How the code is named in a sentence: `BCS Code of Conduct (bcs)`.
    var label: String {
        "\(title) (\(id))"
    }

    func section(containing clause: Clause) -> CodeSection? {
        sections.first { section in section.clauses.contains { $0.id == clause.id } }
    }
}
