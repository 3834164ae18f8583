/// FNV-1a, 64 bits: the hash the word indexes key on.
///
/// Swift's own hashing is seeded per process and costs more per byte; the indexes hash tens of
/// millions of bytes while they are built, and a word's hash is computed while it is scanned,
/// byte by byte, without first building a String. Two words with the same hash are told apart
/// wherever it matters by comparing their bytes.
struct WordHash: Hashable, Sendable {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    @inline(__always)
    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(byte) }
    }

    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = WordHash()
        hash.combine(bytes)
        return hash.value
    }
}
