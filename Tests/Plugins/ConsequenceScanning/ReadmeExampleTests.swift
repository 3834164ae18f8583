import EthicsTestSupport
import Foundation
import Testing

/// The README's "Writing a plugin" shows consequence-scanning's code. Each Swift block there must
/// be found, line for line, in the plugin's sources, which the build compiles: so the worked
/// example compiles as shown, and a change to the plugin that the README misses fails here.
@Suite struct ReadmeExampleTests {
    @Test func everySwiftBlockOfTheWorkedExampleIsInThePlugin() throws {
        let root = CommandRunner.repositoryRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Writing a plugin")).upperBound
        let rest = readme[section...]
        let body = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        let blocks = body.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 4, "the worked example has lost its code")

        let folder = root.appendingPathComponent("Plugins/ConsequenceScanning")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        let sources = try files.map { try Self.lines(String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) }
        for block in blocks {
            let wanted = Self.lines(block)
            let found = sources.contains { source in
                source.indices.contains { start in
                    start + wanted.count <= source.count && Array(source[start..<start + wanted.count]) == wanted
                }
            }
            #expect(found, "not in Plugins/ConsequenceScanning:\n\(block)")
        }
    }

    /// Lines without their indentation, blank lines left out: the README may indent less.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
