import EthicsDiagnostics
import EthicsYAML

/// One attribute a clause serves, and the one-line reason it does.
///
/// The reason is what makes a mapping worth trusting: a reader who disagrees can see exactly
/// which judgement to argue with, rather than a bare tag.
struct AttributeMapping: Sendable {
    /// The attribute's id, as written (checked against the council's attributes on load).
    var attribute: String
    var rationale: String
    /// The key as written, kept so an unknown attribute is reported at it by
    /// `AttributeCatalog.check`, with the same wording every plugin uses.
    var keyNode: YAMLNode

    var location: SourceLocation { keyNode.location }
}

/// A clause's `attributes:` mapping, `attribute-id: one-line reason`, in the order written.
///
/// A mapping rather than a list because each attribute appears at most once per clause, and the
/// parser already refuses a key written twice. Decoding keeps every entry, even one without a
/// reason, so that the content checks can report each problem at its own line.
struct AttributeMappings: Decodable, Sendable {
    var mappings: [AttributeMapping]

    init(from decoder: any Decoder) throws {
        // A placeholder (when an enclosing value was unusable) has no node: stand in with nothing.
        guard let node = try? YAMLNode(from: decoder) else {
            mappings = []
            return
        }
        guard node.kind == .mapping else {
            throw DiagnosticError.error(
                "expected a mapping of attribute ids to a one-line reason, found \(node.kind.userDescription)",
                at: node.location, suggestion: "write, for example, 'justice: it keeps decisions impartial'")
        }
        mappings = node.entries.map { key, value in
            AttributeMapping(attribute: key.text ?? "", rationale: value.isNull ? "" : value.text ?? "", keyNode: key)
        }
    }
}
