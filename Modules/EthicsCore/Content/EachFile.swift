import Dispatch

/// Runs one piece of work for each content file, several files at once on a machine with more
/// than one core, and gives the answers back in the files' order.
///
/// Reading a council's content (parse, decode, check) is most of what a command that renders or
/// checks spends, and one file's reading needs nothing from another's: the glossary's four files,
/// the sixteen codes. What spans files (ids unique across them, an override that replaces an
/// earlier file's entry) is left to the caller, which combines the answers in order, so messages
/// come out in the same order however the work was scheduled.
public enum EachFile {
    /// `work` applied to every element of `sources`, in their order.
    ///
    /// `work` runs on several threads at once, so it must touch nothing shared that can change:
    /// it reads its own file and builds its own answer (a decoded file with its problems).
    public static func map<Source: Sendable, Answer: Sendable>(
        _ sources: [Source], _ work: @Sendable (Source) -> Answer
    ) -> [Answer] {
        guard sources.count > 1 else { return sources.map(work) }
        let answers = Slots<Answer>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            answers.put(work(sources[index]), at: index)
        }
        return answers.taken()
    }

    /// One slot an answer, each written by exactly one iteration of `concurrentPerform` and
    /// read only after it has returned, which waits for every iteration.
    private final class Slots<Answer>: @unchecked Sendable {
        // @unchecked: slot `i` is written only by iteration `i`, and all are read after the
        // join; no slot is touched by two threads without that ordering between them.
        private let slots: UnsafeMutableBufferPointer<Answer?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            _ = slots.deinitialize()
            slots.deallocate()
        }

        func put(_ answer: Answer, at index: Int) {
            slots[index] = answer
        }

        func taken() -> [Answer] {
            slots.map { $0! }
        }
    }
}
