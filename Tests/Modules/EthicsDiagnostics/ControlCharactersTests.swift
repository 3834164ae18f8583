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

    /// An override turns the rest of a line around ("\u{202E}devorppa" shows as "approved");
    /// right-to-left writing and its marks need no help.
    @Test func bidirectionalOverridesAndIsolatesBecomeVisible() {
        #expect(ControlCharacters.neutralised("\u{202E}devorppa") == "\u{FFFD}devorppa")
        #expect(ControlCharacters.neutralised("a\u{202A}b\u{202C}c\u{2066}d\u{2069}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
        let arabic = "قرار المجلس \u{200F}(2026)\u{200E} – ok"
        #expect(!ControlCharacters.containsControl(arabic))
        #expect(ControlCharacters.neutralised(arabic) == arabic)
        #expect(ControlCharacters.containsControl("x\u{2067}y"))
        #expect(ControlCharacters.containsAnyControl("Sam \u{202E}leteP"))
        #expect(!ControlCharacters.containsAnyControl("Sam Patel – قرار"))
    }
}
