import EthicsCore
import EthicsTestSupport
import Foundation
import Testing

@Suite struct SafeFileTests {
    /// One rule for every file named after a title: a canvas's and a transparency record's alike.
    @Test func aFileNamedAfterATitleIsItsSlugOfAtMostEightyCharactersWithoutEdgeMarks() {
        #expect(SafeFile.stem(for: "Predictive model for housing repairs", otherwise: "record") == "predictive-model-for-housing-repairs")
        #expect(SafeFile.stem(for: "Zoë's café", otherwise: "record") == "zoes-cafe")
        #expect(SafeFile.stem(for: "???", otherwise: "record") == "record", "anchorSlug's '_' for nothing is no name")
        #expect(SafeFile.stem(for: "-Repairs-", otherwise: "canvas") == "repairs", "a name starting '-' reads as an option")
        let long = SafeFile.stem(for: String(repeating: "housing repairs ", count: 20), otherwise: "canvas")
        #expect(long.count <= 80 && long.hasPrefix("housing-repairs-housing") && !long.hasSuffix("-"), "\(long)")
    }

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

    @Test func aSymbolicLinkToADeviceIsWrittenThroughAndNeverReplaced() throws {
        let directory = try TemporaryDirectory()
        let link = directory.path + "/out.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        try SafeFile.write("id,label\n", to: link, mode: 0o644)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/null")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.csv"])
    }

    @Test func aFIFOIsWrittenToNotReplaced() async throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> String in
            let handle = FileHandle(forReadingAtPath: fifo)!
            defer { try? handle.close() }
            return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        }
        try SafeFile.write("through the pipe\n", to: fifo)
        #expect(await reader.value == "through the pipe\n")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func aSymbolicLinkToARegularFileKeepsBeingALink() throws {
        let directory = try TemporaryDirectory()
        let real = try directory.write("old\n", to: "real.md")
        let link = directory.path + "/link.md"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try SafeFile.write("new\n", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8) == "new\n")
    }

    @Test func anOutputThatIsTheInputIsRefusedAndTheInputKept() throws {
        let directory = try TemporaryDirectory()
        let input = try directory.write("title: Repairs\n", to: "x.canvas.yaml")
        _ = try TextFile.read(input, as: .init(name: "YAML", fileExtension: ".yaml", saveAsUTF8: ""), maxSize: 1024)
        let error = try #require(throws: SafeFile.WriteError.self) {
            try SafeFile.writeOutput("{}", to: directory.path + "/./x.canvas.yaml")
        }
        #expect(error.description.contains("it is the input file"))
        #expect(try String(contentsOfFile: input, encoding: .utf8) == "title: Repairs\n")
    }

    @Test func staleTemporaryFilesOfAKilledWriteAreRemovedOnTheNextWrite() throws {
        let directory = try TemporaryDirectory()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let stale = try directory.write("half", to: "out.md.tmp-\(dead)-12345")
        let live = try directory.write("in progress", to: "out.md.tmp-\(getppid())-678")
        let unrelated = try directory.write("mine", to: "out.md.tmp-notes")
        try SafeFile.write("whole\n", to: directory.path + "/out.md")
        #expect(!FileManager.default.fileExists(atPath: stale), "a dead writer's temporary file is removed")
        #expect(FileManager.default.fileExists(atPath: live), "a running writer's temporary file is kept")
        #expect(FileManager.default.fileExists(atPath: unrelated))
    }
}
