import CYAML
public import EthicsDiagnostics

/// Reads YAML through the distribution's libyaml into a `YAMLDocument`.
///
/// libyaml does the scanning (it is fast and has been fuzzed for years); this type turns its
/// events into the compact node store, and adds what libyaml leaves to its callers: a single
/// document per file, scalar keys without duplicates, known tags only, bounded nesting, aliases
/// that may not expand past a bound, and messages a council officer can act on.
public enum YAMLParser {
    /// Parses one file. An empty file (or one holding only comments) gives a document whose
    /// `root` is nil; callers that need content report that themselves.
    /// `source` says whether a pipe may stand for the file (see `TextFile.Source`).
    public static func parse(file path: String, limits: YAMLLimits = .default, source: TextFile.Source = .fileOrPipe) throws(DiagnosticError) -> YAMLDocument {
        let bytes = try TextFile.read(path, as: .yaml, maxSize: limits.maxFileSize, source: source)
        return try parse(screened: bytes, file: path, limits: limits)
    }

    /// Parses YAML text held in memory; `file` names it in messages.
    public static func parse(_ text: String, file: String = "<input>", limits: YAMLLimits = .default) throws(DiagnosticError) -> YAMLDocument {
        try parse(bytes: Array(text.utf8), file: file, limits: limits)
    }

    /// Parses raw bytes (screened first, exactly as a file would be).
    public static func parse(bytes: [UInt8], file: String = "<input>", limits: YAMLLimits = .default) throws(DiagnosticError) -> YAMLDocument {
        if bytes.count > limits.maxFileSize {
            throw .error("the input is \(TextFile.megabytes(bytes.count)), over the \(TextFile.megabytes(limits.maxFileSize)) limit for YAML files", file: file)
        }
        var bytes = bytes
        try TextFile.screen(&bytes, file: file, as: .yaml)
        return try parse(screened: bytes, file: file, limits: limits)
    }

    static func parse(screened bytes: [UInt8], file: String, limits: YAMLLimits) throws(DiagnosticError) -> YAMLDocument {
        var builder = EventBuilder(file: file, limits: limits, estimatedSize: bytes.count)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            throw .error("the YAML parser could not start (out of memory)", file: file)
        }
        defer { yaml_parser_delete(&parser) }
        let result: Result<Void, DiagnosticError> = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) != 0 else {
                    return .failure(LibYAMLProblem(parser: parser, bytes: buffer, file: file).error)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return .success(()) }
                do throws(DiagnosticError) {
                    try builder.handle(event)
                } catch {
                    return .failure(error)
                }
            }
        }
        try result.get()
        return builder.finish()
    }
}

/// Turns libyaml events into the node store, checking each rule as the events arrive so a bad
/// file is refused at the first sign (an alias bomb at its first oversized alias, a deep nest at
/// the first level too many) without building anything more.
private struct EventBuilder {
    private struct Frame {
        var node: Int32
        var scratchStart: Int
        /// What this collection stands for with every alias inside it counted as expanded.
        var size: Expansion
        var anchor: String?
    }

    /// What a node stands for when its aliases are counted as expanded: nodes, scalar bytes, and
    /// levels of nesting. Aliases are never copied, but whatever walks the document later (the
    /// decoder, a configuration merge) pays for the expanded size, so that is what is bounded.
    private struct Expansion {
        var nodes: Int
        var bytes: Int
        var depth: Int

        static func scalar(bytes: Int) -> Expansion { Expansion(nodes: 1, bytes: bytes, depth: 0) }
        static let emptyCollection = Expansion(nodes: 1, bytes: 0, depth: 1)

        mutating func add(_ child: Expansion) {
            nodes += child.nodes
            bytes += child.bytes
            depth = max(depth, child.depth + 1)
        }
    }

    private let file: String
    private let limits: YAMLLimits
    private var nodes: [RawNode] = []
    private var children: [Int32] = []
    private var bytes: [UInt8] = []
    /// Children of the collections still open, innermost last; moved to `children` on close.
    private var scratch: [Int32] = []
    private var frames: [Frame] = []
    private var anchors: [String: (node: Int32, size: Expansion)] = [:]
    private var aliasNodes = 0
    private var aliasBytes = 0
    private var documents = 0
    private var root: Int32?

    init(file: String, limits: YAMLLimits, estimatedSize: Int) {
        self.file = file
        self.limits = limits
        bytes.reserveCapacity(estimatedSize)
        nodes.reserveCapacity(estimatedSize / 16)
        children.reserveCapacity(estimatedSize / 16)
    }

    func finish() -> YAMLDocument {
        YAMLDocument(files: [file], nodes: nodes, children: children, bytes: bytes, rootIndex: root)
    }

    mutating func handle(_ event: yaml_event_t) throws(DiagnosticError) {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw .error(
                    "a second YAML document starts here, but this file must hold exactly one; remove the '---' line or move the rest into its own file",
                    at: location(event.start_mark))
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let tag = try tag(scalar.tag, at: event.start_mark)
            try checkScalar(tag: tag, UnsafeBufferPointer(start: scalar.value, count: scalar.length), mark: event.start_mark)
            let start = bytes.count
            if scalar.length > 0, let value = scalar.value {
                bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: scalar.length))
            }
            let index = appendNode(.scalar, style: style(scalar.style), tag: tag, mark: event.start_mark,
                                   start: start, count: scalar.length)
            let size = Expansion.scalar(bytes: scalar.length)
            register(anchor: scalar.anchor, node: index, size: size)
            addChild(index, size: size)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            let tag = try tag(data.tag, at: event.start_mark)
            try checkCollection(tag: tag, kind: .sequence, mark: event.start_mark)
            try open(.sequence, tag: tag, anchor: data.anchor, mark: event.start_mark)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            let tag = try tag(data.tag, at: event.start_mark)
            try checkCollection(tag: tag, kind: .mapping, mark: event.start_mark)
            try open(.mapping, tag: tag, anchor: data.anchor, mark: event.start_mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try close()
        case YAML_ALIAS_EVENT:
            try alias(String(cString: event.data.alias.anchor), mark: event.start_mark)
        default:
            break
        }
    }

    private mutating func open(_ kind: YAMLNode.Kind, tag: YAMLTag, anchor: UnsafeMutablePointer<UInt8>?, mark: yaml_mark_t) throws(DiagnosticError) {
        if frames.count >= limits.maxDepth {
            throw .error("the document nests lists and mappings more than \(limits.maxDepth) levels deep", at: location(mark))
        }
        let index = appendNode(kind, style: .plain, tag: tag, mark: mark, start: 0, count: 0)
        frames.append(Frame(node: index, scratchStart: scratch.count, size: .emptyCollection,
                            anchor: anchor.map { String(cString: $0) }))
    }

    private mutating func close() throws(DiagnosticError) {
        let frame = frames.removeLast()
        let start = children.count
        children.append(contentsOf: scratch[frame.scratchStart...])
        scratch.removeSubrange(frame.scratchStart...)
        nodes[Int(frame.node)].start = UInt32(start)
        nodes[Int(frame.node)].count = UInt32(children.count - start)
        if nodes[Int(frame.node)].kind == .mapping {
            try checkKeys(children[start...])
        }
        if let anchor = frame.anchor {
            anchors[anchor] = (frame.node, frame.size)
        }
        addChild(frame.node, size: frame.size)
    }

    private mutating func alias(_ name: String, mark: yaml_mark_t) throws(DiagnosticError) {
        guard let target = anchors[name] else {
            if frames.contains(where: { $0.anchor == name }) {
                throw .error("alias '*\(name)' refers to a list or mapping that contains it; recursive structures are not supported", at: location(mark))
            }
            throw .error(
                "alias '*\(name)' has no anchor '&\(name)' before it",
                at: location(mark), suggestion: Suggestion.didYouMean(name, among: anchors.keys.sorted()))
        }
        aliasNodes += target.size.nodes
        aliasBytes += target.size.bytes
        if aliasNodes > limits.maxAliasExpansion || aliasBytes > limits.maxAliasExpansionBytes {
            throw .error(
                "aliases in this file would expand to more than \(limits.maxAliasExpansion) nodes or \(TextFile.megabytes(limits.maxAliasExpansionBytes)) of text; refusing to expand them (this looks like an alias bomb)",
                at: location(mark))
        }
        if frames.count + target.size.depth > limits.maxDepth {
            throw .error("alias '*\(name)' would nest the document more than \(limits.maxDepth) levels deep", at: location(mark))
        }
        addChild(target.node, size: target.size)
    }

    private mutating func register(anchor: UnsafeMutablePointer<UInt8>?, node: Int32, size: Expansion) {
        guard let anchor else { return }
        anchors[String(cString: anchor)] = (node, size)
    }

    private mutating func addChild(_ index: Int32, size: Expansion) {
        if frames.isEmpty {
            root = index
        } else {
            scratch.append(index)
            frames[frames.count - 1].size.add(size)
        }
    }

    private mutating func appendNode(_ kind: YAMLNode.Kind, style: YAMLScalarStyle, tag: YAMLTag, mark: yaml_mark_t, start: Int, count: Int) -> Int32 {
        nodes.append(RawNode(
            kind: kind, style: style, tag: tag, file: 0,
            line: UInt32(truncatingIfNeeded: mark.line + 1), column: UInt32(truncatingIfNeeded: mark.column + 1),
            start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: count)))
        return Int32(nodes.count - 1)
    }

    /// Keys must be scalars (configuration keys are names) and appear once per mapping. Keys are
    /// compared by the value the core schema gives them, not by their text: `1` and `01`, `null`
    /// and `~`, `0x1F` and `31` are each one key written two ways (YAML 1.2, section 3.2.1.1).
    private func checkKeys(_ pairs: ArraySlice<Int32>) throws(DiagnosticError) {
        let keys = stride(from: pairs.startIndex, to: pairs.endIndex, by: 2).map { pairs[$0] }
        for key in keys where nodes[Int(key)].kind != .scalar {
            throw .error("a mapping key must be a single value, not \(nodes[Int(key)].kind.userDescription)", at: location(of: key))
        }
        var seen: [String: Int32] = [:]
        seen.reserveCapacity(keys.count)
        for key in keys {
            let value = canonicalValue(of: key)
            if let earlier = seen[value] { throw duplicate(key, first: earlier) }
            seen[value] = key
        }
    }

    private func duplicate(_ key: Int32, first: Int32) -> DiagnosticError {
        let earlier = nodes[Int(first)]
        let (written, before) = (text(of: key), text(of: first))
        let same = written == before ? "" : ", written there as '\(before)', which is the same value"
        return .error("duplicate key '\(written)' (first given at line \(earlier.line), column \(earlier.column)\(same))", at: location(of: key))
    }

    /// The key's value as the core schema reads it, as text with its type in front, so that
    /// equal values written differently meet in one dictionary slot and a string never meets a
    /// number (`"1"` and `1` stay two keys).
    private func canonicalValue(of index: Int32) -> String {
        let raw = nodes[Int(index)]
        return bytes.withUnsafeBufferPointer { all -> String in
            let scalar = UnsafeBufferPointer(rebasing: all[Int(raw.start)..<Int(raw.start + raw.count)])
            switch CoreSchema.resolve(scalar, style: raw.style, tag: raw.tag) {
            case .null: return "n"
            case .bool(let value): return value ? "b1" : "b0"
            case .int(let value): return "i\(value)"
            case .float(let value): return value.isNaN ? "fnan" : "f\(value == 0 ? 0 : value)"
            case .string(let text): return "s" + text
            }
        }
    }

    private func text(of index: Int32) -> String {
        let raw = nodes[Int(index)]
        return String(decoding: bytes[Int(raw.start)..<Int(raw.start + raw.count)], as: UTF8.self)
    }

    private func tag(_ pointer: UnsafeMutablePointer<UInt8>?, at mark: yaml_mark_t) throws(DiagnosticError) -> YAMLTag {
        guard let pointer else { return .none }
        let text = String(cString: pointer)
        guard let tag = YAMLTag(libyamlTag: text) else {
            let shown = text.hasPrefix("tag:yaml.org,2002:") ? "!!" + text.dropFirst("tag:yaml.org,2002:".count) : text
            throw .error("unsupported tag '\(shown)'; only the YAML core tags (!!str, !!int, !!float, !!bool, !!null) are understood", at: location(mark))
        }
        return tag
    }

    /// An explicit core tag must fit what it tags: `!!int abc` is an error here, where it was
    /// written, rather than a puzzling message wherever the value is used.
    private func checkScalar(tag: YAMLTag, _ bytes: UnsafeBufferPointer<UInt8>, mark: yaml_mark_t) throws(DiagnosticError) {
        let expected: CoreSchema.Kind
        switch tag {
        case .int: expected = .int
        case .float: expected = .float
        case .bool: expected = .bool
        case .null: expected = .null
        case .seq, .map:
            throw .error("the tag '!!\(tag == .seq ? "seq" : "map")' is on a single value", at: location(mark))
        case .none, .nonSpecific, .str: return
        }
        let actual = CoreSchema.kind(bytes, style: .plain, tag: .none)
        let fits = actual == expected || (expected == .float && actual == .int)
        if !fits || (expected == .int && CoreSchema.int(bytes) == nil) {
            let text = String(decoding: bytes, as: UTF8.self)
            throw .error("'\(text)' is not a valid \(expected == .int ? "!!int" : expected == .float ? "!!float" : expected == .bool ? "!!bool" : "!!null")", at: location(mark))
        }
    }

    private func checkCollection(tag: YAMLTag, kind: YAMLNode.Kind, mark: yaml_mark_t) throws(DiagnosticError) {
        switch (tag, kind) {
        case (.none, _), (.nonSpecific, _), (.seq, .sequence), (.map, .mapping): return
        default: throw .error("this tag does not fit \(kind.userDescription)", at: location(mark))
        }
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    private func location(of index: Int32) -> SourceLocation {
        let raw = nodes[Int(index)]
        return SourceLocation(file: file, line: Int(raw.line), column: Int(raw.column))
    }
}
