/// Reads a sequence's items in order.
struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    /// Empty when the node is absent or not a sequence (already reported).
    let elements: ArraySlice<Int32>
    let path: CodingPathLink?
    private(set) var currentIndex = 0

    init(decoder: NodeDecoder, elements: ArraySlice<Int32>, path: CodingPathLink?) {
        self.decoder = decoder
        self.elements = elements
        self.path = path
    }

    var codingPath: [any CodingKey] { CodingPathLink.keys(path) }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        if YAMLNode(document: decoder.run.document, index: elements[elements.startIndex + currentIndex]).isNull {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try nextDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        nextDecoder()
    }

    // MARK: -

    private mutating func next<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else {
            if let node = decoder.node, !elements.isEmpty {
                decoder.run.report("the list has too few items (\(elements.count))", at: node, path: path)
            }
            return try decoder.run.placeholder(T.self)
        }
        let node = elements[elements.startIndex + currentIndex]
        let key = IndexKey(currentIndex)
        currentIndex += 1
        return try decoder.run.decode(T.self, node: node, path: path, key: key)
    }

    private mutating func nextDecoder() -> NodeDecoder {
        let node = isAtEnd ? nil : elements[elements.startIndex + currentIndex]
        let link = CodingPathLink(parent: path, key: IndexKey(currentIndex))
        currentIndex += 1
        return decoder.part(node: node, path: link)
    }
}
