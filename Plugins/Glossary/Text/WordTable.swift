/// A hash table from ``WordHash`` values to small numbers, for the indexes' hottest lookups.
///
/// The keys are already 64-bit hashes, so instead of hashing them again with a seeded hasher as
/// `Dictionary` must, the table spreads them with one multiplication (Fibonacci hashing: the
/// top bits of the key times 2⁶⁴/φ pick the slot, since FNV's own low bits are poorly mixed),
/// then probes linearly in a table kept at most half full. A key and its value share one
/// sixteen-byte slot, so a probe costs one cache line; building the indexes makes millions.
struct WordTable: Sendable {
    private struct Slot: Sendable {
        var key: UInt64
        /// The value, or -1 for an empty slot (values are never negative).
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    /// 64 minus the number of bits in a slot number.
    private var shift: UInt64
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    @inline(__always)
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(key: UInt64) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            var slot = home(of: key)
            while slots[slot].value >= 0 {
                if slots[slot].key == key { return slots[slot].value }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Sets the value for `key`, replacing any.
    /// - Precondition: `value` is not negative.
    mutating func set(_ value: Int32, for key: UInt64) {
        precondition(value >= 0, "a word table holds only non-negative values")
        var slot = home(of: key)
        while slots[slot].value >= 0 {
            if slots[slot].key == key {
                slots[slot].value = value
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, value: value)
        count += 1
        if count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        let capacity = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: capacity)
        mask = capacity - 1
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        count = 0
        for slot in old where slot.value >= 0 {
            set(slot.value, for: slot.key)
        }
    }
}
