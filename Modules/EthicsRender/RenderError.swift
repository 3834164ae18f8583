public import EthicsCore

/// Why a document could not be written in the format asked for, in words a user can act on.
public struct RenderError: Error, Hashable, Sendable, CustomStringConvertible {
    public let format: OutputFormat
    public let message: String

    public init(format: OutputFormat, message: String) {
        self.format = format
        self.message = message
    }

    public var description: String { message }

    static func nothingToRender(_ format: OutputFormat, in document: Document) -> RenderError {
        let missing = switch format.content {
        case .tablesOnly: "has no table"
        case .graphsOnly: "has no graph"
        case .wholeDocument: "is empty"
        }
        let alternatives = OutputFormat.allCases
            .filter { $0.content == .wholeDocument }
            .map(\.rawValue)
            .joined(separator: ", ")
        return RenderError(
            format: format,
            message: "'\(document.title)' \(missing), so it cannot be written as \(format.rawValue); "
                + "choose one of \(alternatives)")
    }
}
