/// A 16-byte NetBIOS name: 15 name bytes (upper case, space padded) and a suffix byte.
///
/// Stored inline (two words) so decoding a datagram's names allocates nothing.
public struct NetBIOSName: Sendable, Hashable, CustomStringConvertible {
    /// Bytes 0...7 and 8...15, most significant byte first.
    private var high: UInt64
    private var low: UInt64

    /// The 16 raw bytes, suffix last; nil for any other count.
    public init?(rawBytes: some Collection<UInt8>) {
        guard rawBytes.count == 16 else { return nil }
        high = 0
        low = 0
        for (index, byte) in rawBytes.enumerated() { self[index] = byte }
    }

    /// Builds a name from text (ASCII-upper-cased, cut to 15 bytes, padded with spaces) and a suffix,
    /// e.g. `NetBIOSName("alice", suffix: 0x00)`. The wildcard `*` is padded with NULs.
    public init(_ name: String, suffix: UInt8) {
        high = 0
        low = 0
        let bytes = Array(name.utf8.prefix(15))
        let pad: UInt8 = name == "*" ? 0x00 : 0x20
        for index in 0..<15 {
            let byte = index < bytes.count ? bytes[index] : pad
            self[index] = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
        }
        self[15] = suffix
    }

    public subscript(index: Int) -> UInt8 {
        get {
            let word = index < 8 ? high : low
            return UInt8(truncatingIfNeeded: word >> UInt64((7 - index & 7) * 8))
        }
        set {
            let shift = UInt64((7 - index & 7) * 8)
            let mask = ~(UInt64(0xFF) << shift)
            let bits = UInt64(newValue) << shift
            if index < 8 { high = high & mask | bits } else { low = low & mask | bits }
        }
    }

    /// `\x01\x02__MSBROWSE__\x02<01>`: the group of every domain's master browser.
    public static let msBrowse = NetBIOSName(rawBytes: Array("\u{01}\u{02}__MSBROWSE__\u{02}\u{01}".utf8))!

    /// The 15 name bytes with trailing spaces (and the wildcard's NULs) removed, other bytes
    /// outside printable ASCII as `<xx>`, as `nbtstat` prints names.
    public var name: String {
        var end = 15
        while end > 0 && (self[end - 1] == 0x20 || self[end - 1] == 0) { end -= 1 }
        var text = ""
        for index in 0..<end { text += Self.render(self[index]) }
        return text
    }

    /// The 16-th byte: the name type (`0x00` workstation, `0x1D` master browser, `0x20` server, ...).
    public var suffix: UInt8 { self[15] }

    public var rawBytes: [UInt8] { (0..<16).map { self[$0] } }

    /// Wireshark's rendering: `NAME<xx>`, trailing spaces of the 15 name bytes dropped, other bytes
    /// outside printable ASCII as `<xx>`.
    public var description: String {
        var end = 15
        while end > 0 && self[end - 1] == 0x20 { end -= 1 }
        var text = ""
        for index in 0..<end { text += Self.render(self[index]) }
        return text + "<" + Self.hex(self[15]) + ">"
    }

    private static func render(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "<" + hex(byte) + ">"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// Size of an encoded name on the wire: length byte, 32 letters, root label.
    public static let encodedCount = 34

    /// Writes the RFC 1001 first-level encoding (no scope) at `offset`.
    func encode(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        buffer[offset] = 0x20
        for index in 0..<16 {
            let byte = self[index]
            buffer[offset + 1 + 2 * index] = 0x41 + (byte >> 4)
            buffer[offset + 2 + 2 * index] = 0x41 + (byte & 0x0F)
        }
        buffer[offset + 33] = 0x00
    }

    /// Reads an encoded name at `offset`; the caller has checked that 34 bytes are there.
    static func decode(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> NetBIOSName? {
        guard buffer[offset] == 0x20, buffer[offset + 33] == 0x00 else { return nil }
        return decodeLetters(buffer, at: offset + 1)
    }

    /// Reads the 32 letters 'A'...'P' at `offset`; the caller has checked that they are there.
    static func decodeLetters(_ buffer: UnsafeRawBufferPointer, at offset: Int) -> NetBIOSName? {
        var name = NetBIOSName(high: 0, low: 0)
        for index in 0..<16 {
            let upper = buffer[offset + 2 * index] &- 0x41
            let lower = buffer[offset + 1 + 2 * index] &- 0x41
            guard upper < 16, lower < 16 else { return nil }
            name[index] = upper << 4 | lower
        }
        return name
    }

    private init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}
