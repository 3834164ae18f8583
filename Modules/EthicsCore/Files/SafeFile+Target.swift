import Foundation
import Glibc

extension SafeFile {
    /// The longest file name written: the file system's 255 bytes less room for the temporary
    /// file's suffix (`.tmp-PID-RANDOM`).
    public static let maximumNameLength = 255 - 32

    /// The name, before its extension, of a file made for something titled `title` (a canvas, a
    /// transparency record): its slug (``Inline/anchorSlug(_:)``) of at most 80 characters, well
    /// inside what file systems take, without a `-` or `_` at either end (a name starting `-`
    /// reads as an option on a command line); `fallback` when the title has no letter or digit.
    public static func stem(for title: String, otherwise fallback: String) -> String {
        let slug = Inline.anchorSlug(title).prefix(80).trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
        return slug.isEmpty ? fallback : slug
    }

    /// Checks, before any work is kept, that `path` can be written: its folder exists and may be
    /// written to, and it is not a folder. A command that keeps a record and then writes a file
    /// calls this first, so a mistyped `--output` never leaves a record kept and a command failed.
    public static func checkTarget(_ path: String) throws(WriteError) {
        // An empty name (`-o ""`, a script's unset variable) names no file, not the folder.
        guard !path.isEmpty else { throw WriteError(path: path, reason: "no file is named: the name given is empty") }
        if standardDescriptor(named: path) != nil { return }
        // The file is written beside itself as NAME.tmp-PID-RANDOM first: a name the file system
        // takes, but not with that suffix, would fail only once the work was kept.
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.utf8.count > maximumNameLength {
            throw WriteError(path: path, reason: "the file's name is too long (\(name.utf8.count) bytes; at most \(maximumNameLength))")
        }
        var existing = stat()
        if stat(path, &existing) == 0, (existing.st_mode & S_IFMT) != S_IFREG, (existing.st_mode & S_IFMT) != S_IFDIR {
            // A device or a FIFO is written where it is, so only it needs to accept writing.
            guard access(path, W_OK) == 0 else { throw WriteError(path: path, reason: "it cannot be written to") }
            return
        }
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var status = stat()
        guard stat(folder.isEmpty ? "/" : folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else {
            throw WriteError(path: path, reason: "the folder \(folder.isEmpty ? "/" : folder) does not exist")
        }
        guard access(folder.isEmpty ? "/" : folder, W_OK) == 0 else {
            throw WriteError(path: path, reason: "the folder \(folder.isEmpty ? "/" : folder) cannot be written to")
        }
        if stat(path, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw WriteError(path: path, reason: "it is a folder") }
            if (status.st_mode & S_IFMT) == S_IFREG { try refuseReadOnly(path, status) }
        }
    }

    /// Refuses to replace a file that is read-only, for everyone (no write permission at all:
    /// someone marked it so, such as a canvas as signed off, and that holds even for root) or
    /// for this user. Replacing goes by a new file and a rename, which the folder's permissions
    /// alone would allow, so without this check a read-only file would be quietly replaced.
    static func refuseReadOnly(_ path: String, _ status: stat) throws(WriteError) {
        if status.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
            throw WriteError(path: path, reason: "it is read-only; make it writable (chmod u+w) to change it, or write to another file")
        }
    }

    /// ``checkTarget(_:)`` for the file a person named for a command's results (`-o FILE`),
    /// which must also not be one of the files the command has read so far (``FilesRead``):
    /// call it once the inputs are read and before any work is kept.
    public static func checkOutput(_ path: String) throws(WriteError) {
        if path == "-" { return }
        if standardDescriptor(named: path) == nil, let input = FilesRead.readAs(path) {
            throw WriteError(path: path, reason: "it is the input file \(input), which would be replaced by what is read from it; choose another output file")
        }
        try checkTarget(path)
    }
}
