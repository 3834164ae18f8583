import Synchronization

/// A step that changes a document just before it is written, like a middleware: the glossary's
/// hook links the terms it knows and appends an appendix of them.
///
/// Hooks are applied by the renderer, in ascending `order` (then in the order they were added),
/// to documents written in the formats they ask for. A hook that throws is reported and skipped,
/// and the document is written as the earlier hooks left it: a broken glossary must not stop a
/// decision record from being written.
public struct DocumentHook: Sendable {
    /// Names the hook in failure reports: `glossary.link-terms`.
    public var name: String
    /// Lower runs first; hooks that add appendices should run late.
    public var order: Int
    /// The formats whose documents this hook changes.
    public var formats: Set<OutputFormat>
    public var apply: @Sendable (Document) throws -> Document

    public init(
        name: String, order: Int = 0, formats: Set<OutputFormat> = OutputFormat.annotated,
        apply: @escaping @Sendable (Document) throws -> Document
    ) {
        self.name = name
        self.order = order
        self.formats = formats
        self.apply = apply
    }
}

/// The hooks of one run, in the order the renderer applies them. Filled while plugins are
/// activated, read by every render after that.
public final class DocumentHooks: Sendable {
    private let hooks = Mutex<[DocumentHook]>([])

    public init(_ hooks: [DocumentHook] = []) {
        for hook in hooks { add(hook) }
    }

    public func add(_ hook: DocumentHook) {
        self.hooks.withLock { hooks in
            let index = hooks.firstIndex { $0.order > hook.order } ?? hooks.endIndex
            hooks.insert(hook, at: index)
        }
    }

    /// The hooks that apply to `format`, in order.
    public func chain(for format: OutputFormat) -> [DocumentHook] {
        hooks.withLock { $0.filter { $0.formats.contains(format) } }
    }
}
