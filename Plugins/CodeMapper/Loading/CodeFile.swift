import EthicsCore

/// A code file exactly as written, before its content is checked.
///
/// Kept apart from `ProfessionalCode` so that the checks, not the decoder, report what a
/// council officer most often gets wrong (no provenance, no audience, clauses both grouped and
/// ungrouped) with a message that says what to write, at the right line.
struct CodeFile: Decodable, Sendable {
    var id: String
    var title: String
    var summary: String
    var audience: [String]?
    var provenance: Provenance?
    /// Clauses grouped under headings; a code gives either these or `clauses`.
    var sections: [CodeSection]?
    /// Clauses listed without grouping, for short codes such as the Nolan principles.
    var clauses: [Clause]?
}
