import EthicsCore
public import EthicsDiagnostics
import EthicsYAML
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a configuration file and the files it `extends:`, composes them, and decodes the result.
///
/// `extends:` names a parent: `default` for the toolkit's own `Configs/toolkit.yaml`, or a path
/// relative to the file that names it. Relative paths (for `extends:` and for content files)
/// must stay inside the configuration's tree: the folder holding the file the run started with,
/// or for the toolkit default, its `Configs/` folder. A missing parent, a path leaving the tree
/// and a cycle are errors at the `extends:` line.
public struct ConfigLoader: Sendable {
    public static let maxChainLength = 16
    /// The longest council id: it names the records folder, and a file name has a limit (255
    /// bytes on Linux) that an id near it would meet only at the first write, far from the line.
    public static let maxCouncilIDLength = 64

    public var environment: [String: String]
    public var toolkitHome: String?
    /// The plugins compiled into this binary, for checking ids and suggesting fixes.
    public var compiledPluginIDs: [String]

    public init(environment: [String: String], toolkitHome: String?, compiledPluginIDs: [String]) {
        self.environment = environment
        self.toolkitHome = toolkitHome
        self.compiledPluginIDs = compiledPluginIDs
    }

    private struct Link {
        var path: String
        var root: YAMLNode
        var treeRoot: String
    }

    /// Loads `path`. Throws when the files cannot be read or composed at all; problems in what
    /// they say are returned in `problems`, all of them.
    public func load(_ path: String) throws(DiagnosticError) -> LoadedConfig {
        let chain = try readChain(from: path)
        var merged: YAMLNode?
        for link in chain.reversed() {
            merged = try YAMLOverlay.overlay(link.root, on: merged, dropping: ["extends"], switchKey: "enabled", switchesUnder: "plugins")
        }
        let tree = ContentPath.Tree(roots: Dictionary(chain.map { ($0.path, $0.treeRoot) }, uniquingKeysWith: { first, _ in first }))
        var problems = DiagnosticCollector()
        let root = merged!
        let decoder = YAMLDecoder(userInfo: [ContentPath.treeKey: tree])
        let config = decoder.decode(ToolkitConfig.self, from: root, collectingInto: &problems)

        let council = config?.council ?? Council(id: "", name: "")
        if let node = root["council"]?["id"], !council.id.isEmpty, !Identifier.isValid(council.id) {
            problems.append(.error("the council id '\(council.id)' must be lowercase letters, digits and hyphens (it names the records folder)",
                                   at: node.location, keyPath: "council.id"))
        } else if let node = root["council"]?["id"], council.id.utf8.count > Self.maxCouncilIDLength {
            problems.append(.error(
                "the council id is \(council.id.utf8.count) characters long; keep it to \(Self.maxCouncilIDLength) at most (it names the records folder)",
                at: node.location, keyPath: "council.id", suggestion: "use a short form of the council's name, such as 'anytown'"))
        }
        if chain.count > 1, let written = chain[0].root["plugins"], written.isNull {
            // An empty `plugins:` replaces the parent's plugins with none. It is almost always
            // plugin lines that lost their indentation, so say what the indentation did.
            problems.append(.error(
                "'plugins' has nothing under it, so it switches off every plugin that \(displayName(chain[1].path)) enables",
                at: written.location, keyPath: "plugins",
                suggestion: "indent the plugin lines under 'plugins:' by two spaces, or remove the line to keep the parent's plugins"))
        }
        let plugins = readPlugins(config?.plugins, written: chain[0].root["plugins"], problems: &problems)
        if let zone = council.timeZone, TimeZone(identifier: zone) == nil, let node = root["council"]?["time-zone"] {
            problems.append(.error("'\(zone)' is not a time zone; write an IANA name such as Europe/London",
                                   at: node.location, keyPath: "council.time-zone"))
        }
        let workspace = resolveWorkspace(config?.workspace, councilID: council.id, problems: &problems)
        let branding = BrandingSettings.resolve(
            config?.branding, node: root["branding"], council: council, problems: &problems)
        let register = RegisterSettings.resolve(
            config?.register, node: root["register"], environment: environment, problems: &problems)
        let trustedProxy = ServeSettings.resolve(config?.serve, node: root["serve"], problems: &problems)
        let roles = config?.signOffRoles?.map(\.value) ?? LoadedConfig.defaultSignOffRoles
        if let written = config?.signOffRoles {
            checkSignOffRoles(written, node: root["sign-off-roles"], problems: &problems)
        }
        var loaded = LoadedConfig(
            file: path, chain: chain.map(\.path), merged: root, tree: tree, council: council,
            attributeFiles: config?.attributes ?? [], workspace: workspace,
            logLevel: config?.logLevel ?? .warning, branding: branding, plugins: plugins,
            signOffRoles: roles, register: register,
            problems: problems.diagnostics)
        loaded.trustedProxy = trustedProxy
        loaded.committeePaper = CommitteePaper(
            meeting: config?.committeePaper?.meeting, author: config?.committeePaper?.author, roles: roles)
        return loaded
    }

    /// The council's sign-off roles: at least one, each once. A sign-off names its role in any
    /// case, so roles that differ only in case (`DPO`, `dpo`) would be one role kept twice over,
    /// and a committee paper would show the second as awaited; with none, nothing could be
    /// signed off at all.
    private func checkSignOffRoles(_ roles: [Located<String>], node: YAMLNode?, problems: inout DiagnosticCollector) {
        if roles.isEmpty {
            problems.append(.error(
                "'sign-off-roles' lists no role, so nothing could be signed off", at: node?.location, keyPath: "sign-off-roles",
                suggestion: "list the roles that sign records off, or remove the key for the default ones"))
        }
        for (index, role) in roles.enumerated() {
            let name = role.value.trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                problems.append(.error("a sign-off role needs a name", at: role.location, keyPath: "sign-off-roles"))
            } else if let earlier = roles[..<index].first(where: { $0.value.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(name) == .orderedSame }) {
                problems.append(.error(
                    "the sign-off role '\(role.value)' is listed twice; it is already listed as '\(earlier.value)' at \(earlier.location)",
                    at: role.location, keyPath: "sign-off-roles", suggestion: "a sign-off names its role in any case; list each role once"))
            }
        }
    }

    // MARK: - extends

    private func readChain(from path: String) throws(DiagnosticError) -> [Link] {
        let absolute = ContentPath.resolve(path, relativeTo: ContentPath.currentDirectory())
        var chain = [Link(path: absolute, root: try readRoot(absolute, displayName: path, namedAt: nil),
                          treeRoot: ContentPath.directory(of: absolute))]
        while let extends = chain.last!.root["extends"] {
            let current = chain.last!
            guard let name = extends.text, extends.kind == .scalar, !extends.isNull, !name.isEmpty else {
                throw .error("'extends' must name one file: 'default' or a path", at: extends.location, keyPath: "extends")
            }
            let parent: String
            var treeRoot = current.treeRoot
            if name == "default" {
                guard let home = toolkitHome else {
                    throw .error("'extends: default' needs the toolkit's folder; set ETHICS_HOME", at: extends.location, keyPath: "extends")
                }
                parent = home + "/" + ToolkitHome.defaultConfigRelativePath
                treeRoot = ContentPath.directory(of: parent)
            } else {
                parent = ContentPath.resolve(name, relativeTo: ContentPath.directory(of: current.path))
                if access(parent, F_OK) != 0, let guess = Suggestion.didYouMean(name, among: ["default"]) {
                    throw .error("cannot use '\(name)' as the parent configuration: there is no file \(parent)",
                                 at: extends.location, keyPath: "extends",
                                 suggestion: "\(guess) (the toolkit's own configuration)")
                }
                guard ContentPath.isWithin(parent, root: current.treeRoot),
                      ContentPath.isPhysicallyWithin(parent, root: current.treeRoot) else {
                    throw .error("'extends: \(name)' leads outside the configuration's folder \(current.treeRoot)",
                                 at: extends.location, keyPath: "extends")
                }
            }
            if let loop = chain.firstIndex(where: { $0.path == parent }) {
                let cycle = (chain[loop...].map(\.path) + [parent]).map(displayName).joined(separator: " -> ")
                throw .error("'extends' makes a cycle: \(cycle)", at: extends.location, keyPath: "extends")
            }
            if chain.count >= Self.maxChainLength {
                throw .error("'extends' goes more than \(Self.maxChainLength) files deep", at: extends.location, keyPath: "extends")
            }
            chain.append(Link(path: parent, root: try readRoot(parent, displayName: name, namedAt: extends), treeRoot: treeRoot))
        }
        return chain
    }

    /// The root mapping of a configuration file. When the file was named by an `extends:`, a
    /// file that cannot be read is reported at that line, where the fix belongs.
    private func readRoot(_ path: String, displayName: String, namedAt reference: YAMLNode?) throws(DiagnosticError) -> YAMLNode {
        let document: YAMLDocument
        do {
            document = try YAMLParser.parse(file: path, source: .regularFile)
        } catch {
            if let reference, let first = error.diagnostics.first, first.location == nil {
                throw .error("cannot use '\(displayName)' as the parent configuration: \(first.message)",
                             at: reference.location, keyPath: "extends")
            }
            throw error
        }
        guard let root = document.root, !root.isNull else {
            throw .error("the configuration file is empty; it needs at least 'council:' and 'plugins:' (see Configs/toolkit.yaml)", file: path)
        }
        guard root.kind == .mapping else {
            throw .error("a configuration must be a mapping of keys to values, not \(root.kind.userDescription)", at: root.location)
        }
        return root
    }

    private func displayName(_ path: String) -> String {
        if let home = toolkitHome, path.hasPrefix(home + "/") { return String(path.dropFirst(home.count + 1)) }
        return path
    }

    // MARK: - plugins and workspace

    /// `written` is `plugins:` as the configuration file itself has it, before `extends:`.
    private func readPlugins(_ node: YAMLNode?, written: YAMLNode?, problems: inout DiagnosticCollector) -> [PluginEntry] {
        guard let node, !node.isNull else { return [] }
        guard node.kind == .mapping else {
            problems.append(.error("'plugins' must map plugin ids to their settings", at: node.location, keyPath: "plugins"))
            return []
        }
        var entries: [PluginEntry] = []
        for (key, value) in node.entries {
            let id = key.text ?? ""
            guard compiledPluginIDs.contains(id) else {
                if let written, let (plugin, settings) = pluginAbove(key, in: written), Suggestion.didYouMean(id, among: compiledPluginIDs) == nil {
                    // The name as the file has it ('files+', not the merged 'files').
                    let name = written.entries.first { $0.key.location == key.location }?.key.text ?? id
                    let pluginName = plugin.text ?? ""
                    let (asWritten, fix) = settings.map {
                        ("it is not one of the settings of '\(pluginName)' on line \(plugin.location.line)", "indent it to column \($0.column), as line \($0.line) is")
                    } ?? ("'\(pluginName)' on line \(plugin.location.line) has no settings", "indent it two spaces more than line \(plugin.location.line)")
                    problems.append(.error(
                        "'\(name)' is indented as a plugin under 'plugins:', but no plugin has that name; as written, \(asWritten)",
                        at: key.location, keyPath: "plugins.\(id)", suggestion: "if '\(name)' is a setting of '\(pluginName)', \(fix)"))
                    continue
                }
                let known = compiledPluginIDs.isEmpty ? "no plugins are compiled in" : "compiled-in plugins: \(compiledPluginIDs.joined(separator: ", "))"
                problems.append(.error("unknown plugin '\(id)'", at: key.location, keyPath: "plugins.\(id)",
                                       suggestion: Suggestion.didYouMean(id, among: compiledPluginIDs) ?? known))
                continue
            }
            if let entry = problems.collecting({ () throws(DiagnosticError) in try PluginEntry.read(key: key, value: value) }) {
                entries.append(entry)
            }
        }
        return entries
    }

    /// The plugin written just above `key`, in the same column: the shape of a setting that lost
    /// its indentation and became a sibling of its plugin. With it, where its last setting is
    /// (nil when, as written, it has none).
    private func pluginAbove(_ key: YAMLNode, in plugins: YAMLNode) -> (plugin: YAMLNode, settings: SourceLocation?)? {
        guard plugins.kind == .mapping else { return nil }
        let place = key.location
        let above = plugins.entries
            .filter { $0.key.location.file == place.file && $0.key.location.line < place.line }
            .max { $0.key.location.line < $1.key.location.line }
        guard let above, above.key.location.column == place.column,
              let name = above.key.text, compiledPluginIDs.contains(name) else { return nil }
        if above.value.isNull { return (above.key, nil) }
        guard above.value.kind == .mapping, let last = above.value.entries.last else { return nil }
        return (above.key, last.key.location)
    }

    private func resolveWorkspace(_ node: YAMLNode?, councilID: String, problems: inout DiagnosticCollector) -> String {
        if let node, !node.isNull {
            guard let text = node.text, node.kind == .scalar, !text.isEmpty else {
                problems.append(.error("'workspace' must be a folder path", at: node.location, keyPath: "workspace"))
                return ""
            }
            if text == "~" || text.hasPrefix("~/"), let home = environment["HOME"] {
                return ContentPath.resolve(home + text.dropFirst(), relativeTo: "/")
            }
            return ContentPath.resolve(text, relativeTo: ContentPath.directory(of: node.location.file))
        }
        // The XDG base directory specification says a relative XDG_DATA_HOME is to be ignored.
        // With neither it nor HOME there is no private place for records: the workspace is left
        // empty, and the register refuses to be created until one is named (never /tmp).
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 + "/.local/share" : nil }
        guard let dataHome else { return "" }
        return dataHome + "/ethics/" + (councilID.isEmpty ? "default" : councilID)
    }
}
