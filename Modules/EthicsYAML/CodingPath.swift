/// The key path of a value being decoded, kept as a linked list so that descending costs one
/// small allocation and the full path is only built when an error needs it.
final class CodingPathLink: Sendable {
    let parent: CodingPathLink?
    let key: any CodingKey

    init(parent: CodingPathLink?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    /// A path made of plain keys, to start decoding below the top of a document.
    static func prefix(_ keys: [String]) -> CodingPathLink? {
        keys.reduce(nil) { CodingPathLink(parent: $0, key: AnyKey($1)) }
    }

    static func keys(_ link: CodingPathLink?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var current = link
        while let link = current {
            keys.append(link.key)
            current = link.parent
        }
        return keys.reversed()
    }

    /// `plugins.glossary.files[2]`
    static func dotted(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key is IndexKey {
                text += "[\(index)]"
            } else {
                if !text.isEmpty { text += "." }
                text += key.stringValue
            }
        }
        return text
    }
}

/// The coding key of a sequence element.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// The key under which `superDecoder()` decodes, as Codable documents it.
struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { stringValue == "super" ? () : nil }
    init?(intValue: Int) { nil }
}

/// Thrown up through a value whose decoding could not go on, after the cause has been reported;
/// the nearest enclosing value that can stand in with a placeholder catches it.
struct DecodingAborted: Error {}
