import Dispatch
import Synchronization

/// Runs two independent pieces of work at once and waits for both: how a glossary builds its
/// indexes, which share nothing but the entries they read.
///
/// A hundred thousand entries take a few hundred milliseconds to index on one core; on two
/// they take little more than the longest piece. With one core the pieces simply run in turn.
enum Parallel {
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Mutex<(A?, B?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { piece in
            if piece == 0 {
                let value = first()
                results.withLock { $0.0 = value }
            } else {
                let value = second()
                results.withLock { $0.1 = value }
            }
        }
        return results.withLock { results in
            // concurrentPerform returns only once every iteration has, so both are set.
            guard let first = results.0, let second = results.1 else {
                preconditionFailure("concurrentPerform returned before its work was done")
            }
            return (first, second)
        }
    }
}
