import Synchronization

/// Collects values from `@Sendable` handlers, which may not capture a mutable local.
final class Recorder<Value: Sendable>: Sendable {
    private let recorded = Mutex<[Value]>([])

    func record(_ value: Value) {
        recorded.withLock { $0.append(value) }
    }

    var values: [Value] {
        recorded.withLock { $0 }
    }
}
