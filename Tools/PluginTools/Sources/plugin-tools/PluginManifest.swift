import EthicsDiagnostics
import EthicsYAML

/// A plugin's `plugin.yaml`: the one place its id, name, summary, version and events are written.
struct PluginManifest: Decodable {
    var id: String
    var name: String
    var summary: String
    var version: String
    /// The Swift type in the folder that conforms to `EthicsPlugin`.
    var type: String
    var publishes: [String]
    var listens: [String]
    /// Products of the toolkit's own package dependencies the plugin needs beyond the
    /// defaults, written `package/Product` (e.g. `swift-crypto/Crypto`).
    var dependencies: [String]
    /// The kinds of record the plugin keeps in the register.
    var records: [RecordKindEntry]

    /// One kind of record: `{kind: scan, prefix: csc, title: Consequence scan}`.
    struct RecordKindEntry: Decodable, Equatable {
        var kind: String
        var prefix: String
        var title: String
    }

    enum CodingKeys: String, CodingKey { case id, name, summary, version, type, publishes, listens, dependencies, records }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        summary = try container.decode(String.self, forKey: .summary)
        version = try container.decode(String.self, forKey: .version)
        type = try container.decode(String.self, forKey: .type)
        publishes = try container.decodeIfPresent([String].self, forKey: .publishes) ?? []
        listens = try container.decodeIfPresent([String].self, forKey: .listens) ?? []
        dependencies = try container.decodeIfPresent([String].self, forKey: .dependencies) ?? []
        records = try container.decodeIfPresent([RecordKindEntry].self, forKey: .records) ?? []
    }

    init(id: String, name: String, summary: String, version: String, type: String) {
        self.id = id
        self.name = name
        self.summary = summary
        self.version = version
        self.type = type
        publishes = []
        listens = []
        dependencies = []
        records = []
    }

    /// Checks that go beyond the shape: an id users can type, a Swift type name, a version.
    func problems(in document: YAMLDocument) -> [Diagnostic] {
        let root = document.root
        func at(_ key: String) -> SourceLocation? { root?[key]?.location }
        var problems: [Diagnostic] = []
        if !PluginNaming.isValidID(id) {
            problems.append(.error("plugin id '\(id)' must be lowercase letters, digits and single hyphens, starting with a letter", at: at("id")))
        }
        if !PluginNaming.isSwiftIdentifier(type) {
            problems.append(.error("'\(type)' is not a Swift type name", at: at("type")))
        }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count != 3 || !parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            problems.append(.error("version '\(version)' must be MAJOR.MINOR.PATCH, e.g. 0.1.0", at: at("version")))
        }
        for (index, dependency) in dependencies.enumerated() {
            let parts = dependency.split(separator: "/")
            if parts.count != 2 {
                problems.append(.error("dependency '\(dependency)' must be written package/Product", at: root?["dependencies"]?.elements[index].location))
            }
        }
        for (index, record) in records.enumerated() {
            let location = root?["records"]?.elements[index].location
            if !PluginNaming.isValidID(record.kind) {
                problems.append(.error("record kind '\(record.kind)' must be lowercase letters, digits and single hyphens", at: location))
            }
            if record.prefix.count < 2 || record.prefix.count > 4 || !record.prefix.allSatisfy({ $0.isASCII && $0.isLowercase }) {
                problems.append(.error("record prefix '\(record.prefix)' must be 2 to 4 lowercase letters (it starts every id: \(record.prefix)-2026-0001)", at: location))
            }
        }
        if summary.contains("\n") {
            problems.append(.error("the summary must be one line: it is shown in 'ethics --help'", at: at("summary")))
        }
        return problems
    }
}

/// How ids, folders and modules relate: `code-mapper` lives in Plugins/CodeMapper, module CodeMapper.
enum PluginNaming {
    static func folder(for id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Why `id` cannot name a new plugin, if it cannot: it must not shadow one of the host's
    /// own commands, and its module must not shadow a module the package already builds.
    static func clash(id: String, folder: String) -> String? {
        if ["config", "plugins", "help"].contains(id) {
            return "it is one of the host's own commands ('ethics \(id)')"
        }
        let modules = ["EthicsCore", "EthicsYAML", "EthicsDiagnostics", "EthicsRender", "EthicsHost", "EthicsTestSupport",
                       "CYAML", "ArgumentParser", "Logging", "Testing", "XCTest", "Foundation", "Dispatch", "Synchronization",
                       "Glibc", "Swift"]
        if modules.contains(folder) || folder.hasSuffix("Tests") {
            return "its module name '\(folder)' is already taken"
        }
        return nil
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func isSwiftIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
