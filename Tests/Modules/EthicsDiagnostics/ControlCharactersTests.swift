import EthicsDiagnostics
import Testing

@Suite struct ControlCharactersTests {
    @Test func plainTextIsReturnedUnchanged() {
        let text = "Housing repairs – damp and mould\n\twith a tab, CRLF\r\n and ü"
        #expect(!ControlCharacters.containsControl(text))
        #expect(ControlCharacters.neutralised(text) == text)
    }

    @Test func everyOtherControlBecomesVisible() {
        #expect(ControlCharacters.neutralised("a\u{1B}[2Jb") == "a\u{241B}[2Jb")
        #expect(ControlCharacters.neutralised("\u{0}\u{7}\u{7F}") == "\u{2400}\u{2407}\u{2421}")
        #expect(ControlCharacters.neutralised("x\u{9B}31m") == "x\u{FFFD}31m")
        #expect(ControlCharacters.neutralised("over\rwrite") == "over\u{240D}write", "a lone CR could overwrite a line")
    }
}
