import Synchronization

/// A value computed the first time it is asked for, then kept, failure included: content files
/// do not change during a run, so a second attempt would only repeat the same diagnostics.
///
/// Every plugin is created on every run, so content is loaded through one of these rather than
/// in the initialiser: `ethics code-mapper list` does not pay for the glossary.
public final class LoadOnce<Value: Sendable>: Sendable {
    private let state = Mutex<Result<Value, DiagnosticError>?>(nil)

    public init() {}

    public func value(_ load: () throws(DiagnosticError) -> Value) throws(DiagnosticError) -> Value {
        let result = state.withLock { state in
            if let state { return state }
            let result = Result { () throws(DiagnosticError) in try load() }
            state = result
            return result
        }
        return try result.get()
    }
}
