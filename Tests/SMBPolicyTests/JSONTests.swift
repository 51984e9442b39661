import Testing
@testable import SMBPolicy

@Suite struct JSONTests {
    @Test func serializedTreesParseBackToThemselves() throws {
        let tree = JSONValue.object([
            "version": .unsigned(1), "text": .string("quote \" slash \\ tab \t newline \n ctl \u{1} é 😀"),
            "list": .array([.null, .bool(true), .bool(false), .signed(-3), .unsigned(UInt64.max), .double(2.5)]),
            "empty": .object([:]), "none": .array([]),
        ])
        #expect(try JSONValue.parse(tree.serialized()) == tree)
    }

    @Test func standardEscapesAndSurrogatesDecode() throws {
        let parsed = try JSONValue.parse(Array(#"{"a": "\u00e9\ud83d\ude00\/\b\f"}"#.utf8))
        #expect(parsed == .object(["a": .string("é😀/\u{8}\u{c}")]))
    }

    @Test func malformedTextIsRejected() {
        for text in ["", "{", "{\"a\":}", "{\"a\":1,}", "[1 2]", "01", "1.", "-", "tru", "\"\u{1}\"", "{\"a\":1}x",
                     "{\"a\":1,\"a\":2}", "\"\\ud800\"", "\"\\x\"", String(repeating: "[", count: 300)] {
            #expect(throws: JSONValue.ParseError.self, "\(text)") { try JSONValue.parse(Array(text.utf8)) }
        }
    }

    /// Random damage to a valid file must give a value or an error, never a trap or a hang.
    @Test func damagedBytesNeverTrap() {
        var generator = SplitMix64(seed: 0x5EED)
        let valid = JSONValue.object([
            "version": .unsigned(1), "client": .object(["KeepConn": .unsigned(600), "EncryptionCiphers": .string("AES_128_GCM")]),
            "groupPolicy": .object(["client": .object(["EnableMailslots": .object(["type": .string("REG_DWORD"), "data": .unsigned(1)])])]),
        ]).serialized()
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
                }
            }
            if let parsed = try? JSONValue.parse(bytes) {
                _ = try? PolicyDocument(bytes: parsed.serialized())
            }
        }
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
