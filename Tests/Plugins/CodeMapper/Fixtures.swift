import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import EthicsYAML
import Foundation
import Testing
@testable import CodeMapper

/// The shipped content, read from the repository exactly as the default configuration names it,
/// so that a test fails when the configuration and the content drift apart.
enum Fixtures {
    static let configs = CommandRunner.repositoryRoot.appendingPathComponent("Configs").path

    static let localCode = configs + "/councils/local/anytown-code.yaml"

    static func shippedAttributes() throws -> AttributeCatalog {
        try AttributeCatalog.load(files: [ContentPath(path: configs + "/content/attributes.yaml", written: "content/attributes.yaml", location: SourceLocation(file: configs + "/toolkit.yaml", line: 1, column: 1))])
    }

    /// The `plugins.code-mapper` section of `Configs/toolkit.yaml`, decoded as the host would.
    static func shippedSettings() throws -> CodeMapperPlugin.Settings {
        let document = try YAMLParser.parse(file: configs + "/toolkit.yaml")
        let node = try #require(document.root?["plugins"]?["code-mapper"])
        return try YAMLDecoder().decode(CodeMapperPlugin.Settings.self, from: node)
    }

    /// The shipped codes, followed by the files in `extra` (such as a council's own code).
    static func library(adding extra: [String] = []) throws -> CodeLibrary {
        let paths = try shippedSettings().codes + extra.map(contentPath)
        return try CodeLibraryLoader(attributes: shippedAttributes()).load(paths)
    }

    /// The plugin as the host would create it for the default configuration plus `extra`.
    static func plugin(adding extra: [String] = []) throws -> (plugin: CodeMapperPlugin, context: TestContext) {
        let context = TestContext.make(attributes: try shippedAttributes().attributes)
        let settings = CodeMapperPlugin.Settings(codes: try shippedSettings().codes + extra.map(contentPath))
        return (try CodeMapperPlugin(settings: settings, context: context.plugin), context)
    }

    /// A path as if a configuration file had named it at its first line.
    static func contentPath(_ path: String) -> ContentPath {
        ContentPath(path: path, written: path, location: EthicsDiagnostics.SourceLocation(file: "council.yaml", line: 1, column: 1))
    }

    /// Where `needle` first appears in `text` (after `occurrence - 1` earlier appearances), as
    /// the 1-based line and column a diagnostic would give.
    static func position(of needle: String, in text: String, occurrence: Int = 1) throws -> (line: Int, column: Int) {
        var found = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var searchStart = line.startIndex
            while let range = line[searchStart...].range(of: needle) {
                found += 1
                if found == occurrence {
                    return (number + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
                searchStart = range.upperBound
            }
        }
        throw FixtureError.notFound(needle)
    }

    enum FixtureError: Error { case notFound(String) }
}
