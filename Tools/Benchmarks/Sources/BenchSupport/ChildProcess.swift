#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command as a direct child and measures it, for start-up benchmarks.
///
/// Uses `fork`, `execve` and `wait4` rather than Foundation's `Process` or `posix_spawn`:
/// - `wait4` returns the resource usage of exactly this child, and its `ru_maxrss` is the child's
///   own peak rather than a running maximum over every child this process has had.
/// - Linux carries the high-water mark of the address space a process had before `exec` into its
///   `ru_maxrss`. glibc's `posix_spawn` runs the child in this process's address space until the
///   `exec`, so every child would report at least this process's peak. After `fork` the child's
///   address space holds only copies of this process's anonymous pages, which is the floor below
///   which no figure can go; measuring `true` alongside the real subjects shows it.
/// - Nothing but the fork sits between the two clock readings.
///
/// Standard input, output and error go to `/dev/null`: a terminal or a pipe would add the cost
/// of whoever reads them.
public struct ChildProcess: Sendable {
    /// The program (looked up in `PATH` when it has no slash) followed by its arguments.
    public let command: [String]
    /// `NAME=VALUE` entries added to (or replacing those in) this process's environment.
    public let environment: [String]
    /// The exit status that counts as success: 0, or 1 for a check that finds problems.
    public let expectedStatus: Int32

    public init(_ command: [String], environment: [String] = [], expectedStatus: Int32 = 0) {
        precondition(!command.isEmpty, "a command needs at least a program")
        self.command = command
        self.environment = environment
        self.expectedStatus = expectedStatus
    }

    /// Runs the command once and waits for it.
    /// - Throws: `CommandFailure` when it cannot start or does not exit with `expectedStatus`.
    public func run() throws(CommandFailure) -> CommandRun {
        // Everything the child needs is made before `fork`: in a process with threads, the child
        // may only make async-signal-safe calls (no allocation) until it has exec'd.
        guard let executable = Self.executablePath(for: command[0]) else { throw .notFound(command: command) }
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        let variables = Self.mergedEnvironment(environment).map { strdup($0) } + [nil]
        defer { variables.forEach { free($0) } }
        let devNull = open("/dev/null", O_RDWR | O_CLOEXEC)
        guard devNull >= 0 else { throw .couldNotStart(command: command, errno: errno) }
        defer { close(devNull) }

        let stopwatch = Stopwatch()
        let pid = fork()
        if pid == 0 {
            for descriptor: Int32 in [0, 1, 2] { dup2(devNull, descriptor) }
            execve(executable, arguments, variables)
            _exit(127)
        }
        guard pid > 0 else { throw .couldNotStart(command: command, errno: errno) }

        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let wallTime = stopwatch.elapsed

        // WIFEXITED, WEXITSTATUS and WTERMSIG are C macros that Swift does not import.
        let signal = status & 0x7f
        guard signal == 0 else { throw .killed(command: command, signal: signal) }
        let exitStatus = (status >> 8) & 0xff
        guard exitStatus == expectedStatus else { throw .exited(command: command, status: exitStatus) }

        return CommandRun(wallTime: wallTime, peakResidentBytes: PeakMemory.bytes(fromMaxRSS: usage.ru_maxrss))
    }

    /// This process's environment with `overrides` put in place of the entries they name.
    private static func mergedEnvironment(_ overrides: [String]) -> [String] {
        var entries: [String] = []
        var index = 0
        while let entry = environ[index] {
            entries.append(String(cString: entry))
            index += 1
        }
        guard !overrides.isEmpty else { return entries }
        let names = Set(overrides.map { $0.prefix { $0 != "=" } })
        return entries.filter { !names.contains($0.prefix { $0 != "=" }) } + overrides
    }

    /// `program` itself when it names a path, else the first executable of that name in `PATH`.
    private static func executablePath(for program: String) -> String? {
        if program.contains("/") {
            return access(program, X_OK) == 0 ? program : nil
        }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(program)" }
            .first { access($0, X_OK) == 0 }
    }
}
