/// Reads a mapping's values by key. A missing required key is reported at the mapping and a
/// placeholder returned, so the type's remaining keys are still checked.
struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    /// Nil when the node is absent or not a mapping (already reported): every key is then missing.
    let mapping: KeyUsage?
    let path: CodingPathLink?

    var codingPath: [any CodingKey] { CodingPathLink.keys(path) }

    var allKeys: [Key] {
        guard let mapping else { return [] }
        mapping.markAllUsed()
        return (0..<mapping.count).compactMap { Key(stringValue: mapping.keyText(at: $0)) }
    }

    func contains(_ key: Key) -> Bool {
        mapping?.find(key.stringValue) != nil
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let node = valueNode(for: key) else { return true }
        return YAMLNode(document: decoder.run.document, index: node).isNull
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(type, forKey: key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(type, forKey: key)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try valueIfPresent(type, forKey: key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try valueIfPresent(type, forKey: key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try valueIfPresent(type, forKey: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try childDecoder(forKey: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try childDecoder(forKey: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        decoder.part(node: mapping == nil ? nil : lookUp(SuperKey().stringValue), path: CodingPathLink(parent: path, key: SuperKey()))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        childDecoder(forKey: key)
    }

    // MARK: -

    /// The value node for `key`; nil when the key is absent (reported only by callers that need it).
    private func valueNode(for key: Key) -> Int32? {
        lookUp(key.stringValue)
    }

    private func lookUp(_ key: String) -> Int32? {
        guard let mapping, let pair = mapping.find(key) else { return nil }
        return mapping.valueNode(at: pair)
    }

    private func value<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let run = decoder.run
        guard let node = valueNode(for: key) else {
            if let mappingNode = decoder.node, mapping != nil {
                run.report("missing required key '\(key.stringValue)'", at: mappingNode, path: path)
            }
            return try run.placeholder(T.self)
        }
        return try run.decode(T.self, node: node, path: path, key: key)
    }

    private func valueIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = valueNode(for: key),
              !YAMLNode(document: decoder.run.document, index: node).isNull else { return nil }
        return try decoder.run.decode(T.self, node: node, path: path, key: key)
    }

    private func childDecoder(forKey key: Key) -> NodeDecoder {
        let node = valueNode(for: key)
        if node == nil, let mappingNode = decoder.node, mapping != nil {
            decoder.run.report("missing required key '\(key.stringValue)'", at: mappingNode, path: path)
        }
        return decoder.part(node: node, path: CodingPathLink(parent: path, key: key))
    }
}
