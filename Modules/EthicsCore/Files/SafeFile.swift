import Foundation
import Glibc

/// The toolkit's one way to write a file: the bytes go to a temporary file beside the target,
/// are flushed to disk, and replace the target in a single rename. A crash, a full disk or
/// Ctrl-C leaves either the old file or the new one, never half of either.
///
/// Only regular files are replaced. A target that is a device, a FIFO or a socket (`-o
/// /dev/stdout`, `-o /dev/null`, a named pipe another program reads), or a symbolic link to one,
/// is written to directly: renaming over it would turn `/dev/null` into a regular file holding
/// the export, or swallow output meant for a pipe. A symbolic link to a regular file is followed,
/// so the file it names is replaced and the link stays a link.
public enum SafeFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// The infix of the temporary files `write` makes: `NAME.tmp-PID-RANDOM`.
    static let temporaryInfix = ".tmp-"

    /// Writes `bytes` to `path` atomically. New files get `mode` (owner-only by default, since
    /// records may hold sensitive project detail); an existing file keeps its permissions.
    ///
    /// A file a person named for a command's results goes through ``writeOutput(_:to:mode:)``,
    /// which also refuses one of the files the command read.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, mode: UInt32 = 0o600) throws(WriteError) {
        if let descriptor = standardDescriptor(named: path) {
            // `-o /dev/stdout` with standard output sent to a file (`>> log.txt`): the path
            // leads through /proc to that very file, and renaming over it would lose what the
            // file held before. Write to the open descriptor, as the shell arranged it.
            try writeAll(Array(bytes), to: descriptor, path: path)
            return
        }
        var existing = stat()
        let exists = stat(path, &existing) == 0
        if exists {
            switch existing.st_mode & S_IFMT {
            case S_IFREG: try refuseReadOnly(path, existing)
            case S_IFDIR: throw WriteError(path: path, reason: "it is a folder; name a file inside it")
            default:
                try writeDirectly(Array(bytes), to: path)
                return
            }
        }
        let target = exists ? (realPath(path) ?? path) : path
        removeStaleTemporaries(of: target)
        let temporary = "\(target)\(temporaryInfix)\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fileMode = exists ? existing.st_mode & 0o7777 : mode_t(mode)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: lastError()) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        do throws(WriteError) {
            try writeAll(Array(bytes), to: descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        let synced = fchmod(descriptor, fileMode) == 0 && fsync(descriptor) == 0
        let reason = synced ? "" : lastError()
        guard close(descriptor) == 0, synced else { throw WriteError(path: path, reason: synced ? lastError() : reason) }
        guard rename(temporary, target) == 0 else { throw WriteError(path: path, reason: lastError()) }
        succeeded = true
        syncFolder(ContentPath.directory(of: target))
    }

    /// Flushes `path`, a folder: a new name made in it (a rename, a link) is durable only once
    /// the folder is flushed too.
    public static func syncFolder(_ path: String) {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String, mode: UInt32 = 0o600) throws(WriteError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    /// Writes a command's results to the file a person named (`-o FILE`), atomically, refusing
    /// a file the command read on its way (``FilesRead``): its answers, its configuration, the
    /// council's content. Files a command edits in place are written with `write` instead.
    /// `-` is standard output, as with most tools: `-o -` never makes a file called `-`.
    public static func writeOutput(_ bytes: some Collection<UInt8>, to path: String, mode: UInt32 = 0o600) throws(WriteError) {
        let path = path == "-" ? "/dev/stdout" : path
        try checkOutput(path)
        try write(bytes, to: path, mode: mode)
    }

    /// ``writeOutput(_:to:mode:)`` for UTF-8 text.
    public static func writeOutput(_ text: String, to path: String, mode: UInt32 = 0o600) throws(WriteError) {
        try writeOutput(Array(text.utf8), to: path, mode: mode)
    }

    /// The descriptor that `path` names when it is one of this process's own open descriptors
    /// by name: `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    static func standardDescriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"] where path.hasPrefix(prefix) {
            guard let descriptor = Int32(path.dropFirst(prefix.count)), descriptor >= 0, fcntl(descriptor, F_GETFD) != -1 else { return nil }
            return descriptor
        }
        return nil
    }

    /// A device, FIFO or socket: opened as it is (never created, never truncated by rename) and
    /// written in full. There is nothing atomic to be had from a stream.
    private static func writeDirectly(_ bytes: [UInt8], to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: lastError()) }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    private static func writeAll(_ data: [UInt8], to descriptor: Int32, path: String) throws(WriteError) {
        var written = 0
        while written < data.count {
            let result = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, data.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: lastError())
            }
            written += result
        }
    }

    /// Removes `NAME.tmp-PID-RANDOM` files beside `target` left by a write of ours that was
    /// killed (SIGKILL, a power cut) between creating its temporary file and renaming it. Only
    /// names of exactly that shape, whose process no longer exists, are touched: a write still
    /// running in another process keeps its file.
    ///
    /// `folders`: the temporaries are folders named `.NAME.tmp-PID-RANDOM`, as an export bundle
    /// builds them, and are removed with what they hold.
    public static func removeStaleTemporaries(of target: String, folders: Bool = false) {
        let folder = ContentPath.directory(of: target)
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let prefix = (folders ? "." : "") + name + temporaryInfix
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var stale: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix) else { continue }
            let parts = entryName.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil,
                  parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                stale.append(folder + "/" + entryName)
            }
        }
        for path in stale {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if !folders, info.st_mode & S_IFMT == S_IFREG {
                unlink(path)
            } else if folders, info.st_mode & S_IFMT == S_IFDIR {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
