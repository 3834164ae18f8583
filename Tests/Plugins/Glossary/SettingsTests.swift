import EthicsCore
import EthicsDiagnostics
import EthicsTestSupport
import EthicsYAML
@testable import Glossary
import Testing

@Suite struct SettingsTests {
    private func decode(_ yaml: String, in directory: TemporaryDirectory) throws(DiagnosticError) -> GlossarySettings {
        let config = directory.path + "/ethics.yaml"
        let decoder = YAMLDecoder(userInfo: [ContentPath.treeKey: ContentPath.Tree(roots: [config: directory.path])])
        return try decoder.decode(GlossarySettings.self, from: yaml, file: config)
    }

    @Test func resolvesFilesAgainstTheConfigurationAndLinksByDefault() throws {
        let directory = try TemporaryDirectory(prefix: "glossary-settings")
        let settings = try decode("files: [glossary/local.yaml]", in: directory)
        #expect(settings.files.map(\.path) == [directory.path + "/glossary/local.yaml"])
        #expect(settings.linkTerms)
        #expect(try decode("files: []\nlink-terms: false", in: directory).linkTerms == false)
    }

    @Test func refusesAFileListedTwiceAndUnknownKeys() throws {
        let directory = try TemporaryDirectory(prefix: "glossary-settings")
        #expect {
            _ = try decode("files: [a.yaml, ./a.yaml]", in: directory)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.message == "'./a.yaml' is listed twice; it is already loaded from \(directory.path)/ethics.yaml:1:9"
        }
        #expect {
            _ = try decode("files: []\nlink-term: true", in: directory)
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.suggestion == "did you mean 'link-terms'?"
        }
    }
}
