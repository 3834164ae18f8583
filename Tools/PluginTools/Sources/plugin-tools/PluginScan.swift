import EthicsDiagnostics
import EthicsYAML
import Foundation

/// One plugin folder found under Plugins/.
struct ScannedPlugin {
    var folder: String
    var manifest: PluginManifest
    /// The manifest's path and parsed text, for positions in messages.
    var path: String = ""
    var document: YAMLDocument?
}

/// Reads every `Plugins/*/plugin.yaml`, reporting all problems across all manifests at once.
struct PluginScan {
    let root: String

    func plugins() throws(DiagnosticError) -> [ScannedPlugin] {
        let pluginsDirectory = root + "/Plugins"
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: pluginsDirectory)) ?? [])
            .filter { !$0.hasPrefix(".") && isDirectory(pluginsDirectory + "/" + $0) }
            .sorted()
        var problems = DiagnosticCollector()
        var found: [ScannedPlugin] = []
        for folder in folders {
            let path = "\(pluginsDirectory)/\(folder)/plugin.yaml"
            guard FileManager.default.fileExists(atPath: path) else {
                problems.append(.error("Plugins/\(folder) has no plugin.yaml; every plugin folder needs one (Tools/new-plugin writes it)", file: pluginsDirectory + "/" + folder))
                continue
            }
            guard let document = problems.collecting({ () throws(DiagnosticError) in try YAMLParser.parse(file: path) }),
                  let manifest = problems.collecting({ () throws(DiagnosticError) in try YAMLDecoder().decode(PluginManifest.self, from: document) })
            else { continue }
            problems.append(contentsOf: manifest.problems(in: document))
            if !PluginNaming.isSwiftIdentifier(folder) {
                problems.append(.error("the folder name 'Plugins/\(folder)' must be a Swift module name (letters and digits), e.g. \(PluginNaming.folder(for: manifest.id))", file: path))
            }
            if let twin = found.first(where: { $0.manifest.id == manifest.id }) {
                problems.append(.error("plugin id '\(manifest.id)' is already used by Plugins/\(twin.folder)", at: document.root?["id"]?.location))
            }
            if !isDirectory("\(root)/Tests/Plugins/\(folder)") {
                problems.append(.error("Plugins/\(folder) has no tests: create Tests/Plugins/\(folder)/ (Tools/new-plugin writes a first test)", file: path))
            }
            for (index, record) in manifest.records.enumerated() {
                let location = document.root?["records"]?.elements[index].location
                for other in found {
                    if other.manifest.records.contains(where: { $0.kind == record.kind }) {
                        problems.append(.error("record kind '\(record.kind)' is already kept by Plugins/\(other.folder)", at: location))
                    }
                    if other.manifest.records.contains(where: { $0.prefix == record.prefix }) {
                        problems.append(.error("record prefix '\(record.prefix)' is already used by Plugins/\(other.folder)", at: location))
                    }
                }
            }
            found.append(ScannedPlugin(folder: folder, manifest: manifest, path: path, document: document))
        }
        try problems.throwIfErrors()
        problems.append(contentsOf: EventTopics(root: root).problems(in: found))
        try problems.throwIfErrors()
        return found
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
