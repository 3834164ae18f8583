import EthicsDiagnostics
import Synchronization

/// A value computed the first time it is asked for, then kept, failure included: content files
/// do not change during a run, so a second attempt would only repeat the same diagnostics.
final class LoadOnce<Value: Sendable>: Sendable {
    private let state = Mutex<Result<Value, DiagnosticError>?>(nil)

    func value(_ load: () throws(DiagnosticError) -> Value) throws(DiagnosticError) -> Value {
        let result = state.withLock { state in
            if let state { return state }
            let result = Result { () throws(DiagnosticError) in try load() }
            state = result
            return result
        }
        return try result.get()
    }
}
