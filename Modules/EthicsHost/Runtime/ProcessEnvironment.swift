import Glibc

/// The process's environment variables, read once in `main` and passed down as a value so
/// nothing else reads global state.
public enum ProcessEnvironment {
    public static func current() -> [String: String] {
        var variables: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return variables
    }
}

/// The signals that end a command, as the process received them.
public enum ProcessSignals {
    /// Unblocks the signals a person or a supervisor ends a command with (Ctrl-C's SIGINT,
    /// SIGTERM, SIGHUP, SIGQUIT) on the calling thread, which every thread made later inherits.
    ///
    /// A process starts with the signal mask of the thread that started it, and some parents
    /// (a test runner's worker thread, a supervisor's) block these: a question asked on the main
    /// thread would then wait through Ctrl-C for ever, and `ethics serve` would never hear that
    /// it is to stop. Called first thing in `main`.
    public static func unblockEndingSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
