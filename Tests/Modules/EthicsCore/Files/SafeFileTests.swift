import EthicsCore
import EthicsTestSupport
import Foundation
import Testing

@Suite struct SafeFileTests {
    @Test func writesANewFileReadableByItsOwnerOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/record.json"
        try SafeFile.write("{\"title\": \"Housing repairs\"}\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"title\": \"Housing repairs\"}\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func replacesAnExistingFileWholeAndKeepsItsPermissions() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("old contents that are longer than the new ones\n", to: "page.html")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try SafeFile.write("new\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["page.html"], "no temporary file is left behind")
    }

    @Test func aFolderThatDoesNotExistIsAClearErrorAndLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(throws: SafeFile.WriteError.self) {
            try SafeFile.write("x", to: directory.path + "/missing/out.md")
        }
        #expect(error.description.hasPrefix("cannot write \(directory.path)/missing/out.md: "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
