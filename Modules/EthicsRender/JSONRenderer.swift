import EthicsCore
import Foundation

/// Writes the document model itself, for other tools: pretty-printed with sorted keys so that the
/// same document always produces the same bytes and diffs stay small.
enum JSONRenderer {
    static func render(_ document: Document) throws(RenderError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        } catch {
            throw RenderError(format: .json, message: "'\(document.title)' cannot be written as JSON: \(error)")
        }
    }
}
