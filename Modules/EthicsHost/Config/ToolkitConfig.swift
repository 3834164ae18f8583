import EthicsCore
import EthicsYAML

/// The shape of a toolkit configuration file, after `extends:` has been applied.
///
/// ```yaml
/// council: {id: anytown, name: Anytown Borough Council}
/// extends: default             # the toolkit's Configs/toolkit.yaml, or a relative path
/// attributes: [content/attributes.yaml]
/// workspace: ~/ethics-records  # optional; default $XDG_DATA_HOME/ethics/<council id>
/// log-level: warning
/// branding: {logo: local/logo.svg, accent: "#00703c"}  # optional
/// sign-off-roles: [Senior Responsible Owner, Data Protection Officer]  # optional
/// register: {engine: postgres, url: "postgres://ethics@db.example:5432/ethics"}  # optional; see RegisterSettings
/// committee-paper: {meeting: Cabinet, author: Head of Digital}       # optional
/// serve: {trusted-proxy: {address: 127.0.0.1, user-header: X-Remote-User}}  # optional; see ServeSettings
/// plugins:
///   glossary: {files+: [local/glossary.yaml]}
///   canvas-builder: false
/// ```
struct ToolkitConfig: Decodable {
    var council: Council
    var attributes: [ContentPath]
    var workspace: YAMLNode?
    var logLevel: LogLevel?
    var branding: BrandingSettings?
    /// The roles in which people sign records off (`records approve --role`).
    var signOffRoles: [Located<String>]?
    /// What a committee paper says when the command line does not (`--meeting`, `--paper-author`).
    var committeePaper: CommitteePaperSettings?
    /// Kept as nodes: each plugin decodes its own section once the host knows its type.
    var plugins: YAMLNode?
    /// Where the register is kept: SQLite in the workspace unless it names a PostgreSQL server.
    var register: RegisterSettings?
    /// How `ethics serve` meets people: the council's single-sign-on proxy, if it trusts one.
    var serve: ServeSettings?

    enum CodingKeys: String, CodingKey {
        case council, attributes, workspace, plugins, branding, register, serve
        case logLevel = "log-level"
        case signOffRoles = "sign-off-roles"
        case committeePaper = "committee-paper"
    }
}

/// The `committee-paper:` section: the council's usual meeting and author for its papers.
struct CommitteePaperSettings: Decodable {
    var meeting: String?
    var author: String?
}
