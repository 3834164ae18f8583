import Foundation

/// The JSON text of the register's own small values (tag lists, journal payloads), byte for byte
/// what `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`.
///
/// Every record write encodes three of these. Through `JSONEncoder` they were the largest share of
/// a write's CPU time; tests pin this output to `JSONEncoder`'s, so the text that journal hashes
/// cover reads the same whichever wrote it.
package enum CanonicalJSON {
    /// `["a","b"]`
    package static func array(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, string) in strings.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(string, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The strings of a stored JSON array (`["act","monitor"]`), the inverse of ``array(_:)``. One
    /// without escapes is split directly, since a list page reads two per row and `JSONDecoder`
    /// was a large share of its time; anything else goes through `JSONDecoder`. Not a JSON array: [].
    package static func strings(_ json: String) -> [String] {
        let bytes = json.utf8
        if bytes.elementsEqual("[]".utf8) { return [] }
        if bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"), !bytes.contains(UInt8(ascii: "\\")) {
            let inner = json.utf8.dropFirst().dropLast()
            var items: [String] = []
            var plain = true
            for item in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                guard item.count >= 2, item.first == UInt8(ascii: "\""), item.last == UInt8(ascii: "\""),
                      !item.dropFirst().dropLast().contains(UInt8(ascii: "\"")) else {
                    plain = false
                    break
                }
                items.append(String(decoding: item.dropFirst().dropLast(), as: UTF8.self))
            }
            if plain { return items }
        }
        return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
    }

    /// The fields of a stored JSON object whose values are all strings (`{"id":"dec-2026-0001",
    /// "version":"1"}`, as ``object(_:)`` writes a journal payload), the inverse of ``object(_:)``;
    /// nil when it is not such an object. One without escapes is read directly, since verify reads
    /// one per record version; anything else goes through `JSONDecoder`.
    package static func stringFields(_ json: String) -> [String: String]? {
        let bytes = Array(json.utf8)
        let quote = UInt8(ascii: "\"")
        if bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}"), !bytes.contains(UInt8(ascii: "\\")) {
            var fields: [String: String] = [:]
            var index = 1
            // Reads `"text"` at `index`: with no escapes, the next quote closes it.
            func string() -> String? {
                guard index < bytes.count, bytes[index] == quote,
                      let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                defer { index = close + 1 }
                return String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            }
            var plain = bytes.count == 2
            while index < bytes.count - 1 {
                guard let key = string(), index < bytes.count, bytes[index] == UInt8(ascii: ":") else { break }
                index += 1
                guard let value = string(), fields[key] == nil else { break }
                fields[key] = value
                if index == bytes.count - 1 {
                    plain = true
                    break
                }
                guard bytes[index] == UInt8(ascii: ",") else { break }
                index += 1
            }
            if plain { return fields }
        }
        return try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }

    /// `{"a":"1","b":"2"}`, keys in the order `JSONEncoder` sorts them.
    package static func object(_ fields: [(key: String, value: String)]) -> String {
        object(json: fields.map { ($0.key, string($0.value)) })
    }

    /// An object whose values are already JSON text (nested objects, numbers), keys sorted.
    package static func object(json fields: [(key: String, value: String)]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        // By UTF-8 bytes, as JSONEncoder sorts keys on Linux: `<` on String compares canonical
        // equivalence, which orders some keys (a header in decomposed form) differently.
        for (position, field) in fields.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(field.key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: field.value.utf8)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `"text"`, escaped as `JSONEncoder` escapes it.
    package static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x00..<0x20:
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                          hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
