@testable import EthicsRecords
import Foundation
import Testing

/// The register writes its small JSON values and its times by hand for speed; these pin both to
/// what Foundation writes, so the text under the journal's hashes never depends on which wrote it.
@Suite struct StoredEncodingTests {
    static let awkward: [String] = {
        var everyASCII = ""
        for byte in 0..<0x80 { everyASCII.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        return ["", "plain", everyASCII, "é€😀\u{2028}\u{2029}\u{85}", "a/b\\c\"d", "line\nbreak\r\ttab"]
    }()

    func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func arraysMatchJSONEncoder() throws {
        #expect(CanonicalJSON.array([]) == (try encoded([String]())))
        #expect(CanonicalJSON.array(Self.awkward) == (try encoded(Self.awkward)))
    }

    @Test func arraysReadBackAsJSONDecoderReadsThem() throws {
        let lists = [[], ["act"], ["act", "monitor", "influence"], ["a,b", "c"], [""], Self.awkward, ["\"", "é€"]]
        for list in lists {
            #expect(CanonicalJSON.strings(CanonicalJSON.array(list)) == list)
        }
        for text in [#"[ "a" ]"#, #"["a","b""#, "not json", #"["a",1]"#, #"[1]"#, "[,]"] {
            let decoded = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
            #expect(CanonicalJSON.strings(text) == decoded, "\(text)")
        }
    }

    @Test func objectsReadBackAsJSONDecoderReadsThem() throws {
        let fields = [("id", "dec-2026-0001"), ("version", "2"), ("contentHash", String(repeating: "ab", count: 32)), ("note", "a,b:c}")]
        #expect(CanonicalJSON.stringFields(CanonicalJSON.object(fields.map { (key: $0.0, value: $0.1) })) == Dictionary(uniqueKeysWithValues: fields))
        #expect(CanonicalJSON.stringFields(CanonicalJSON.object([("awkward", Self.awkward[2])])) == ["awkward": Self.awkward[2]])
        for text in ["{}", #"{"a":"1"}"#, #"{ "a": "1" }"#, #"{"a":1}"#, #"{"a":"1","a":"2"}"#, #"{"a":"1",}"#, #"{"a""#, "[]", "", #"{"a":"1"}x"#] {
            let decoded = try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
            #expect(CanonicalJSON.stringFields(text) == decoded, "\(text)")
        }
    }

    @Test func objectsMatchJSONEncoderWithSortedKeys() throws {
        let fields = [("title", Self.awkward[2]), ("B", "x"), ("_", "y"), ("author", Self.awkward[3]), ("é", "z"), ("a", "")]
        let dictionary = Dictionary(uniqueKeysWithValues: fields)
        #expect(CanonicalJSON.object(fields.map { (key: $0.0, value: $0.1) }) == (try encoded(dictionary)))
    }

    @Test(arguments: [0.0, 1.0005, 1_800_000_000.9999, -1.5, 1_795_305_600.25, 4_102_444_799.5, 951_782_400.0])
    func timestampsMatchTheISO8601FormatStyle(_ seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        let stamp = Timestamp.stamp(date)
        #expect(stamp.text == date.formatted(style))
        #expect(Timestamp.parse(stamp.text) == stamp.date)
        // Foundation adds the fraction in floating point, so the two may differ in the last bit.
        #expect(abs(stamp.date.timeIntervalSince(try style.parse(stamp.text))) < 0.000_001)
    }

    @Test func parsingRefusesWhatTheRegisterNeverWrote() {
        #expect(Timestamp.parse("2026-13-01T00:00:00.000Z") == nil)
        #expect(Timestamp.parse("2026-01-01T25:00:00.000Z") == nil)
        #expect(Timestamp.parse("yesterday") == nil)
        #expect(Timestamp.parse("2026-01-0xT00:00:00.000Z") == nil)
    }
}
