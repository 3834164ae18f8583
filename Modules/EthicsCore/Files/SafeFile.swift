import Glibc

/// The toolkit's one way to write a file: the bytes go to a temporary file beside the target,
/// are flushed to disk, and replace the target in a single rename. A crash, a full disk or
/// Ctrl-C leaves either the old file or the new one, never half of either.
public enum SafeFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `bytes` to `path` atomically. New files get `mode` (owner-only by default, since
    /// records may hold sensitive project detail); an existing file keeps its permissions.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, mode: UInt32 = 0o600) throws(WriteError) {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var existing = stat()
        let fileMode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : mode_t(mode)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: lastError()) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        let data = Array(bytes)
        var written = 0
        while written < data.count {
            let result = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, data.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = lastError()
                close(descriptor)
                throw WriteError(path: path, reason: reason)
            }
            written += result
        }
        let synced = fchmod(descriptor, fileMode) == 0 && fsync(descriptor) == 0
        let reason = synced ? "" : lastError()
        guard close(descriptor) == 0, synced else { throw WriteError(path: path, reason: synced ? lastError() : reason) }
        guard rename(temporary, path) == 0 else { throw WriteError(path: path, reason: lastError()) }
        succeeded = true
        // The rename is durable only once the folder holding it is flushed too.
        let folder = open(ContentPath.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Writes UTF-8 text atomically.
    public static func write(_ text: String, to path: String, mode: UInt32 = 0o600) throws(WriteError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
