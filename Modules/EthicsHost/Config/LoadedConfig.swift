public import EthicsCore
public import EthicsDiagnostics
public import EthicsYAML

/// A configuration as a run uses it: the file chain it came from, the merged document, and
/// what was decoded from it.
public struct LoadedConfig: Sendable {
    /// The file the run was started with, as the user named it.
    public var file: String
    /// That file and each file it extends, nearest first (absolute paths).
    public var chain: [String]
    /// The effective configuration after `extends:` was applied; each node keeps its origin.
    public var merged: YAMLNode
    /// The folder each file's paths must stay within.
    public var tree: ContentPath.Tree
    public var council: Council
    public var attributeFiles: [ContentPath]
    public var workspace: String
    public var logLevel: LogLevel
    /// The council's name, logo and accent for HTML pages; the council's name alone by default.
    public var branding: Branding
    /// Every plugin the configuration names, in the order written.
    public var plugins: [PluginEntry]
    /// The roles in which records are signed off (`sign-off-roles:`).
    public var signOffRoles: [String] = LoadedConfig.defaultSignOffRoles
    /// Which engine keeps the register (`register:`, or `ETHICS_REGISTER_URL`).
    public var register: RegisterChoice = .sqlite
    /// The single-sign-on reverse proxy whose user header `ethics serve` trusts
    /// (`serve.trusted-proxy:`); nil: people sign in with passwords only.
    public var trustedProxy: TrustedProxy?
    /// The council's defaults for committee papers (`committee-paper:`), with its sign-off roles.
    public var committeePaper = CommitteePaper()
    /// Problems found while reading; a run refuses to start with any, `config check` lists them.
    public var problems: [Diagnostic]

    /// The roles a council signs in when its configuration names none: those the register issue
    /// and most councils' governance name.
    public static let defaultSignOffRoles = [
        "Senior Responsible Owner", "Data Protection Officer", "Monitoring Officer", "Chair of the ethics board",
    ]

    public var enabledPluginIDs: [String] { plugins.filter(\.enabled).map(\.id) }

    public func entry(for id: String) -> PluginEntry? {
        plugins.first { $0.id == id }
    }

    /// A decoder that resolves `ContentPath`s against this configuration's tree.
    public var decoder: YAMLDecoder {
        YAMLDecoder(userInfo: [ContentPath.treeKey: tree])
    }
}
