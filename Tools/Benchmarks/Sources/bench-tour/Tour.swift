#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BenchSupport

/// The commands of a tour file: what prepares a workspace, and what is measured.
///
/// A line is blank, a `#` comment, `setup ARGUMENTS` (run once for each binary, not measured,
/// must exit 0), or `MILLISECONDS STATUS ARGUMENTS`: the target median, the exit status the
/// command must end with (1 for a check that finds problems) and the arguments that follow
/// `ethics`, split as a shell splits words. `{work}` in an argument is the binary's throwaway
/// folder, `{year}` the current year (record ids carry it).
struct Tour {
    struct Step {
        let arguments: [String]
        let expectedStatus: Int32
        /// Nil for a setup step.
        let targetMilliseconds: Double?

        /// How the report names it: `ethics` and its arguments, quoted where they hold a blank.
        var title: String {
            (["ethics"] + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }).joined(separator: " ")
        }
    }

    private(set) var setup: [Step] = []
    private(set) var measured: [Step] = []

    init(file: String) {
        guard let text = Self.read(file) else { TourOptions.fail("cannot read the tour \(file)") }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard var words = try? ShellWords.split(String(trimmed)) else {
                TourOptions.fail("\(file):\(number + 1): unterminated quote")
            }
            if words.first == "setup" {
                setup.append(Step(arguments: Array(words.dropFirst()), expectedStatus: 0, targetMilliseconds: nil))
                continue
            }
            guard words.count >= 3, let target = Double(words[0]), target > 0, let status = Int32(words[1]) else {
                TourOptions.fail("\(file):\(number + 1): expected 'setup ARGUMENTS' or 'MILLISECONDS STATUS ARGUMENTS'")
            }
            words.removeFirst(2)
            measured.append(Step(arguments: words, expectedStatus: status, targetMilliseconds: target))
        }
        guard !measured.isEmpty else { TourOptions.fail("\(file) has no command to measure") }
    }

    /// The whole of a small text file, or nil if it cannot be read.
    private static func read(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[..<count])
        }
        return ferror(file) == 0 ? String(decoding: bytes, as: UTF8.self) : nil
    }
}
