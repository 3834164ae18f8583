import EthicsTestSupport
import Foundation
import Testing

/// A council developer's first hour: scaffold a plugin, build, see it listed, enable it, run it.
/// Works on a copy of the package, so it needs a full build (a few minutes on two cores); set
/// ETHICS_SKIP_SCAFFOLD_TEST=1 to leave it out of a quick local run. CI always runs it.
@Suite(.serialized) struct ScaffoldEndToEndTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ETHICS_SKIP_SCAFFOLD_TEST"] == nil))
    func aScaffoldedPluginBuildsIsListedAndAnswersHelp() throws {
        let copy = try TemporaryDirectory(prefix: "ethics-scaffold")
        try copyPackage(to: copy.url)

        let scaffold = try CommandRunner.run(URL(fileURLWithPath: copy.path + "/Tools/new-plugin"), ["demo-check"], in: copy.url)
        #expect(scaffold.status == 0, "\(scaffold)")
        #expect(scaffold.stdout.contains("    demo-check: {}"), "it prints the line that enables the plugin")
        for file in ["Plugins/DemoCheck/plugin.yaml", "Plugins/DemoCheck/DemoCheckPlugin.swift",
                     "Plugins/DemoCheck/Descriptor.generated.swift", "Tests/Plugins/DemoCheck/DemoCheckPluginTests.swift"] {
            #expect(FileManager.default.fileExists(atPath: copy.path + "/" + file), "\(file) missing")
        }
        let check = try CommandRunner.run(URL(fileURLWithPath: copy.path + "/Tools/register-plugins"), ["--check"], in: copy.url)
        #expect(check.status == 0, "the scaffold leaves the registry up to date: \(check)")

        // An event the plugin declares but its manifest does not list is caught before anything runs.
        let event = try copy.write(
            "import EthicsCore\npublic struct DemoChecked: Event { public static let topic = \"demo.checked\" }\n",
            to: "Plugins/DemoCheck/DemoChecked.swift")
        let undeclared = try CommandRunner.run(URL(fileURLWithPath: copy.path + "/Tools/register-plugins"), ["--check"], in: copy.url)
        #expect(undeclared.status != 0, "\(undeclared)")
        #expect(undeclared.stderr.contains("declares the event 'demo.checked' but its plugin.yaml does not list it under 'publishes'"), "\(undeclared)")
        try FileManager.default.removeItem(atPath: event)

        let build = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["swift", "build", "--product", "ethics"], in: copy.url)
        try #require(build.status == 0, "\(build)")
        let ethics = URL(fileURLWithPath: copy.path + "/.build/debug/ethics")

        let listed = try CommandRunner.run(ethics, ["plugins", "--format", "csv"], in: copy.url)
        #expect(listed.stdout.contains("demo-check,0.1.0,no,"), "\(listed)")

        let config = try copy.write("extends: default\nplugins:\n  demo-check: {}\n", to: "Configs/councils/demo.yaml")
        let help = try CommandRunner.run(ethics, ["--config", config, "demo-check", "--help"], in: copy.url)
        #expect(help.status == 0, "\(help)")
        #expect(help.stdout.contains("Demo check: a plugin of this council's toolkit."))
        let status = try CommandRunner.run(ethics, ["--config", config, "demo-check", "status", "--format", "markdown"], in: copy.url)
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("Attributes of ethical practice"))
        let rootHelp = try CommandRunner.run(ethics, ["--config", config, "--help"], in: copy.url)
        #expect(rootHelp.stdout.contains("demo-check"))
    }

    /// The files a fresh clone would have: tracked, plus new files not ignored (so the test also
    /// works before a change is committed).
    private func copyPackage(to destination: URL) throws {
        let root = CommandRunner.repositoryRoot
        let listing = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], in: root)
        try #require(listing.status == 0, "\(listing)")
        for path in listing.stdout.split(separator: "\0").map(String.init) {
            let source = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            let target = destination.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        }
    }
}
