import ArgumentParser
import Foundation

/// `Tools/new-plugin <id>`: a working plugin, its test, and its registration.
struct NewPluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold a working plugin (manifest, source, test) under Plugins/ and register it.")

    @Argument(help: "The plugin id users will type: lowercase words joined by hyphens, e.g. consequence-scanning.")
    var id: String

    @Option(help: "The plugin's display name (default: from the id).")
    var name: String?

    @Option(help: "One line for 'ethics --help'.")
    var summary: String?

    @OptionGroup var location: RepositoryOption

    func run() throws {
        guard PluginNaming.isValidID(id) else {
            FileHandle.standardError.write(Data("error: '\(id)' is not a plugin id: use lowercase letters, digits and single hyphens, starting with a letter (e.g. consequence-scanning)\n".utf8))
            throw ExitCode(2)
        }
        let folder = PluginNaming.folder(for: id)
        let root = location.root
        if let clash = PluginNaming.clash(id: id, folder: folder) {
            FileHandle.standardError.write(Data("error: '\(id)' cannot be used: \(clash)\n".utf8))
            throw ExitCode(2)
        }
        for (option, value) in [("--name", name), ("--summary", summary)] where value?.contains(where: \.isNewline) == true {
            FileHandle.standardError.write(Data("error: \(option) must be one line: it is shown in 'ethics --help'\n".utf8))
            throw ExitCode(2)
        }
        for existing in ["Plugins/\(folder)", "Tests/Plugins/\(folder)"] where FileManager.default.fileExists(atPath: "\(root)/\(existing)") {
            FileHandle.standardError.write(Data("error: \(existing) already exists; choose another id or remove it\n".utf8))
            throw ExitCode(2)
        }
        let displayName = name ?? id.split(separator: "-").joined(separator: " ").capitalizedFirst
        let scaffold = PluginScaffold(
            id: id, folder: folder, type: folder + "Plugin", name: displayName,
            summary: summary ?? "\(displayName): a plugin of this council's toolkit.")
        let created = ["Plugins/\(folder)", "Tests/Plugins/\(folder)"].map { URL(fileURLWithPath: "\(root)/\($0)") }
        do {
            for (path, contents) in scaffold.files() {
                let url = URL(fileURLWithPath: "\(root)/\(path)")
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: url, options: .atomic)
                print("created \(path)")
            }
            try RegisterCommand.parse(["--root", root]).run()
        } catch {
            // Leave nothing half-made: a second try should not find a folder in the way.
            for folder in created { try? FileManager.default.removeItem(at: folder) }
            FileHandle.standardError.write(Data("error: the plugin was not created; nothing was left behind\n".utf8))
            throw error
        }
        print("""

            Plugin '\(id)' is ready. Build with `swift build`, then enable it with this line under
            `plugins:` in your configuration (Configs/toolkit.yaml or your council's file):

                \(id): {}

            and try it: ethics \(id) status
            """)
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
