/// The ids people write in configuration and content (council ids, attribute ids): lowercase
/// words joined by single hyphens, starting with a letter. They name folders and anchors, so
/// they must be safe in both.
public enum Identifier {
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, first >= 0x61 && first <= 0x7A,
              !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
