import ArgumentParser
import EthicsDiagnostics
import Foundation

/// `Tools/register-plugins [--check]`
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Regenerate the plugin registry from Plugins/*/plugin.yaml.",
        discussion: """
            Rewrites the generated block in Package.swift, Modules/EthicsCLI/PluginRegistry.generated.swift \
            and each plugin's Descriptor.generated.swift. With --check, writes nothing and exits 1 when any \
            of them is out of date (CI runs this).
            """)

    @OptionGroup var location: RepositoryOption

    @Flag(help: "Only check that the generated files are up to date; exit 1 if not.")
    var check = false

    func run() throws {
        let plugins = try reportingDiagnostics { () throws(DiagnosticError) in try PluginScan(root: location.root).plugins() }
        let files = try GeneratedFiles(root: location.root, plugins: plugins).expected()
        var stale: [String] = []
        for (path, contents) in files {
            let current = try? String(contentsOfFile: location.root + "/" + path, encoding: .utf8)
            if current != contents { stale.append(path) }
        }
        if check {
            guard stale.isEmpty else {
                for path in stale { FileHandle.standardError.write(Data("\(path): error: out of date with Plugins/*/plugin.yaml\n".utf8)) }
                FileHandle.standardError.write(Data("run Tools/register-plugins and commit the result\n".utf8))
                throw ExitCode(1)
            }
            print("plugin registry is up to date (\(plugins.count) plugin\(plugins.count == 1 ? "" : "s"): \(plugins.map(\.manifest.id).joined(separator: ", ")))")
            return
        }
        for (path, contents) in files where stale.contains(path) {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: location.root + "/" + path), options: .atomic)
            print("wrote \(path)")
        }
        print("registered \(plugins.count) plugin\(plugins.count == 1 ? "" : "s"): \(plugins.map(\.manifest.id).joined(separator: ", "))")
    }
}

/// `--root`, the repository; the wrapper scripts pass it.
struct RepositoryOption: ParsableArguments {
    @Option(help: "The repository's root folder.")
    var root: String = FileManager.default.currentDirectoryPath
}

/// Prints positioned diagnostics the toolkit's way and exits 2, like `ethics` does.
func reportingDiagnostics<T>(_ body: () throws(DiagnosticError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        for diagnostic in error.diagnostics {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        }
        throw ExitCode(2)
    }
}
