import Synchronization

/// A value built the first time something asks for it, then shared by every copy of the
/// glossary that holds it: how a glossary keeps its indexes, which most commands never use.
///
/// The first caller builds the value under a lock; a caller that arrives meanwhile waits for it
/// rather than building a second one.
final class Lazy<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)
    private let build: @Sendable () -> Value

    init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
    }

    var value: Value {
        state.withLock { state in
            if let state { return state }
            let built = build()
            state = built
            return built
        }
    }

    /// Whether the value has been built yet.
    var isBuilt: Bool {
        state.withLock { $0 != nil }
    }
}
