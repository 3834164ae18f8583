import Glibc

extension SafeFile {
    /// Checks, before any work is kept, that `path` can be written: its folder exists and may be
    /// written to, and it is not a folder. A command that keeps a record and then writes a file
    /// calls this first, so a mistyped `--output` never leaves a record kept and a command failed.
    public static func checkTarget(_ path: String) throws(WriteError) {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var status = stat()
        guard stat(folder.isEmpty ? "/" : folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw WriteError(path: path, reason: "the folder \(folder.isEmpty ? "/" : folder) does not exist")
        }
        guard access(folder.isEmpty ? "/" : folder, W_OK) == 0 else {
            throw WriteError(path: path, reason: "the folder \(folder.isEmpty ? "/" : folder) cannot be written to")
        }
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw WriteError(path: path, reason: "it is a folder")
        }
    }
}
