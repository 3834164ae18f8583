import EthicsCore
import EthicsHost
import EthicsTestSupport
import Foundation

/// Runs the host in-process against a throw-away toolkit folder holding a default configuration
/// for the fixture plugins and the real attributes pack.
struct HostHarness {
    let directory: TemporaryDirectory
    var home: String { directory.path + "/home" }
    var defaultConfig: String { home + "/Configs/toolkit.yaml" }

    init() throws {
        directory = try TemporaryDirectory(prefix: "ethics-host")
        let attributes = try String(
            contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("Configs/content/attributes.yaml"), encoding: .utf8)
        try directory.write(attributes, to: "home/Configs/content/attributes.yaml")
        try directory.write("""
            council: {id: default, name: Fixture default}
            attributes: [content/attributes.yaml]
            plugins:
              fixture:
                greeting: Hello
                files: [content/attributes.yaml]
            """, to: "home/Configs/toolkit.yaml")
    }

    /// Writes a file in the harness folder, returning its absolute path.
    @discardableResult
    func write(_ contents: String, to path: String) throws -> String {
        try directory.write(contents, to: path)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) async -> CommandResult {
        var env = ["ETHICS_HOME": home, "HOME": directory.path, "XDG_DATA_HOME": directory.path + "/data"]
        env.merge(environment) { _, new in new }
        let (out, stdout) = OutputSink.buffer()
        let (err, stderr) = OutputSink.buffer()
        let status = await EthicsMain.run(
            plugins: [FixturePlugin.self, QuietPlugin.self], arguments: arguments, environment: env,
            output: out, errors: err)
        return CommandResult(status: status, stdout: stdout(), stderr: stderr())
    }

    /// The files under the harness folder, to show that a failed run wrote nothing.
    func files() -> Set<String> {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        return Set((enumerator?.allObjects as? [String]) ?? [])
    }
}
