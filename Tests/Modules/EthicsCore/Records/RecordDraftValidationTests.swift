import EthicsCore
import EthicsTestSupport
import Foundation
import Testing

/// A draft's body must be one JSON object in UTF-8; the check agrees with `JSONSerialization`
/// on what is JSON, without building the value.
@Suite struct RecordDraftValidationTests {
    func draft(body: String) -> RecordDraft {
        RecordDraft(kind: .decision, title: "Housing repairs", author: "Data officer", body: Data(body.utf8))
    }

    func isAccepted(_ body: String) -> Bool {
        (try? draft(body: body).validate()) != nil
    }

    @Test(arguments: [
        "{}", " { } ", "{\"a\":1}", "{\"a\":[1,2.5,-0.5e10,true,false,null,{\"b\":\"c\"}]}",
        "{\"s\":\"quote \\\" slash \\/ tab \\t unicode \\u00e9 \\uD83D\\uDE00\"}", "{\"é\":\"😀 Ünïcödé\"}",
        "{\"n\":0}", "{\"n\":-0}", "{\"n\":1E+2}", "{\"n\":1e-2}", "\n\t{\"a\" : { \"b\" : [ ] } }\r\n",
    ])
    func acceptsJSONObjects(_ body: String) {
        #expect(isAccepted(body))
        #expect((try? JSONSerialization.jsonObject(with: Data(body.utf8))) is [String: Any])
    }

    @Test(arguments: [
        "", "[]", "\"text\"", "1", "null", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{a:1}", "{\"a\":01}",
        "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":-}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"raw\ttab\"}", "{\"a\":\"unterminated}", "{} {}",
        "{\"a\":1}x", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{'a':1}", "{\"a\":+1}", "{\"a\":NaN}",
    ])
    func refusesWhatIsNotOneJSONObject(_ body: String) {
        #expect(!isAccepted(body))
    }

    @Test func refusesInvalidUTF8InStrings() {
        for bytes: [UInt8] in [[0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]] {
            var body = Array("{\"a\":\"".utf8)
            body += bytes
            body += Array("\"}".utf8)
            let draft = RecordDraft(kind: .canvas, title: "t", author: "a", body: Data(body))
            #expect(throws: RecordRegisterError.self) { try draft.validate() }
        }
    }

    @Test func refusesNestingDeeperThanTheLimitWithoutCrashing() {
        let deep = String(repeating: "{\"a\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(!isAccepted(deep))
        let fine = String(repeating: "{\"a\":", count: 200) + "1" + String(repeating: "}", count: 200)
        #expect(isAccepted(fine))
    }

    @Test func refusesBlankTitlesAndAuthors() {
        #expect(throws: RecordRegisterError("a record needs a title")) {
            try RecordDraft(kind: .decision, title: " \n", author: "a").validate()
        }
        #expect(throws: RecordRegisterError("a record needs an author")) {
            try RecordDraft(kind: .decision, title: "t", author: "\t").validate()
        }
    }

    @Test func refusesATitleLongerThanAListCanHold() throws {
        try RecordDraft(kind: .decision, title: String(repeating: "é", count: 300), author: "a").validate()
        #expect(throws: RecordRegisterError(
            "a record's title is at most 300 characters, and this one has 100000: put the detail in the record itself")) {
            try RecordDraft(kind: .decision, title: String(repeating: "x", count: 100_000), author: "a").validate()
        }
    }

    @Test func refusesAnAuthorOrStatusThatIsNotOneLine() throws {
        for (author, status) in [("Sam\nPatel", "draft"), ("Sam\u{1B}[2J", "draft"), ("Sam", "for\rboard")] {
            #expect(throws: RecordRegisterError.self, "\(author) \(status)") {
                try RecordDraft(kind: .decision, title: "t", author: author, status: status).validate()
            }
        }
        try RecordDraft(kind: .decision, title: "t", author: "Zoë O'Neill-Smith", status: "for-board").validate()
    }

    /// A title heads lists, papers and the commands a run suggests next; a right-to-left
    /// override in it would make it read as something it is not.
    @Test func refusesATitleThatIsNotOneLine() throws {
        for title in ["Line one\nLine two", "Bad\u{1B}[31mred", "Tab\there", "a\u{202E}b", "C1 \u{9B}31m"] {
            #expect(throws: RecordRegisterError(
                "a record's title must be one line, without control characters (a line break, a tab or an escape)"), "\(title)") {
                try RecordDraft(kind: .decision, title: title, author: "a").validate()
            }
        }
        try RecordDraft(kind: .decision, title: "Gwasanaethau Ynys Môn: مرحبا \u{200F}", author: "a").validate()
        // A record kept before the rule keeps its title through its reviews and sign-offs; only
        // a new or changed title is held to it.
        try RecordDraft(kind: .decision, title: "Line one\nLine two", author: "a").validate(previousTitle: "Line one\nLine two")
        #expect(throws: RecordRegisterError.self) {
            try RecordDraft(kind: .decision, title: "Line one\nLine three", author: "a").validate(previousTitle: "Line one\nLine two")
        }
    }
}
