/// The one way content files are read: parse the YAML at each configured path, refuse an empty
/// file, decode it strictly while collecting every problem, check what spans files (ids unique
/// across them, a file listed twice), and report all of it at once with positions.
///
/// A plugin describes its file as a `Decodable` type and adds the checks that are its own:
///
/// ```swift
/// let packs = try ContentPack<GuideFile>.load(settings.guides, kind: "guide file", holding: "one guide")
/// ```
public struct ContentPack<File: Decodable & Sendable>: Sendable {
    /// Where the file is, as the configuration named it.
    public var path: ContentPath
    public var file: File
    /// The file's root, for positions in the plugin's own checks.
    public var root: YAMLNode

    /// Reads every file in `paths`.
    /// - Parameters:
    ///   - kind: what one file is, for messages ("guide file", "code file").
    ///   - contents: what a file must hold, for the message when one is empty.
    ///   - ids: the ids each file defines with their positions, checked for uniqueness across
    ///     all the files; nil when the files define none.
    ///   - check: the plugin's own checks of one decoded file.
    public static func load(
        _ paths: [ContentPath], kind: String, holding contents: String, decoder: YAMLDecoder = YAMLDecoder(),
        ids: ((File, YAMLNode) -> [(id: String, location: SourceLocation)])? = nil,
        check: @escaping @Sendable (File, YAMLNode) -> [Diagnostic] = { _, _ in [] }
    ) throws(DiagnosticError) -> [ContentPack] {
        var problems = DiagnosticCollector()
        var packs: [ContentPack] = []
        let (distinct, repeats) = ContentPath.distinct(paths)
        problems.append(contentsOf: repeats)
        // Each file is read on its own, several at once; their problems are kept in file order.
        let readings = EachFile.map(distinct) { path in read(path, kind: kind, holding: contents, decoder: decoder, check: check) }
        for reading in readings {
            problems.append(contentsOf: reading.problems)
            if let pack = reading.pack { packs.append(pack) }
        }
        if let ids {
            var first: [String: SourceLocation] = [:]
            for pack in packs {
                for (id, location) in ids(pack.file, pack.root) {
                    if let earlier = first[id] {
                        problems.append(.error("'\(id)' is defined twice; it is already defined at \(earlier)", at: location))
                    } else {
                        first[id] = location
                    }
                }
            }
        }
        try problems.throwIfErrors()
        return packs
    }

    /// One file read and checked alone: the pack when it had no problems, and its problems.
    private static func read(
        _ path: ContentPath, kind: String, holding contents: String, decoder: YAMLDecoder, check: (File, YAMLNode) -> [Diagnostic]
    ) -> (pack: ContentPack?, problems: [Diagnostic]) {
        let reading = ContentFile<File>.read(path, kind: kind, holding: contents, decoder: decoder)
        guard reading.isClean, let file = reading.file, let root = reading.root else { return (nil, reading.problems) }
        let own = check(file, root)
        return (own.isEmpty ? ContentPack(path: path, file: file, root: root) : nil, reading.problems + own)
    }
}
