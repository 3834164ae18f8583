/// Where something came from in a file a person wrote, so a message can send them to the spot.
///
/// Lines and columns are 1-based, as editors and CI annotators count them.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Stands in for the position of a value that was never written (a decoding placeholder);
    /// such values are never reported, since their file already failed to decode.
    public static let unknown = SourceLocation(file: "", line: 0, column: 0)

    /// `path:line:column`, the prefix editors and CI annotators recognise.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
