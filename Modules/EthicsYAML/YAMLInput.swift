#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EthicsDiagnostics

/// Reads and screens a YAML file's bytes before libyaml sees them, so the common accidents (a
/// file far too large, a Word document or image saved with a .yaml name, text in the wrong
/// encoding) get a message that says what happened and where, rather than a parser's riddle.
enum YAMLInput {
    /// The file's bytes, refused before reading when it is over the size limit.
    static func read(file path: String, limits: YAMLLimits) throws(DiagnosticError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .error("cannot read the file: \(String(cString: strerror(errno)).lowercased())", file: path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw .error("cannot read the file: \(String(cString: strerror(errno)).lowercased())", file: path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .error("this is a folder, not a YAML file", file: path)
        }
        if Int(info.st_size) > limits.maxFileSize {
            throw .error(
                "the file is \(megabytes(Int(info.st_size))), over the \(megabytes(limits.maxFileSize)) limit for YAML files",
                file: path)
        }
        // Read to the end rather than trusting the size: pipes and /proc files report 0, and a
        // file may grow while it is read. Stop one byte past the limit, which is enough to know.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(Int(info.st_size), 4096))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limits.maxFileSize {
            let wanted = min(chunk.count, limits.maxFileSize + 1 - bytes.count)
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, wanted) }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw .error("cannot read the file: \(String(cString: strerror(errno)).lowercased())", file: path)
            }
            bytes.append(contentsOf: chunk[..<got])
        }
        if bytes.count > limits.maxFileSize {
            throw .error("the file is over the \(megabytes(limits.maxFileSize)) limit for YAML files", file: path)
        }
        try screen(&bytes, file: path)
        return bytes
    }

    /// Drops a UTF-8 byte-order mark (Windows editors write one) and refuses anything that is not
    /// UTF-8 text: other encodings, binary data, control characters, malformed sequences.
    static func screen(_ bytes: inout [UInt8], file: String) throws(DiagnosticError) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw .error("the file is saved as UTF-32; save it as UTF-8", at: SourceLocation(file: file, line: 1, column: 1))
        } else if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw .error("the file is saved as UTF-16; save it as UTF-8", at: SourceLocation(file: file, line: 1, column: 1))
        }
        if let problem = firstProblem(in: bytes) {
            let location = position(of: problem.offset, in: bytes, file: file)
            throw .error(problem.message, at: location)
        }
    }

    /// The first byte that makes this not a UTF-8 YAML text, with what is wrong with it.
    private static func firstProblem(in bytes: [UInt8]) -> (offset: Int, message: String)? {
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
                        return (i, "this does not look like a text file (it contains a NUL byte); is it a binary file saved with a .yaml name?")
                    }
                    return (i, "control character U+00\(hex(byte)) is not allowed in YAML")
                }
                let length: Int
                let minimum: UInt32
                var scalar: UInt32
                switch byte {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
                default: return (i, "invalid UTF-8 byte 0x\(hex(byte)); save the file as UTF-8")
                }
                for k in 1..<length {
                    guard i + k < n else {
                        return (i, "the file ends in the middle of a UTF-8 character; save the file as UTF-8")
                    }
                    let next = b[i + k]
                    guard next & 0xC0 == 0x80 else {
                        return (i, "invalid UTF-8 sequence starting with byte 0x\(hex(byte)); save the file as UTF-8")
                    }
                    scalar = scalar << 6 | UInt32(next & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                    return (i, "invalid UTF-8 sequence starting with byte 0x\(hex(byte)); save the file as UTF-8")
                }
                i += length
            }
            return nil
        }
    }

    /// Line and column (1-based, counting characters) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / (1024 * 1024) * 10).rounded()
        return tenths < 1e15 ? "\(Int(tenths) / 10).\(Int(tenths) % 10) MB" : "\(Double(bytes) / (1024 * 1024)) MB"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
