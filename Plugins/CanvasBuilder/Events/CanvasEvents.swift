public import EthicsCore

/// A canvas file was started, from a template (`new`) or from an ODI canvas file (`import`).
public struct CanvasCreated: Event, Hashable {
    public static let topic = "canvas.created"
    public var file: String
    public var title: String
    public var template: String
    /// `new` or `import`.
    public var origin: String
}

/// A team filled in some areas of a canvas (`fill`).
public struct CanvasUpdated: Event, Hashable {
    public static let topic = "canvas.updated"
    public var file: String
    public var title: String
    /// The ids of the areas that changed.
    public var areas: [String]
}

/// A canvas was checked for completeness (`check`).
public struct CanvasChecked: Event, Hashable {
    public static let topic = "canvas.checked"
    public var file: String
    public var title: String
    public var complete: Bool
    public var areasComplete: Int
    public var areas: Int
    /// Overdue review, actions without owner or priority, unanswered questions: one line each.
    public var problems: Int
}
