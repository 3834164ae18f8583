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

    /// The check reads eight bytes at a time where it can; it must say exactly what a check of
    /// one scalar at a time says, wherever in a word a control falls. Strings are drawn from a
    /// seeded generator, so a failure is the same on every run.
    @Test func theWordAtATimeCheckAgreesWithAScalarAtATime() {
        func reference(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            return scalars.indices.contains { index in
                switch scalars[index].value {
                case 0x09, 0x0A: false
                case 0x0D: index + 1 >= scalars.count || scalars[index + 1] != "\n"
                case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
                default: false
                }
            }
        }
        let pieces = ["a", "Repairs ", "\n", "\t", "\r\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "é", "’", "\u{202E}",
                      "\u{2067}", "\u{200F}", "🙂", "<p>", "        ", "\u{A0}", "\u{2028}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<5000 {
            var text = ""
            for _ in 0..<next(24) { text += pieces[next(pieces.count)] }
            #expect(ControlCharacters.containsControl(text) == reference(text), "\(Array(text.unicodeScalars.map(\.value)))")
        }
    }
}
