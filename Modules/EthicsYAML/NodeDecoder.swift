import EthicsDiagnostics

/// The `Decoder` handed to a type's `init(from:)` for one node.
///
/// A decoder whose `node` is nil stands in for a value that is missing or unusable: it reports
/// nothing and answers every request with an empty or zero value, so a placeholder can be built
/// and decoding of the rest of the file can go on.
final class NodeDecoder: Decoder {
    let run: DecodingRun
    let node: Int32?
    let path: CodingPathLink?
    /// The decoder of the value this one is part of (for a nested container or super decoder),
    /// which collects key usage for all of them; nil when this decoder is its own owner.
    private let owner: NodeDecoder?
    /// Key usage of every mapping read while decoding this value, one record per mapping node,
    /// wherever and however often it is opened (a nested container, a type that reads the same
    /// mapping as two types); checked once the value is decoded. Kept only as long as the value
    /// takes to decode, so a large document never holds them all at once.
    private var usages: [(node: Int32, usage: KeyUsage, path: CodingPathLink?)] = []

    init(run: DecodingRun, node: Int32?, path: CodingPathLink?, owner: NodeDecoder?) {
        self.run = run
        self.node = node
        self.path = path
        self.owner = owner
    }

    /// A decoder for a part of this value (a nested container's node) that shares its key usage.
    func part(node: Int32?, path: CodingPathLink?) -> NodeDecoder {
        NodeDecoder(run: run, node: node, path: path, owner: owner ?? self)
    }

    /// Reports each key of the mappings read for this value that nothing asked for.
    func reportUnusedKeys() {
        for (_, usage, path) in usages {
            usage.reportUnused(run: run, path: path)
        }
        usages = []
    }

    private func usage(forMapping node: Int32, path: CodingPathLink?) -> KeyUsage {
        if let owner { return owner.usage(forMapping: node, path: path) }
        if let known = usages.first(where: { $0.node == node }) { return known.usage }
        let raw = run.document.nodes[Int(node)]
        let usage = KeyUsage(document: run.document, pairs: run.document.children[Int(raw.start)..<Int(raw.start + raw.count)])
        usages.append((node, usage, path))
        return usage
    }

    var codingPath: [any CodingKey] { CodingPathLink.keys(path) }
    var userInfo: [CodingUserInfoKey: Any] { run.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, mapping: mapping(), path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedContainer(decoder: self, elements: sequence(), path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }

    /// The mapping's key usage tracker, or nil (after reporting) when the node is not a mapping.
    private func mapping() -> KeyUsage? {
        guard let node else { return nil }
        let raw = run.document.nodes[Int(node)]
        guard raw.kind == .mapping else {
            mismatch(expected: YAMLNode.Kind.mapping, node: node, raw: raw)
            return nil
        }
        return usage(forMapping: node, path: path)
    }

    private func sequence() -> ArraySlice<Int32> {
        guard let node else { return [] }
        let raw = run.document.nodes[Int(node)]
        guard raw.kind == .sequence else {
            mismatch(expected: YAMLNode.Kind.sequence, node: node, raw: raw)
            return []
        }
        return run.document.children[Int(raw.start)..<Int(raw.start + raw.count)]
    }

    private func mismatch(expected: YAMLNode.Kind, node: Int32, raw: RawNode) {
        let isNull = raw.kind == .scalar && YAMLNode(document: run.document, index: node).isNull
        if isNull {
            let empty = expected == .sequence ? "[]" : "{}"
            run.report("expected \(expected.userDescription), but the value is empty", at: node, path: path,
                       suggestion: "write \(empty) for an empty one")
        } else {
            run.report("expected \(expected.userDescription), found \(raw.kind.userDescription)", at: node, path: path)
        }
    }
}

extension YAMLNode: Decodable {
    /// A node can be decoded as itself, to keep part of a document for later (a plugin's
    /// settings section, decoded by the plugin once it is known).
    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? NodeDecoder, let node = decoder.node else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "a YAML node can only be decoded by YAMLDecoder"))
        }
        self.init(document: decoder.run.document, index: node)
    }
}
