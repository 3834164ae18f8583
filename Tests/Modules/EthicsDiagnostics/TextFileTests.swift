import EthicsDiagnostics
import Testing

/// Positions in screened text count lines as YAML and CSV both do: LF, CRLF and a lone CR.
@Suite struct TextFileTests {
    /// The position of the `^` in `text`.
    func position(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return TextFile.position(of: bytes.firstIndex(of: UInt8(ascii: "^")) ?? 0, in: bytes, file: "f").description
    }

    @Test func countsLFCRLFAndLoneCRAsLineBreaksAndCharactersAsColumns() {
        #expect(position("ab^") == "f:1:3")
        #expect(position("a\nb^") == "f:2:2")
        #expect(position("a\r\nb^") == "f:2:2")
        #expect(position("a\rb\rcé^") == "f:3:3")
        #expect(position("ab\r^") == "f:2:1")
    }

    @Test func screeningDropsAByteOrderMarkAndNamesTheFormatInItsMessages() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ok".utf8)
        let csv = TextFile.Format(name: "CSV", fileExtension: ".csv", saveAsUTF8: "save it as CSV UTF-8")
        try TextFile.screen(&bytes, file: "f", as: csv)
        #expect(bytes == Array("ok".utf8))
        var control = Array("a\u{7}".utf8)
        #expect(throws: DiagnosticError.self) { try TextFile.screen(&control, file: "f", as: csv) }
        do {
            try TextFile.screen(&control, file: "f", as: csv)
        } catch {
            #expect(error.description == "f:1:2: error: control character U+0007 is not allowed in CSV")
        }
    }
}
