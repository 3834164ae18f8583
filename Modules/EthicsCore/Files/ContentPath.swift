public import EthicsDiagnostics
public import EthicsYAML
#if canImport(Glibc)
import Glibc
#endif

/// A path written in a configuration file, resolved against the folder of the file that wrote
/// it and confined to that configuration's tree.
///
/// Decoding needs the tree: the config loader passes it in the decoder's `userInfo` under
/// `ContentPath.treeKey` (each file mapped to the folder its paths may not leave). A path that
/// climbs out (`../../etc/passwd`), or an absolute path elsewhere, is an error at its position.
public struct ContentPath: Decodable, Sendable, Hashable, CustomStringConvertible, YAMLPlaceholderProviding {
    /// The absolute, normalised path.
    public let path: String
    /// What the user wrote, for messages.
    public let written: String
    /// Where it was written.
    public let location: SourceLocation

    public static let treeKey = CodingUserInfoKey(rawValue: "ethics.configuration-tree")!

    /// Maps each configuration file to the folder its paths must stay within.
    public struct Tree: Sendable {
        public var roots: [String: String]
        public init(roots: [String: String]) { self.roots = roots }
    }

    public init(from decoder: any Decoder) throws {
        let node = try YAMLNode(from: decoder)
        guard let text = node.text, !node.isNull, !text.isEmpty else {
            throw DiagnosticError.error("expected a file path", at: node.location, keyPath: Self.keyPath(decoder))
        }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            // A NUL would cut the path short at the system call, and other control characters
            // are never part of a real file name: refuse rather than open something else.
            throw DiagnosticError.error(
                "a file path cannot contain control characters (such as \\0 or a line break)",
                at: node.location, keyPath: Self.keyPath(decoder))
        }
        let file = node.location.file
        let resolved = Self.resolve(text, relativeTo: Self.directory(of: file))
        if let tree = decoder.userInfo[Self.treeKey] as? Tree, let root = tree.roots[file],
           !Self.isWithin(resolved, root: root) || !Self.isPhysicallyWithin(resolved, root: root) {
            throw DiagnosticError.error(
                "the path '\(text)' leads outside the configuration's folder \(root); keep content files inside it",
                at: node.location, keyPath: Self.keyPath(decoder))
        }
        path = resolved
        written = text
        location = node.location
    }

    public init(path: String, written: String, location: SourceLocation) {
        self.path = path
        self.written = written
        self.location = location
    }

    public var description: String { path }

    /// Stands in for a path reported as invalid, so the rest of the configuration is still checked.
    public static var yamlPlaceholder: ContentPath {
        ContentPath(path: "", written: "", location: .unknown)
    }

    /// Whether this is ``yamlPlaceholder``: a path already reported where it was written, so
    /// there is no file to read and nothing more to say about it (a real path is absolute).
    public var isPlaceholder: Bool { path.isEmpty }

    /// Parses the YAML file this path names. A problem with the file as a whole (missing,
    /// unreadable, too large) is reported at the line that names it, where the fix belongs.
    public func parseDocument(limits: YAMLLimits = .default) throws(DiagnosticError) -> YAMLDocument {
        do {
            return try YAMLParser.parse(file: path, limits: limits, source: .regularFile)
        } catch {
            throw DiagnosticError(error.diagnostics.map { diagnostic in
                guard diagnostic.location == nil else { return diagnostic }
                return .error("cannot use '\(written)': \(diagnostic.message)", at: location)
            })
        }
    }

    /// A setting's list of content files, each file at most once.
    ///
    /// A council's `files+:` appends to the default's list, so naming a shipped file again is an
    /// easy slip; loading it twice would report every id in it as defined twice, at the very
    /// place it was first defined. The second mention is refused instead, where it was written.
    /// - Parameter keyPath: the setting, as messages name it (`plugins.glossary.files`).
    public static func list<Key: CodingKey>(
        in container: KeyedDecodingContainer<Key>, forKey key: Key, keyPath: String
    ) throws -> [ContentPath] {
        let files = try container.decode([ContentPath].self, forKey: key)
        if let repeated = distinct(files, keyPath: keyPath).repeats.first { throw DiagnosticError([repeated]) }
        return files
    }

    /// `paths` without the ones that name a file already named, and a problem at each of those.
    public static func distinct(_ paths: [ContentPath], keyPath: String? = nil) -> (paths: [ContentPath], repeats: [Diagnostic]) {
        var seen: [String: ContentPath] = [:]
        var distinct: [ContentPath] = []
        var repeats: [Diagnostic] = []
        for path in paths {
            if let first = seen[path.path] {
                repeats.append(.error(
                    "'\(path.written)' is listed twice; it is already loaded from \(first.location)", at: path.location, keyPath: keyPath))
            } else {
                seen[path.path] = path
                distinct.append(path)
            }
        }
        return (distinct, repeats)
    }

    // MARK: Path arithmetic (lexical, POSIX)

    public static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return currentDirectory() }
        let directory = String(file[..<slash])
        return directory.isEmpty ? "/" : resolve(directory, relativeTo: currentDirectory())
    }

    /// The folder to write a file made from the input at `path`: the input's own folder, or the
    /// current folder when the input is a pipe (`/dev/fd/63` from `<(…)`), whose folder is the
    /// process's descriptor table and cannot hold files.
    public static func folderBeside(_ path: String) -> String {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            return currentDirectory()
        }
        return directory(of: path)
    }

    /// `path` made absolute against `base`, with `.` and `..` folded away.
    public static func resolve(_ path: String, relativeTo base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        // Appended one by one: `joined(separator:)` over substrings looks up conformances at
        // run time the first time it is called, which every command paid at start-up.
        var resolved = ""
        for part in parts {
            resolved.append("/")
            resolved.append(contentsOf: part)
        }
        return resolved.isEmpty ? "/" : resolved
    }

    public static func isWithin(_ path: String, root: String) -> Bool {
        let root = root.hasSuffix("/") ? String(root.dropLast()) : root
        return path == root || path.hasPrefix(root + "/") || root.isEmpty
    }

    /// `isWithin` after symbolic links are followed, so a link inside the tree that points out
    /// of it does not let a path escape. Paths that do not exist yet are judged by their deepest
    /// existing folder.
    public static func isPhysicallyWithin(_ path: String, root: String) -> Bool {
        var probe = path
        while access(probe, F_OK) != 0, probe != "/" {
            probe = directory(of: probe)
        }
        guard let realProbe = realPath(probe), let realRoot = realPath(root) else { return isWithin(path, root: root) }
        return isWithin(realProbe, root: realRoot)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func keyPath(_ decoder: any Decoder) -> String {
        YAMLDecoder.keyPath(decoder.codingPath)
    }
}
