public import EthicsCore
import EthicsDiagnostics

/// The plugin's section of the configuration:
///
/// ```yaml
/// plugins:
///   glossary:
///     files:                      # loaded in order
///       - content/glossary/digital-ethics.yaml
///     link-terms: true            # link terms in every HTML and Markdown document (default)
/// ```
///
/// A council that extends the default adds its own file with `files+: [glossary/local.yaml]`;
/// an entry there replaces a shipped one only if it says `overrides: true`.
public struct GlossarySettings: Decodable, Sendable {
    /// Glossary content files, in load order.
    public var files: [ContentPath]
    /// Whether to link glossary terms in every HTML and Markdown document the toolkit renders.
    public var linkTerms: Bool

    public init(files: [ContentPath], linkTerms: Bool = true) {
        self.files = files
        self.linkTerms = linkTerms
    }

    private enum CodingKeys: String, CodingKey {
        case files
        case linkTerms = "link-terms"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        files = try ContentPath.list(in: container, forKey: .files, keyPath: "plugins.glossary.files")
        linkTerms = try container.decodeIfPresent(Bool.self, forKey: .linkTerms) ?? true
    }
}
