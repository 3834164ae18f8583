import Dispatch

/// One serial queue as a task executor: work that blocks it blocks every task that prefers it.
/// Tests of ``RegisterStore/run(_:)`` use it to show that a register call holds none of its
/// caller's threads.
public final class SerialExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: the queue is the executor's only state, and a DispatchQueue is thread-safe.
    private let queue = DispatchQueue(label: "one-thread-executor")

    public init() {}

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
