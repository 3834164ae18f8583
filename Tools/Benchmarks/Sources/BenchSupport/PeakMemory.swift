#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Peak resident set size, as the kernel accounts it in `rusage.ru_maxrss`.
public enum PeakMemory {
    /// The most memory this process has had resident at once so far, in bytes.
    public static func ofThisProcess() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return bytes(fromMaxRSS: usage.ru_maxrss)
    }

    /// Converts `ru_maxrss`, which Linux counts in kibibytes and Darwin in bytes.
    static func bytes(fromMaxRSS maxRSS: Int) -> Int {
        #if canImport(Darwin)
        maxRSS
        #else
        maxRSS * 1024
        #endif
    }
}
