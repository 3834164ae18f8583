#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and screens a text file a person wrote (YAML content, a spreadsheet's CSV) before any
/// parser sees it, so the common accidents (a file far too large, a binary file with the wrong
/// name, text in another encoding, stray control characters) get a message that says what
/// happened and where, rather than a parser's riddle or a register that no longer verifies.
public enum TextFile {
    /// What the messages call the file, and what they advise.
    public struct Format: Sendable {
        /// `YAML`, `CSV`.
        public var name: String
        /// `.yaml`: the name a binary file was probably given by mistake.
        public var fileExtension: String
        /// How to save the file as UTF-8, from the tool people use to write it.
        public var saveAsUTF8: String

        public init(name: String, fileExtension: String, saveAsUTF8: String) {
            self.name = name
            self.fileExtension = fileExtension
            self.saveAsUTF8 = saveAsUTF8
        }
    }

    /// What a path may name besides a regular file.
    public enum Source: Sendable {
        /// Only a regular file: the configuration, what it names, a decision log to import.
        /// Anything else is refused before it is opened, since opening a FIFO with no writer
        /// waits for ever and a device such as `/dev/zero` never ends.
        case regularFile
        /// A regular file, or a pipe or terminal a person named on the command line for a
        /// command to read once, such as `<(cat canvas.dec.json)`.
        case fileOrPipe
    }

    /// The file's bytes, refused before reading when it is over `maxSize` bytes, and screened.
    public static func read(_ path: String, as format: Format, maxSize: Int, source: Source = .fileOrPipe) throws(DiagnosticError) -> [UInt8] {
        var bytes = try bytes(of: path, as: format, maxSize: maxSize, source: source)
        try screen(&bytes, file: path, as: format)
        return bytes
    }

    /// The file's bytes exactly as they are on disk (to hash them, say), refused before reading
    /// when it is over `maxSize` bytes; not screened.
    public static func bytes(of path: String, as format: Format, maxSize: Int, source: Source = .fileOrPipe) throws(DiagnosticError) -> [UInt8] {
        var info = stat()
        if source == .regularFile, stat(path, &info) == 0 {
            try requireRegular(info, path: path, format: format)
        }
        // Non-blocking, so that a regular file swapped for a FIFO after the check above cannot
        // hang the open; pipes that may be read go back to blocking reads below.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (source == .regularFile ? O_NONBLOCK : 0))
        guard descriptor >= 0 else {
            throw .error("cannot read the file: \(String(cString: strerror(errno)).lowercased())", file: path)
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else {
            throw .error("cannot read the file: \(String(cString: strerror(errno)).lowercased())", file: path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .error("this is a folder, not a \(format.name) file", file: path)
        }
        if source == .regularFile {
            try requireRegular(info, path: path, format: format)
        }
        FilesRead.note(info, path: path)
        if Int(info.st_size) > maxSize {
            throw .error(
                "the file is \(megabytes(Int(info.st_size))), over the \(megabytes(maxSize)) limit for \(format.name) files",
                file: path)
        }
        // Read to the end rather than trusting the size: pipes and /proc files report 0, and a
        // file may grow while it is read. Stop one byte past the limit, which is enough to know.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(Int(info.st_size), 4096))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= maxSize {
            let wanted = min(chunk.count, maxSize + 1 - bytes.count)
            let got = chunk.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                Glibc.read(descriptor, buffer.baseAddress!, wanted)
                #else
                Darwin.read(descriptor, buffer.baseAddress!, wanted)
                #endif
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw .error("cannot read the file: \(String(cString: strerror(errno)).lowercased())", file: path)
            }
            bytes.append(contentsOf: chunk[..<got])
        }
        if bytes.count > maxSize {
            throw .error("the file is over the \(megabytes(maxSize)) limit for \(format.name) files", file: path)
        }
        return bytes
    }

    private static func requireRegular(_ info: stat, path: String, format: Format) throws(DiagnosticError) {
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFCHR: kind = "a device"
        case S_IFBLK: kind = "a block device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "a special file"
        }
        throw .error("this is \(kind), not a \(format.name) file; name a regular file (reading it could wait for ever or never end)", file: path)
    }

    /// Drops a UTF-8 byte-order mark (Windows editors and Excel write one) and refuses anything
    /// that is not UTF-8 text: other encodings, binary data, control characters other than tab
    /// and line breaks, malformed sequences.
    public static func screen(_ bytes: inout [UInt8], file: String, as format: Format) throws(DiagnosticError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                // An editor or a script added its own mark to a file that had one; the second
                // would be read as part of the first key, and reported lines later.
                throw .error(
                    "the file starts with two byte-order marks (U+FEFF); remove the second, or \(format.saveAsUTF8)",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
        } else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw .error("the file is saved as UTF-32; \(format.saveAsUTF8)", at: SourceLocation(file: file, line: 1, column: 1))
        } else if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw .error("the file is saved as UTF-16; \(format.saveAsUTF8)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        if let problem = firstProblem(in: bytes, format: format) {
            throw .error(problem.message, at: position(of: problem.offset, in: bytes, file: file))
        }
    }

    /// The first byte that makes this not UTF-8 text, with what is wrong with it.
    private static func firstProblem(in bytes: [UInt8], format: Format) -> (offset: Int, message: String)? {
        bytes.withUnsafeBufferPointer { b -> (Int, String)? in
            var i = 0
            let n = b.count
            while i < n {
                let byte = b[i]
                if byte < 0x80 {
                    if byte >= 0x20 && byte != 0x7F || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                        i += 1
                        continue
                    }
                    if byte == 0 {
                        return (i, "this does not look like a text file (it contains a NUL byte); is it a binary file saved with a \(format.fileExtension) name?")
                    }
                    return (i, "control character U+00\(hex(byte)) is not allowed in \(format.name)")
                }
                let length: Int
                let minimum: UInt32
                var scalar: UInt32
                switch byte {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
                default: return (i, "invalid UTF-8 byte 0x\(hex(byte)); \(format.saveAsUTF8)")
                }
                for k in 1..<length {
                    guard i + k < n else {
                        return (i, "the file ends in the middle of a UTF-8 character; \(format.saveAsUTF8)")
                    }
                    let next = b[i + k]
                    guard next & 0xC0 == 0x80 else {
                        return (i, "invalid UTF-8 sequence starting with byte 0x\(hex(byte)); \(format.saveAsUTF8)")
                    }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    return (i, "invalid UTF-8 sequence starting with byte 0x\(hex(byte)); \(format.saveAsUTF8)")
                }
                i += length
            }
            return nil
        }
    }

    /// Line and column (1-based, counting characters) of a byte offset. A line ends with LF,
    /// CRLF or a lone CR, as YAML and CSV both count them.
    public static func position(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// `32.0 MB`.
    public static func megabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / (1024 * 1024) * 10).rounded()
        return tenths < 1e15 ? "\(Int(tenths) / 10).\(Int(tenths) % 10) MB" : "\(Double(bytes) / (1024 * 1024)) MB"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
