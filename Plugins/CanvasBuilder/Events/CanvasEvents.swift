public import EthicsCore

/// A canvas or a self-assessment was kept in the register (`canvas-builder record`), as a new
/// record or a new version of one. Journalled with the version it describes.
public struct CanvasRecorded: Event, Hashable {
    public static let topic = "canvas.recorded"
    public var recordID: String
    public var version: Int
    public var title: String
    /// `canvas` or `assessment`.
    public var kind: String
    /// The template it follows (`odi-data-ethics-canvas`).
    public var template: String
    public var complete: Bool

    public init(recordID: String, version: Int, title: String, kind: String, template: String, complete: Bool) {
        self.recordID = recordID
        self.version = version
        self.title = title
        self.kind = kind
        self.template = template
        self.complete = complete
    }
}
