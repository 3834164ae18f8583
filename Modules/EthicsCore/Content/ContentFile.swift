/// One content file read on its own: parsed, refused when empty, and decoded strictly with every
/// problem collected. Every content loader starts here (``ContentPack`` for a plugin whose files
/// need only their own checks, and the glossary, codes, templates and flowcharts, which add rules
/// across files), so a file's problems read the same whichever plugin reads it.
public struct ContentFile<File: Decodable & Sendable>: Sendable {
    /// The decoded file; nil when the file could not be read, was empty or did not decode at all.
    /// A file with problems may still decode, with placeholders where values were wrong, so that a
    /// loader can run its other checks in the same pass.
    public var file: File?
    /// The file's root node, for positions in a loader's own checks.
    public var root: YAMLNode?
    /// Everything found while reading, in order.
    public var problems: [Diagnostic]

    /// Whether the file decoded without an error.
    public var isClean: Bool { file != nil && !problems.contains { $0.severity == .error } }

    /// Reads the file a configuration names; a file that cannot be read, or is empty, is
    /// reported at the line that names it. A path the configuration already refused (a
    /// placeholder) reads as nothing, with nothing more said: its problem is reported once.
    /// - Parameters:
    ///   - kind: what one file is, for messages ("code file").
    ///   - contents: what the file must hold, for the message when it is empty ("one code").
    public static func read(_ path: ContentPath, kind: String, holding contents: String, decoder: YAMLDecoder) -> ContentFile {
        if path.isPlaceholder { return ContentFile(problems: []) }
        var problems = DiagnosticCollector()
        guard let document = problems.collecting({ () throws(DiagnosticError) in try path.parseDocument(limits: decoder.limits) }) else {
            return ContentFile(problems: problems.diagnostics)
        }
        return decode(document, named: path.written, at: path.location, kind: kind, holding: contents, decoder: decoder)
    }

    /// Reads a file given by its path alone (on the command line, or by a test or a tool); its
    /// problems name the file itself.
    public static func read(file: String, kind: String, holding contents: String, decoder: YAMLDecoder) -> ContentFile {
        let document: YAMLDocument
        do {
            document = try YAMLParser.parse(file: file, limits: decoder.limits, source: .regularFile)
        } catch {
            return ContentFile(problems: error.diagnostics)
        }
        return decode(document, named: file, at: nil, kind: kind, holding: contents, decoder: decoder)
    }

    /// Decodes a parsed file; `location` is where a configuration names it (nil for a file given
    /// on the command line, whose messages then name the file itself).
    public static func decode(
        _ document: YAMLDocument, named name: String, at location: SourceLocation?, kind: String, holding contents: String,
        decoder: YAMLDecoder
    ) -> ContentFile {
        guard let root = document.root else {
            return ContentFile(problems: [
                .error("\(kind) '\(name)' is empty; it must hold \(contents)", at: location, file: document.file),
            ])
        }
        var problems = DiagnosticCollector()
        let file = decoder.decode(File.self, from: root, collectingInto: &problems)
        return ContentFile(file: file, root: root, problems: problems.diagnostics)
    }

    private init(file: File? = nil, root: YAMLNode? = nil, problems: [Diagnostic]) {
        self.file = file
        self.root = root
        self.problems = problems
    }
}
