#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Every regular file this process has read through ``TextFile``, by device and inode.
///
/// An output a person names (`-o FILE`, `--output FILE`) must never be one of the files the
/// command read to make it: `glossary export -o local/glossary.yaml` would replace the council's
/// own glossary with a CSV of it, and `scan --answers a.yaml -o a.yaml` the answers with the
/// document. Checking by device and inode catches another spelling of the path and a hard link.
public enum FilesRead {
    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static let files = Mutex<[Identity: String]>([:])

    /// Notes that the regular file described by `info` was read as `path`.
    static func note(_ info: stat, path: String) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return }
        let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        files.withLock { files in
            if files[identity] == nil { files[identity] = path }
        }
    }

    /// The path under which this process read the file that `path` names now, or nil when it
    /// read no such file (or `path` does not exist).
    public static func readAs(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        return files.withLock { $0[identity] }
    }
}
